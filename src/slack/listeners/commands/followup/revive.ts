import { reviveLead } from '../../../../db/ops/revive-lead.js';
import { textField } from '../../../parse/text-field.js';
import { refuse, reply } from '../../../reply.js';
import { revivedText } from '../../../ui/command-replies.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

// R12: a trigger event brings a cold prospect back into the queue.
export const revive: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'revive');
  if (isReply(found)) return found;
  if (!found.rest.trim()) return refuse('Say what happened, e.g. "their vendor went out of business".', 'revive');
  const trigger = textField(found.rest, 'trigger event', 500);
  if (!trigger.ok) return refuse(trigger.error, 'revive');
  const lead = await reviveLead(ctx.services.database.db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: found.lead.id,
    trigger: trigger.value,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(revivedText(lead), { redraw: [ctx.userId] });
};
