import { undoTouch } from '../../../../db/ops/undo-touch.js';
import { refuse, reply } from '../../../reply.js';
import { undoneText } from '../../../ui/command-replies.js';
import type { Subcommand } from './context.js';

export const undo: Subcommand = async (ctx) => {
  if (ctx.args.trim()) return refuse('`undo` takes nothing after it: it takes back your last logged touch.', 'undo');
  const result = await undoTouch(ctx.services.database.db, { teamId: ctx.teamId, repId: ctx.userId, requestKey: ctx.requestKey, now: ctx.now });
  return reply(undoneText(result), { redraw: [ctx.userId] });
};
