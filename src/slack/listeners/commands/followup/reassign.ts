import { reassignAll, reassignLead } from '../../../../db/ops/reassign-lead.js';
import { ensureRep } from '../../../../db/ops/ensure-rep.js';
import { parseUserMention } from '../../../parse/slack-text.js';
import { splitTrailingMention } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { leadName } from '../../../ui/format.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

const NOT_MANAGER = 'Only a manager can reassign leads (R13: no one knows your leads as well as you do). Ask your manager.';

// R13: reassignment is explicit: one lead, or `all @from @to` for a rep who leaves.
export const reassign: Subcommand = async (ctx) => {
  if (!ctx.rep.isManager) return refuse(NOT_MANAGER);
  const { db } = ctx.services.database;
  const all = /^all\s+(\S+)\s+(\S+)\s*$/i.exec(ctx.args.trim());
  if (all) {
    const from = parseUserMention(all[1]!);
    const to = parseUserMention(all[2]!);
    if (!from || !to) return refuse('Write it as `/followup reassign all @from @to`.', 'reassign');
    if (from === to) return refuse('The two reps are the same person.', 'reassign');
    await ensureRep(db, ctx.teamId, to, null, ctx.now);
    const moved = await reassignAll(db, { teamId: ctx.teamId, managerId: ctx.userId, fromOwnerId: from, toOwnerId: to, requestKey: ctx.requestKey, now: ctx.now });
    return reply(`Moved ${moved} ${moved === 1 ? 'lead' : 'leads'} from <@${from}> to <@${to}>.`, { redraw: moved > 0 ? [from, to] : [] });
  }
  const split = splitTrailingMention(ctx.args);
  if (!split) return refuse('Say who gets it: end with @user.', 'reassign');
  const found = await resolveOwnLead({ ...ctx, args: split.head }, 'reassign', 'team');
  if (isReply(found)) return found;
  if (found.rest.trim()) return refuse('Put the lead name first and the new owner last.', 'reassign');
  await ensureRep(db, ctx.teamId, split.userId, null, ctx.now);
  const { lead, fromOwnerId } = await reassignLead(db, {
    teamId: ctx.teamId,
    managerId: ctx.userId,
    leadId: found.lead.id,
    toOwnerId: split.userId,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  // Two queues changed: the lead left one rep's and joined the other's.
  return reply(`Reassigned ${leadName(lead)} from <@${fromOwnerId}> to <@${split.userId}>.`, { redraw: [fromOwnerId, split.userId] });
};
