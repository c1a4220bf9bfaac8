import type { StepOrigin, TouchChannel } from '../domain/vocabulary.js';
import { inZone } from './local-day.js';
import type { Clock } from './types.js';

// docs/rules.md#r6: first follow-up 7 days after the initial contact, the second and third about 7 days
// later, the fourth about 3 weeks later (and every 3 weeks after that).
export function cadenceDays(touchCount: number): number {
  return touchCount >= 4 ? 21 : 7;
}

/** The end of the local day `days` from now, moved past a weekend to Monday. Never in the past. */
export function proposeDate(days: number, clock: Clock): Date {
  let day = inZone(clock.now, clock.zone).plus({ days: Math.max(days, 0) });
  if (day.weekday === 6) day = day.plus({ days: 2 });
  else if (day.weekday === 7) day = day.plus({ days: 1 });
  return day.endOf('day').toJSDate();
}

/** The end of the local day `n` weekdays (Monday to Friday) from today. */
export function weekdaysFrom(n: number, clock: Clock): Date {
  let day = inZone(clock.now, clock.zone);
  for (let left = Math.max(n, 0); left > 0; ) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left--;
  }
  return day.endOf('day').toJSDate();
}

// docs/rules.md#r6: every proposal says what the touch is for — never a bare "follow up" or "check in".
// From the practice: a written summary after the first conversation, then ask what is holding them back,
// then ask for a yes, a no or a not-now; after e-mails alone, pick up the phone.
export const FOLLOW_UP_ACTIONS = {
  summary: 'send a written summary of what you agreed',
  afterWritten: 'call to ask whether your message answered their questions',
  holdingBack: "ask what's holding them back",
  decision: "ask whether it's a yes, a no, or a not-now",
  later: 'bring something new (an idea, a case, an offer) and ask where they stand',
  callInstead: 'call instead of another e-mail',
} as const;

/** The importer's default step for a lead that came with no next step of its own (docs/rules.md#r6). */
export const DEFAULT_IMPORTED_ACTION = 'call to ask where things stand and what would help them decide';

const CONVERSATIONS: readonly TouchChannel[] = ['call', 'meeting', 'visit'];

/**
 * R6: what the next follow-up is for, after `touchCount` touches through these channels (oldest first,
 * the one just logged included).
 */
export function followUpAction(touchCount: number, channels: readonly TouchChannel[] = []): string {
  const purpose =
    touchCount <= 1
      ? channels.length && !CONVERSATIONS.includes(channels.at(-1)!)
        ? FOLLOW_UP_ACTIONS.afterWritten
        : FOLLOW_UP_ACTIONS.summary
      : touchCount === 2
        ? FOLLOW_UP_ACTIONS.holdingBack
        : touchCount === 3
          ? FOLLOW_UP_ACTIONS.decision
          : FOLLOW_UP_ACTIONS.later;
  const emailOnly = channels.length >= 2 && channels.every((c) => c === 'email');
  return emailOnly ? `${FOLLOW_UP_ACTIONS.callInstead}: ${purpose}` : purpose;
}

/** R6: the next step the coach proposes after a touch on an open lead, when the rep gave none. */
export function proposeFollowUp(touchCount: number, clock: Clock, channels: readonly TouchChannel[] = []): { action: string; dueAt: Date } {
  return { action: followUpAction(touchCount, channels), dueAt: proposeDate(cadenceDays(touchCount), clock) };
}

export type ProposedStep = { action: string; dueAt: Date; origin: Exclude<StepOrigin, 'rep'> };
