import { summarizeStalled, type RepStalledSummary } from '../../../../coach/stalled.js';
import { loadCoachLeads } from '../../../../db/queries/coach-leads.js';
import { forEachRepLeads } from '../../../../db/queries/team-leads-cursor.js';
import { teamReps } from '../../../../db/queries/team-reps.js';
import { teamWorkWeek } from '../../../../db/queries/team-work-week.js';
import { reply } from '../../../reply.js';
import { NAMES_PER_REASON, repStalledText, teamStalledText } from '../../../ui/stalled-text.js';
import type { Subcommand } from './context.js';

// R15: a manager sees the team's stalled leads by rep; everyone else their own. Parked leads are apart.
export const stalled: Subcommand = async (ctx) => {
  const { db } = ctx.services.database;
  const clock = { now: ctx.now, zone: ctx.zone };
  const week = await teamWorkWeek(db, ctx.teamId);
  if (!ctx.rep.isManager) {
    const leads = await loadCoachLeads(db, { teamId: ctx.teamId, ownerId: ctx.userId });
    return reply(repStalledText(summarizeStalled(ctx.userId, leads, clock, week, NAMES_PER_REASON), ctx.zone));
  }
  // The team in one cursor pass, folded rep by rep to counts and a few names.
  const summaries: RepStalledSummary[] = [];
  await forEachRepLeads(db, ctx.teamId, (ownerId, leads) => void summaries.push(summarizeStalled(ownerId, leads, clock, week, NAMES_PER_REASON)));
  const reps = await teamReps(db, ctx.teamId);
  return reply(teamStalledText(summaries, clock, new Map(reps.map((r) => [r.userId, r]))));
};
