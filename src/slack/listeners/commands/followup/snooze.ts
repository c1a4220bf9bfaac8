import { snoozeLead } from '../../../../db/ops/snooze-lead.js';
import { parseSnoozeTail } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { snoozedText } from '../../../ui/command-replies.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

export const snooze: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'snooze');
  if (isReply(found)) return found;
  const parsed = parseSnoozeTail(found.rest, { now: ctx.now, zone: ctx.zone });
  if (!parsed.ok) return refuse(parsed.error, 'snooze');
  const lead = await snoozeLead(ctx.services.database.db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: found.lead.id,
    until: parsed.value.until,
    reason: parsed.value.reason,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(snoozedText(lead, ctx.zone, ctx.now), { redraw: [ctx.userId] });
};
