import type { StepOrigin, TouchChannel } from '../domain/vocabulary.js';
import { proposeDate, proposeFollowUp, weekdaysFrom, type ProposedStep } from './cadence.js';
import { inZone, localDaysBetween } from './local-day.js';
import type { Clock } from './types.js';

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
