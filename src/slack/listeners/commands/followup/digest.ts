import { DateTime } from 'luxon';
import { safeZone } from '../../../../coach/local-day.js';
import { teamById } from '../../../../db/queries/team-by-id.js';
import { buildDigest } from '../../../../jobs/digest-build.js';
import { refuse, type Reply } from '../../../reply.js';
import type { Subcommand } from './context.js';

// docs/rules.md#r15: `/followup digest` — a manager reads this week's digest so far, now, only for themselves:
// ephemeral messages through the command's response_url, in order. A rep is refused.
export const digest: Subcommand = async (ctx): Promise<Reply> => {
  if (!ctx.rep.isManager) return refuse('Only a manager can read the team digest. Ask your manager, or see your own stalled leads with `/followup stalled`.');
  if (ctx.args.trim()) return refuse('`/followup digest` takes nothing after it.', 'digest');
  const { db } = ctx.services.database;
  const team = await teamById(db, ctx.teamId);
  if (!team) return refuse('This workspace is not set up yet.');
  const from = DateTime.fromJSDate(ctx.now, { zone: safeZone(team.teamTz ?? 'UTC') }).startOf('week');
  const { messages } = await buildDigest(db, team, { from: from.toJSDate(), to: ctx.now, now: ctx.now, soFar: true });
  return { text: '', more: messages };
};
