import { reassignAll, reassignLead } from '../../../../db/ops/reassign-lead.js';
import { ensureRep } from '../../../../db/ops/ensure-rep.js';
import { parseUserMention } from '../../../parse/slack-text.js';
import { splitTrailingMention } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { tellPerson } from '../../../../outbound/person-dm.js';
import { leadName } from '../../../ui/format.js';
import { handoverAllText, handoverText, linesMessage } from '../../../ui/handover.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

const NOT_MANAGER = 'Only a manager can reassign leads: no one knows your leads as well as you do. Ask your manager.';

// docs/rules.md#r13: reassignment is explicit: one lead, or `all @from @to` for a rep who leaves.
export const reassign: Subcommand = async (ctx) => {
  if (!ctx.rep.isManager) return refuse(NOT_MANAGER);
  const { db } = ctx.services.database;
  const all = /^all\s+(\S+)\s+(\S+)\s*$/i.exec(ctx.args.trim());
  if (all) {
    const from = parseUserMention(all[1]!);
    const to = parseUserMention(all[2]!);
    if (!from || !to) return refuse('Write it as `/followup reassign all @from @to`.', 'reassign');
    if (from === to) return refuse('The two reps are the same person.', 'reassign');
    const toRep = await ensureRep(db, ctx.teamId, to, null, ctx.now);
    const moved = await reassignAll(db, { teamId: ctx.teamId, managerId: ctx.userId, fromOwnerId: from, toOwnerId: to, requestKey: ctx.requestKey, now: ctx.now });
    let told = '';
    if (moved.count > 0 && to !== ctx.userId) {
      const text = handoverAllText({ leads: moved.leads, managerId: ctx.userId, fromOwnerId: from }, toRep.tz ?? ctx.zone, ctx.now);
      const sent = await tellPerson(ctx.client, ctx.services.logger, to, linesMessage(text), 'handover');
      told = sent ? ` <@${to}> has a DM listing them.` : ` I couldn't DM <@${to}> about them; let them know.`;
    }
    return reply(`Moved ${moved.count} ${moved.count === 1 ? 'lead' : 'leads'} from <@${from}> to <@${to}>.${told}`, { redraw: moved.count > 0 ? [from, to] : [] });
  }
  const split = splitTrailingMention(ctx.args);
  if (!split) return refuse('Say who gets it: end with @user.', 'reassign');
  const found = await resolveOwnLead({ ...ctx, args: split.head }, 'reassign', 'team');
  if (isReply(found)) return found;
  if (found.rest.trim()) return refuse('Put the lead name first and the new owner last.', 'reassign');
  const toRep = await ensureRep(db, ctx.teamId, split.userId, null, ctx.now);
  const { lead, fromOwnerId, openStep } = await reassignLead(db, {
    teamId: ctx.teamId,
    managerId: ctx.userId,
    leadId: found.lead.id,
    toOwnerId: split.userId,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  const text = handoverText({ lead, openStep, managerId: ctx.userId, fromOwnerId }, toRep.tz ?? ctx.zone, ctx.now);
  const sent = split.userId === ctx.userId || (await tellPerson(ctx.client, ctx.services.logger, split.userId, linesMessage(text), 'handover'));
  const told = split.userId === ctx.userId ? '' : sent ? ` <@${split.userId}> has a DM about it.` : ` I couldn't DM <@${split.userId}> about it; let them know.`;
  // Two queues changed: the lead left one rep's and joined the other's.
  return reply(`Reassigned ${leadName(lead)} from <@${fromOwnerId}> to <@${split.userId}>.${told}`, { redraw: [fromOwnerId, split.userId] });
};
