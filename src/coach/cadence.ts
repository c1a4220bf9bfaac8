import type { StepOrigin } from '../domain/vocabulary.js';
import { inZone } from './local-day.js';
import type { Clock } from './types.js';

// R6: first follow-up 7 days after the initial contact, the second and third about 7 days later,
// the fourth about 3 weeks later (and every 3 weeks after that).
export function cadenceDays(touchCount: number): number {
  return touchCount >= 4 ? 21 : 7;
}

// R11: a service check-in 30 days after the win.
export const CHECK_IN_DAYS = 30;

/** The end of the local day `days` from now, moved past a weekend to Monday. Never in the past. */
export function proposeDate(days: number, clock: Clock): Date {
  let day = inZone(clock.now, clock.zone).plus({ days: Math.max(days, 0) });
  if (day.weekday === 6) day = day.plus({ days: 2 });
  else if (day.weekday === 7) day = day.plus({ days: 1 });
  return day.endOf('day').toJSDate();
}

/** R6: the next step the coach proposes after a touch, when the rep gave none. */
export function proposeFollowUp(touchCount: number, clock: Clock): { action: string; dueAt: Date } {
  const action = touchCount >= 4 ? 'check back in' : 'follow up';
  return { action, dueAt: proposeDate(cadenceDays(touchCount), clock) };
}

/** R11: the check-in step a won lead gets. */
export function proposeCheckIn(clock: Clock): { action: string; dueAt: Date } {
  return { action: 'service check-in', dueAt: proposeDate(CHECK_IN_DAYS, clock) };
}

/** TEMP shim (#14): the contract's signature. */
export function proposeNextFor(
  lead: { status: string; touchCount: number; wonAt?: Date | null },
  ctx: { completedOrigin: StepOrigin | null; channels: readonly string[]; referralAsked: boolean; checkinDays: number },
  clock: Clock,
): { action: string; dueAt: Date; origin: StepOrigin } {
  if (lead.status !== 'won') return { ...proposeFollowUp(lead.touchCount, clock), origin: 'coach' };
  if (ctx.completedOrigin === 'thanks') return { ...proposeCheckIn(clock), origin: 'checkin' };
  if (ctx.completedOrigin === 'checkin' && !ctx.referralAsked) return { action: 'ask for a referral', dueAt: proposeDate(2, clock), origin: 'referral-ask' };
  return { action: 'service check-in', dueAt: proposeDate(ctx.checkinDays, clock), origin: 'checkin' };
}

export function thankYouStep(clock: Clock): { action: string; dueAt: Date; origin: 'thanks' } {
  return { action: 'thank them for their business', dueAt: proposeDate(2, clock), origin: 'thanks' };
}
