import { summarizeStalled } from '../../../../coach/stalled.js';
import { loadCoachLeads } from '../../../../db/queries/coach-leads.js';
import { leadOwners } from '../../../../db/queries/lead-owners.js';
import { reply } from '../../../reply.js';
import { NAMES_PER_CATEGORY, repStalledText, teamStalledText } from '../../../ui/stalled-text.js';
import type { CommandContext, Subcommand } from './context.js';

async function summaryFor(ctx: CommandContext, ownerId: string) {
  const leads = await loadCoachLeads(ctx.services.database.db, { teamId: ctx.teamId, ownerId });
  return summarizeStalled(ownerId, leads, { now: ctx.now, zone: ctx.zone }, NAMES_PER_CATEGORY);
}

// R15: a manager sees the team's stalled leads by rep; everyone else their own.
export const stalled: Subcommand = async (ctx) => {
  if (!ctx.rep.isManager) return reply(repStalledText(await summaryFor(ctx, ctx.userId)));
  const summaries = [];
  for (const ownerId of await leadOwners(ctx.services.database.db, ctx.teamId)) summaries.push(await summaryFor(ctx, ownerId));
  return reply(teamStalledText(summaries));
};
