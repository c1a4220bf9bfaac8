import { describe, expect, it } from 'vitest';
import {
  cadenceDays,
  DEFAULT_IMPORTED_ACTION,
  proposeCheckIn,
  proposeFollowUp,
  proposeNextFor,
  thankYouStep,
} from '../../../src/coach/index.js';
import { inZone, localDaysBetween } from '../../../src/coach/local-day.js';
import type { TouchChannel } from '../../../src/domain/vocabulary.js';
import { clock, DAY, NOW, ZONE } from './fixtures.js';

const ny = (d: Date) => inZone(d, ZONE).toFormat('ccc d LLL HH:mm');
const BARE = /^(follow up|check in|check back in|touch base)$/i;
const open = (touchCount: number) => ({ status: 'open', touchCount, wonAt: null });
const ctx = (channels: TouchChannel[], over = {}) => ({ completedOrigin: 'coach' as const, channels, referralAsked: false, checkinDays: 90, ...over });

describe('R6 default cadence', () => {
  it('7 days after touches 1–3, about 3 weeks after the fourth', () => {
    expect([1, 2, 3, 4, 5].map(cadenceDays)).toEqual([7, 7, 7, 21, 21]);
  });

  it('proposes the end of a weekday in the rep\'s zone, moving weekends to Monday', () => {
    // Wed 25 Nov + 7 = Wed 2 Dec.
    expect(proposeFollowUp(1, clock).dueAt.toISOString()).toBe('2026-12-03T04:59:59.999Z');
    expect(proposeNextFor(open(4), ctx(['call', 'call', 'call', 'call']), clock).dueAt.toISOString()).toBe('2026-12-17T04:59:59.999Z');
  });

  it('every proposal has a purpose fitted to the touch and the channels so far', () => {
    const action = (n: number, channels: TouchChannel[]) => proposeNextFor(open(n), ctx(channels), clock).action;
    expect(action(1, ['call'])).toBe('send a written summary of what you agreed');
    expect(action(2, ['call', 'email'])).toBe("ask what's holding them back");
    expect(action(3, ['call', 'email', 'call'])).toBe("ask whether it's a yes, a no, or a not-now");
    expect(action(2, ['email', 'email'])).toBe("call instead of another e-mail: ask what's holding them back");
    expect(action(1, ['email'])).toBe('call to ask whether your message answered their questions');
    for (let n = 1; n <= 12; n++) {
      for (const channels of [['call'], ['email'], ['email', 'call'], ['meeting', 'email']] as TouchChannel[][]) {
        const a = action(n, channels);
        expect(a).not.toMatch(BARE);
        expect(a.split(' ').length).toBeGreaterThan(3);
      }
    }
    expect(proposeNextFor(open(1), ctx(['call']), clock).origin).toBe('coach');
  });

  it('the importer\'s default step has a purpose too', () => {
    expect(DEFAULT_IMPORTED_ACTION).not.toMatch(BARE);
    expect(DEFAULT_IMPORTED_ACTION).toMatch(/\bask\b/);
  });
});

describe('R11 after the sale, one step at a time', () => {
  const wonAt = new Date(NOW.getTime() - 2 * DAY);
  const customer = { status: 'won', touchCount: 6, wonAt };

  it('winning sets a thank-you due within 2 days', () => {
    const t = thankYouStep(clock);
    expect(t.origin).toBe('thanks');
    expect(ny(t.dueAt)).toBe('Thu 26 Nov 23:59');
    expect(t.action).toMatch(/thank/);
    // By the end of the second day after the win at the latest, and never on a weekend.
    for (const day of [23, 24, 25, 26, 27, 28, 29]) {
      const now = new Date(Date.UTC(2026, 10, day, 15));
      const due = thankYouStep({ now, zone: ZONE }).dueAt;
      expect(localDaysBetween(now, due, ZONE)).toBeLessThanOrEqual(2);
      expect(due.getTime()).toBeGreaterThan(now.getTime());
      expect(inZone(due, ZONE).weekday).toBeLessThanOrEqual(5);
    }
  });

  it('thank-you done → the service check-in 30 days after the win', () => {
    const next = proposeNextFor(customer, ctx([], { completedOrigin: 'thanks' }), clock);
    expect(next.origin).toBe('checkin');
    // Won Mon 23 Nov; 30 days on is Wed 23 Dec.
    expect(ny(next.dueAt)).toBe('Wed 23 Dec 23:59');
    expect(next.action).not.toMatch(BARE);
  });

  it('the first check-in done → a referral ask in 2 working days; then check-ins every checkin-days', () => {
    const ask = proposeNextFor(customer, ctx([], { completedOrigin: 'checkin' }), clock);
    expect(ask.origin).toBe('referral-ask');
    expect(ny(ask.dueAt)).toBe('Fri 27 Nov 23:59');
    const afterAsk = proposeNextFor(customer, ctx([], { completedOrigin: 'referral-ask', referralAsked: true }), clock);
    expect(afterAsk).toMatchObject({ origin: 'checkin' });
    expect(ny(afterAsk.dueAt)).toBe(ny(proposeCheckInAfter(90)));
    const later = proposeNextFor(customer, ctx([], { completedOrigin: 'checkin', referralAsked: true, checkinDays: 60 }), clock);
    expect(ny(later.dueAt)).toBe(ny(proposeCheckInAfter(60)));
  });

  it('a rep\'s own step on a customer done → the next check-in, so a customer always keeps a step', () => {
    for (const completedOrigin of ['rep', 'coach', null] as const) {
      const next = proposeNextFor(customer, ctx(['call'], { completedOrigin }), clock);
      expect(next.origin).toBe('checkin');
      expect(next.dueAt.getTime()).toBeGreaterThan(NOW.getTime());
    }
  });

  it('a late thank-you still gets a check-in in the future', () => {
    const longAgo = { ...customer, wonAt: new Date(NOW.getTime() - 45 * DAY) };
    expect(proposeNextFor(longAgo, ctx([], { completedOrigin: 'thanks' }), clock).dueAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(proposeCheckIn(clock).dueAt.getTime()).toBeGreaterThan(NOW.getTime());
  });
});

/** The end of the weekday `days` from NOW, as the cadence moves weekends. */
function proposeCheckInAfter(days: number): Date {
  let d = inZone(NOW, ZONE).plus({ days });
  if (d.weekday === 6) d = d.plus({ days: 2 });
  if (d.weekday === 7) d = d.plus({ days: 1 });
  return d.endOf('day').toJSDate();
}
