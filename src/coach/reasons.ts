// docs/rules.md#queue: what one queue item says — at most three reasons, most severe first, never two
// that contradict each other.
import type { DueKind } from './due.js';
import { plural } from './labels.js';
import { isOverdue, localDaysBetween } from './local-day.js';
import type { Clock, CoachLead, WorkWeek } from './types.js';
import {
  changeApproach,
  confirmByEmail,
  overdueFor,
  promiseDueToday,
  promiseOverdue,
  speedToLeadMissed,
  stepTime,
  stoppedEarlyWarning,
  touchedTooRecently,
} from './warnings.js';

/** The kinds of reason, most severe first: the order they are shown and kept in. */
export const REASON_KINDS = [
  'promise-overdue', // R5
  'first-hour-missed', // R2
  'promise-today', // R5
  'due', // what is due: the step, the first contact, the check-in
  'change-approach', // R9
  'stopped-early', // R7
  'confirm-by-email', // R14
  'give-room', // R8
  'signals-up', // R10: positive signals moved it up
  'signals-down', // R10: poor-prospect signals moved it down
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export const MAX_REASONS = 3;

/**
 * Pairs that must never stand on one item: the second would tell the rep the opposite of the first.
 * - "give them room" (R8) against anything that says act now: an overdue or due-today promise, the
 *   missed first hour, confirming a call by e-mail (itself a touch), or "keep going" after stopping early.
 * - the choice to change approach or close (R9) against "keep going" (R7's stopped early) and against
 *   "showed interest: more likely" (a lead with interest is not one to close).
 * - "more likely" against "less likely": one net direction only.
 * - the three ways of saying what is due (overdue promise, promise today, due) name the same step.
 */
export const CONTRADICTIONS: ReadonlyArray<readonly [ReasonKind, ReasonKind]> = [
  ['give-room', 'promise-overdue'],
  ['give-room', 'promise-today'],
  ['give-room', 'first-hour-missed'],
  ['give-room', 'confirm-by-email'],
  ['give-room', 'stopped-early'],
  ['change-approach', 'stopped-early'],
  ['change-approach', 'signals-up'],
  ['signals-up', 'signals-down'],
  ['promise-overdue', 'promise-today'],
  ['promise-overdue', 'due'],
  ['promise-today', 'due'],
];

export const contradicts = (a: ReasonKind, b: ReasonKind): boolean =>
  CONTRADICTIONS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

export interface Reason {
  kind: ReasonKind;
  text: string;
}

/** What is due, in words: "send quote due today", "call overdue 3 hours", "first contact due now". */
export function dueText(lead: CoachLead, due: DueKind, clock: Clock): string {
  const step = lead.openStep;
  if (due === 'first-contact') return 'first contact due now';
  if (due === 'revived') return 'revived by a trigger event';
  if (!step) return 'due today';
  if (due === 'planned-first-contact') {
    const late = localDaysBetween(step.dueAt, clock.now, clock.zone);
    return late > 0 ? `first contact planned ${plural(late, 'day')} ago` : 'first contact planned for today';
  }
  if (isOverdue(step, clock.now, clock.zone)) return `${step.action} overdue ${overdueFor(step, clock)}`;
  const time = stepTime(step, clock.zone);
  return `${step.action} due today${time ? ` at ${time}` : ''}`;
}

/** Every reason that applies to a due lead, most severe first (signals are added once ranked). */
export function candidateReasons(lead: CoachLead, due: DueKind, clock: Clock, week: WorkWeek): Reason[] {
  const promise = promiseOverdue(lead, clock);
  const today = promise ? null : promiseDueToday(lead, clock);
  const out: Reason[] = [];
  const add = (kind: ReasonKind, text: string | null | undefined) => {
    if (text) out.push({ kind, text });
  };
  add('promise-overdue', promise?.text);
  add('first-hour-missed', speedToLeadMissed(lead, clock, week)?.text);
  add('promise-today', today?.text);
  if (!promise && !today) add('due', dueText(lead, due, clock));
  add('change-approach', changeApproach(lead)?.text);
  add('stopped-early', stoppedEarlyWarning(lead, clock)?.text);
  add('confirm-by-email', confirmByEmail(lead, clock)?.text);
  if (due !== 'first-contact' && due !== 'planned-first-contact') add('give-room', touchedTooRecently(lead, clock)?.text);
  return out;
}

/** The reasons kept: in severity order, each that contradicts none kept before it, at most three. */
export function pickReasons(candidates: readonly Reason[], max = MAX_REASONS): Reason[] {
  const kept: Reason[] = [];
  const sorted = [...candidates].sort((a, b) => REASON_KINDS.indexOf(a.kind) - REASON_KINDS.indexOf(b.kind));
  for (const r of sorted) {
    if (kept.length >= max) break;
    if (kept.some((k) => k.kind === r.kind || contradicts(k.kind, r.kind))) continue;
    kept.push(r);
  }
  return kept;
}

export const SIGNAL_REASON: Record<'signals-up' | 'signals-down', string> = {
  'signals-up': 'showed interest: more likely to buy',
  'signals-down': 'poor-prospect signals: less likely to buy',
};
