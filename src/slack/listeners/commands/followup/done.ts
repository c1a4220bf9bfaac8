import { completeStep } from '../../../../db/ops/complete-step.js';
import { proposeFor } from '../../../../db/ops/propose-context.js';
import { parseDoneTail } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { doneText } from '../../../ui/command-replies.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

export const done: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'done');
  if (isReply(found)) return found;
  const parsed = parseDoneTail(found.rest, { now: ctx.now, zone: ctx.zone });
  if (!parsed.ok) return refuse(parsed.error, 'done');
  const { next, theirs } = parsed.value;
  const result = await completeStep(ctx.services.database.db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: found.lead.id,
    theirs,
    next,
    // docs/rules.md#r11: a customer always keeps a next step — the aftercare sequence sets it.
    propose: proposeFor({ now: ctx.now, zone: ctx.zone }),
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(doneText(result, ctx.zone, ctx.now), { redraw: [ctx.userId] });
};
