import { DateTime } from 'luxon';
import { pickForInspection } from '../../../../db/ops/pick-for-inspection.js';
import { parseUserMention } from '../../../parse/slack-text.js';
import { refuse } from '../../../reply.js';
import { inspectionBlocks, onDemandText } from '../../../ui/inspection.js';
import type { Subcommand } from './context.js';

const NOT_MANAGER = 'Only a manager can ask for leads to look at. Ask your manager.';

// "Don't assume — look": two more of a rep's open leads to look at, beside the digest's, picked the
// same way (at random, weighted by value, none looked at in the last 30 days).
export const inspect: Subcommand = async (ctx) => {
  if (!ctx.rep.isManager) return refuse(NOT_MANAGER);
  const repId = parseUserMention(ctx.args.trim());
  if (!repId) return refuse('Say whose leads: `/followup inspect @rep`.', 'inspect');
  if (repId === ctx.userId) return refuse('Pick one of your reps: looking is for someone else’s leads.', 'inspect');
  const weekKey = `ondemand:${DateTime.fromJSDate(ctx.now, { zone: 'utc' }).toFormat("yyyy-LL-dd'T'HH:mm")}`;
  const picks = await pickForInspection(ctx.services.database.db, { teamId: ctx.teamId, repId, weekKey, source: 'on-demand', count: 2, now: ctx.now });
  const text = onDemandText(repId, picks);
  if (picks.length === 0) return { text };
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...inspectionBlocks(repId, picks)] };
};
