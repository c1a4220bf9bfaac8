// docs/rules.md#r14: after a call or meeting, confirm in writing what was agreed — a ready-to-send e-mail
// naming the agreement and both sides' next steps with their dates, in the rep's zone.
import { inZone } from './local-day.js';

export interface ConfirmationInput {
  leadName: string;
  repName: string;
  /** What the rep logged as the outcome of the conversation. */
  outcome: string | null;
  repStep: { action: string; dueAt: Date; allDay: boolean } | null;
  theirCommitment: string | null;
}

/** "Friday 4 December", "Friday 4 December 2027 at 14:00": a date a prospect reads without a calendar. */
export function emailDate(at: Date, allDay: boolean, zone: string, now: Date): string {
  const local = inZone(at, zone);
  const sameYear = local.year === inZone(now, zone).year;
  return local.toFormat(`cccc d LLLL${sameYear ? '' : ' yyyy'}`) + (allDay ? '' : ` at ${local.toFormat('HH:mm')}`);
}

const sentence = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

/** R14: the confirmation e-mail's subject and body, plain text. */
export function confirmationEmail(input: ConfirmationInput, zone: string, now: Date): { subject: string; body: string } {
  const { leadName, repName, repStep, theirCommitment } = input;
  const outcome = input.outcome?.trim() ? input.outcome.trim() : null;
  const when = repStep ? emailDate(repStep.dueAt, repStep.allDay, zone, now) : null;
  const subject = repStep ? `Next steps: ${repStep.action.trim()} by ${when}` : 'Thank you for your time today';

  const steps: string[] = [];
  if (repStep) steps.push(`- I will ${repStep.action.trim()} by ${when}.`);
  if (theirCommitment?.trim()) {
    const theirs = theirCommitment.trim().replace(/[.!?]$/, '');
    steps.push(`- You will ${theirs}${when ? ` by ${when}` : ''}.`);
  }
  const body = [
    `Hi ${leadName.trim()},`,
    '',
    'Thank you for your time today. To confirm what we agreed:',
    ...(outcome ? ['', sentence(outcome)] : []),
    ...(steps.length ? ['', 'Next steps:', ...steps] : []),
    '',
    'If I have missed or misread anything, just reply and I will correct it.',
    '',
    'Best regards,',
    repName.trim(),
  ].join('\n');
  return { subject, body };
}
