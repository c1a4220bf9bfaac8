import { thankYouStep } from '../../../../coach/index.js';
import { tellPerson } from '../../../../outbound/person-dm.js';
import { closeLost, closeWon } from '../../../../db/ops/close-lead.js';
import { parseOptionalText } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { lostText, referrerThanksText, wonText } from '../../../ui/command-replies.js';
import { linesMessage } from '../../../ui/handover.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

// docs/rules.md#r11: the win is recorded with a thank-you step due within 2 days; a referred lead's owner is prompted to thank the referrer.
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
    thanks: thankYouStep({ now: ctx.now, zone: ctx.zone }),
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  const { lead } = result;
  let told = false;
  if (lead.referredBy) {
    told = await tellPerson(ctx.client, ctx.services.logger, lead.ownerId, linesMessage(referrerThanksText(lead)), 'referrer-thanks');
  }
  return reply(wonText(result, ctx.zone, ctx.now, told), { redraw: [ctx.userId] });
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
