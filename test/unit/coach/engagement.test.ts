import { describe, expect, it } from 'vitest';
import { buildQueue, changeApproach, stoppedEarly, touchNote } from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, lead } from './fixtures.js';

describe('R9 with R7: never give up on a lead that engages', () => {
  it('under 4 touches since engagement, nothing says close it, however many touches in all', () => {
    for (const touchCount of [5, 6, 7, 8, 11]) {
      const responsive = lead({ touchCount, touchesSinceEngagement: 1, positiveSignalCount: 2, openStep: dueToday() });
      const item = buildQueue([responsive], clock).items[0]!;
      expect(changeApproach(responsive)).toBeNull();
      expect(item.offers.changeApproach).toBe(false);
      expect(item.reasons.join(' ')).not.toMatch(/close|give up/i);
    }
  });

  it('at 4+ touches with no reply, the item offers the choice: another way, or close it', () => {
    const silent = lead({ touchCount: 6, touchesSinceEngagement: 4, openStep: dueToday() });
    const item = buildQueue([silent], clock).items[0]!;
    expect(item.offers.changeApproach).toBe(true);
    expect(item.reasons).toContain('4 touches with no reply — try another way or close it');
    expect(changeApproach({ ...silent, touchesSinceEngagement: 3 })).toBeNull();
  });

  it('a customer is never offered to close', () => {
    const customer = lead({ status: 'won', tier: 'customer', touchCount: 9, touchesSinceEngagement: 6, openStep: dueToday() });
    expect(buildQueue([customer], clock).items[0]!.offers.changeApproach).toBe(false);
  });
});

describe('R7 persistence', () => {
  it('past touch 4 the item says where it stands, up to touch 12', () => {
    expect(touchNote(lead({ touchCount: 3 }))).toBeNull();
    expect(touchNote(lead({ touchCount: 4 }))).toBe('touch 5 — most sales close between the 5th and 12th contact');
    expect(touchNote(lead({ touchCount: 5 }))).toBe('touch 6 — most sales close between the 5th and 12th contact');
    expect(touchNote(lead({ touchCount: 11 }))).toBe('touch 12 — most sales close between the 5th and 12th contact');
    expect(touchNote(lead({ touchCount: 12 }))).toBeNull();
  });

  it('customers get no touch coaching', () => {
    expect(touchNote(lead({ touchCount: 10, status: 'won', tier: 'customer' }))).toBeNull();
    expect(touchNote(lead({ touchCount: 6, tier: 'customer' }))).toBeNull();
  });

  it('R7 stopped at 1–2 touches: nothing scheduled; a step still to come is not stopping', () => {
    expect(stoppedEarly(lead({ touchCount: 2, openStep: null }), clock)).toBe(true);
    expect(stoppedEarly(lead({ touchCount: 1, openStep: null, lastTouchAt: ago(3 * DAY) }), clock)).toBe(true);
    expect(stoppedEarly(lead({ touchCount: 1, lastTouchAt: ago(15 * DAY) }), clock)).toBe(false);
    expect(stoppedEarly(lead({ touchCount: 3, openStep: null }), clock)).toBe(false);
    const onSchedule = buildQueue([lead({ touchCount: 2, lastTouchAt: ago(15 * DAY), openStep: dueToday() })], clock).items[0]!;
    expect(onSchedule.reasons.join(' ')).not.toContain('stopped at');
  });
});
