import { buildQueue } from '../../../../coach/queue.js';
import { loadCoachLeads } from '../../../../db/queries/coach-leads.js';
import { teamWorkWeek } from '../../../../db/queries/team-work-week.js';
import { reply } from '../../../reply.js';
import { queueText } from '../../../ui/queue-text.js';
import type { Subcommand } from './context.js';

// R13: a rep's queue holds only their own leads.
export const queue: Subcommand = async (ctx) => {
  const { db } = ctx.services.database;
  const leads = await loadCoachLeads(db, { teamId: ctx.teamId, ownerId: ctx.userId });
  const clock = { now: ctx.now, zone: ctx.zone };
  return reply(queueText(buildQueue(leads, clock, await teamWorkWeek(db, ctx.teamId)), clock));
};
