import { summarizeStalled, type RepStalledSummary } from '../../../../coach/stalled.js';
import { loadCoachLeads } from '../../../../db/queries/coach-leads.js';
import { forEachRepLeads } from '../../../../db/queries/team-leads-cursor.js';
import { reply } from '../../../reply.js';
import { NAMES_PER_CATEGORY, repStalledText, teamStalledText } from '../../../ui/stalled-text.js';
import type { Subcommand } from './context.js';

// R15: a manager sees the team's stalled leads by rep; everyone else their own.
export const stalled: Subcommand = async (ctx) => {
  const { db } = ctx.services.database;
  const clock = { now: ctx.now, zone: ctx.zone };
  if (!ctx.rep.isManager) {
    const leads = await loadCoachLeads(db, { teamId: ctx.teamId, ownerId: ctx.userId });
    return reply(repStalledText(summarizeStalled(ctx.userId, leads, clock, NAMES_PER_CATEGORY)));
  }
  // The team in one cursor pass, folded rep by rep to counts and a few names.
  const summaries: RepStalledSummary[] = [];
  await forEachRepLeads(db, ctx.teamId, (ownerId, leads) => void summaries.push(summarizeStalled(ownerId, leads, clock, NAMES_PER_CATEGORY)));
  return reply(teamStalledText(summaries));
};
