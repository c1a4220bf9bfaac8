import { proposeCheckIn } from '../../../../coach/cadence.js';
import { closeLost, closeWon } from '../../../../db/ops/close-lead.js';
import { parseOptionalText } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { lostText, wonText } from '../../../ui/command-replies.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

// R11: the win is recorded and a service check-in scheduled 30 days out.
export const won: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'won');
  if (isReply(found)) return found;
  const note = parseOptionalText(found.rest, 'note');
  if (!note.ok) return refuse(note.error, 'won');
  const result = await closeWon(ctx.services.database.db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: found.lead.id,
    note: note.value,
    checkIn: proposeCheckIn({ now: ctx.now, zone: ctx.zone }),
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(wonText(result, ctx.zone, ctx.now), { redraw: [ctx.userId] });
};

export const lost: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'lost');
  if (isReply(found)) return found;
  const reason = parseOptionalText(found.rest, 'reason');
  if (!reason.ok) return refuse(reason.error, 'lost');
  const lead = await closeLost(ctx.services.database.db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: found.lead.id,
    note: reason.value,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(lostText(lead), { redraw: [ctx.userId] });
};
