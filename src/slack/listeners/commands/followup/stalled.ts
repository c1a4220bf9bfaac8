import { stalledLeads } from '../../../../coach/stalled.js';
import { loadCoachLeads } from '../../../../db/queries/coach-leads.js';
import { reply } from '../../../reply.js';
import { repStalledText, teamStalledText } from '../../../ui/stalled-text.js';
import type { Subcommand } from './context.js';

// R15: a manager sees the team's stalled leads by rep; everyone else their own.
export const stalled: Subcommand = async (ctx) => {
  const manager = ctx.rep.isManager;
  const leads = await loadCoachLeads(ctx.services.database.db, { teamId: ctx.teamId, ownerId: manager ? undefined : ctx.userId });
  const found = stalledLeads(leads, { now: ctx.now, zone: ctx.zone });
  return reply(manager ? teamStalledText(found) : repStalledText(found));
};
