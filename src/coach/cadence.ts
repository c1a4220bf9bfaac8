import type { StepOrigin, TouchChannel } from '../domain/vocabulary.js';
import { inZone, localDaysBetween } from './local-day.js';
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

// docs/rules.md#r11: after a sale, one step at a time — a thank-you within 2 days, a service check-in
// 30 days after the win, then a referral ask, then a check-in every `checkinDays` (90 by default).
export const CHECK_IN_DAYS = 30;
export const REFERRAL_ASK_WEEKDAYS = 2;

export const AFTERCARE_ACTIONS = {
  thanks: 'thank them for their business and say what happens next',
  serviceCheckIn: "service check-in: ask how it's working and whether they need anything",
  referralAsk: 'ask whether someone they know could use the same',
  checkIn: "check in on how it's going and what has changed on their side",
} as const;

/** R11: the step a won lead gets — a thank-you, due within 2 days of the win (a Friday's is due that day). */
export function thankYouStep(clock: Clock): { action: string; dueAt: Date; origin: 'thanks' } {
  const today = inZone(clock.now, clock.zone);
  // Tomorrow, unless that is a weekend day more than 2 days from the next weekday: Friday → Friday,
  // Saturday and Sunday → Monday.
  const dueAt = today.weekday === 5 ? today.endOf('day').toJSDate() : proposeDate(1, clock);
  return { action: AFTERCARE_ACTIONS.thanks, dueAt, origin: 'thanks' };
}

/** R11: the service check-in, 30 days after the win (never before tomorrow). */
export function proposeCheckIn(clock: Clock, wonAt: Date | null = null): { action: string; dueAt: Date } {
  const since = wonAt ? Math.max(localDaysBetween(wonAt, clock.now, clock.zone), 0) : 0;
  return { action: AFTERCARE_ACTIONS.serviceCheckIn, dueAt: proposeDate(Math.max(CHECK_IN_DAYS - since, 1), clock) };
}

export interface ProposeContext {
  /** Origin of the step just completed (null: none was open). */
  completedOrigin: StepOrigin | null;
  /** All the lead's touch channels, oldest first, the one just logged included. */
  channels: readonly TouchChannel[];
  /** R11: a referral ask step was already done for this customer. */
  referralAsked: boolean;
  /** R11: days between a customer's periodic check-ins (team setting, 90 by default). */
  checkinDays: number;
}

/** R6 for an open lead, R11 for a customer: the step the coach sets when the rep gives none. */
export function proposeNextFor(
  lead: { status: string; touchCount: number; wonAt: Date | null },
  ctx: ProposeContext,
  clock: Clock,
): ProposedStep {
  if (lead.status !== 'won') return { ...proposeFollowUp(lead.touchCount, clock, ctx.channels), origin: 'coach' };
  const periodic = { action: AFTERCARE_ACTIONS.checkIn, dueAt: proposeDate(ctx.checkinDays, clock), origin: 'checkin' as const };
  switch (ctx.completedOrigin) {
    case 'thanks':
      return { ...proposeCheckIn(clock, lead.wonAt), origin: 'checkin' };
    case 'checkin':
      if (ctx.referralAsked) return periodic;
      return { action: AFTERCARE_ACTIONS.referralAsk, dueAt: weekdaysFrom(REFERRAL_ASK_WEEKDAYS, clock), origin: 'referral-ask' };
    default:
      // After the referral ask, a rep's own step, or a touch with no step open: the next periodic check-in.
      return periodic;
  }
}
