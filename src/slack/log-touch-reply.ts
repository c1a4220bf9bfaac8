import type { NextStepArgs } from './parse/next-step.js';
import { logTouch } from '../db/ops/log-touch.js';
import { proposeFor } from '../db/ops/propose-context.js';
import type { Rep } from '../db/schema.js';
import type { AnySignal, TouchChannel, TouchDirection } from '../domain/vocabulary.js';
import type { Reply } from './reply.js';
import type { Services } from './services.js';
import { loggedText } from './ui/command-replies.js';
import { CONFIRMED_CHANNELS, confirmationText, draftButtonBlocks, draftFor } from './ui/confirmation-email.js';

export interface LogRequest {
  rep: Rep;
  leadId: string;
  channel: TouchChannel;
  outcome: string | null;
  signals: AnySignal[];
  next: NextStepArgs | null;
  direction: TouchDirection;
  theirs: 'kept' | 'missed' | null;
  requestKey: string | null;
  zone: string;
  now: Date;
}

/** A touch logged from the command or the form, and its reply: with the confirmation e-mail after a call or meeting (docs/rules.md#r14). */
export async function logTouchReply(services: Services, r: LogRequest): Promise<Reply> {
  const clock = { now: r.now, zone: r.zone };
  const result = await logTouch(services.database.db, {
    teamId: r.rep.teamId,
    repId: r.rep.userId,
    leadId: r.leadId,
    channel: r.channel,
    outcome: r.outcome,
    signals: r.signals,
    direction: r.direction,
    theirs: r.theirs,
    next: r.next,
    propose: proposeFor(clock),
    requestKey: r.requestKey,
    now: r.now,
  });
  const text = loggedText(result, r.zone, r.now, r.direction);
  const redraw = [r.rep.userId];
  if (!CONFIRMED_CHANNELS.has(r.channel)) return { text, redraw };
  const email = draftFor(result.lead, r.rep, r.outcome, result.next, r.zone, r.now);
  const full = `${text}\n\n${confirmationText(result.lead, email)}`;
  return result.lead.email ? { text: full, redraw } : { text: full, blocks: draftButtonBlocks(full, result.lead), redraw };
}
