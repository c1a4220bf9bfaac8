import { describe, expect, it } from 'vitest';
import { buildQueue, dueKind, FIRST_CONTACT_ACTION, speedToLeadMissed } from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, HOUR, lead, later, overdue1, step } from './fixtures.js';

const untouched = { tier: 'new' as const, touchCount: 0, lastTouchAt: null, firstTouchAt: null, lastTouchChannel: null, openStep: null };
const order = (leads: ReturnType<typeof lead>[]) => buildQueue(leads, clock).items.map((i) => i.lead.name);

describe('R2 speed to lead (inbound leads only)', () => {
  it('an untouched inbound lead is due now and sits at the top, above an overdue promise', () => {
    const fresh = lead({ ...untouched, name: 'fresh', inbound: true, createdAt: ago(10 * 60_000), value: 10 });
    const big = lead({ name: 'big referral', tier: 'referral', value: 1e6, openStep: overdue1({ promised: true }) });
    expect(dueKind(fresh, clock)).toBe('first-contact');
    expect(order([big, fresh])).toEqual(['fresh', 'big referral']);
    expect(speedToLeadMissed(fresh, clock)).toBeNull();
  });

  it('after 1 hour untouched an inbound lead is a miss', () => {
    const late = lead({ ...untouched, inbound: true, createdAt: ago(3 * HOUR) });
    expect(speedToLeadMissed(late, clock)).toMatchObject({ text: 'no first contact 3 hours after it came in' });
    expect(buildQueue([late], clock).items[0]!.reasons).toContain('no first contact 3 hours after it came in');
  });

  it('a lead added by hand is due now but is no miss and does not jump the queue', () => {
    const byHand = lead({ ...untouched, name: 'by hand', createdAt: ago(3 * HOUR), value: 10 });
    const referral = lead({ name: 'referral', tier: 'referral', value: 10_000, openStep: dueToday() });
    expect(dueKind(byHand, clock)).toBe('first-contact');
    expect(speedToLeadMissed(byHand, clock)).toBeNull();
    expect(order([byHand, referral])).toEqual(['referral', 'by hand']);
    expect(buildQueue([byHand], clock).items[0]).toMatchObject({ reasons: ['first contact due now'], isNew: true });
  });

  it('imported leads and cold prospects are not new arrivals', () => {
    const late = lead({ ...untouched, inbound: true, createdAt: ago(3 * HOUR) });
    expect(speedToLeadMissed({ ...late, imported: true }, clock)).toBeNull();
    expect(speedToLeadMissed({ ...late, tier: 'cold' }, clock)).toBeNull();
  });
});

describe('R2 imported books: first contacts on their planned day', () => {
  const imported = { ...untouched, imported: true, createdAt: ago(5 * DAY) };

  it('a planned first contact is due on its day and stays due after it', () => {
    const plan = (dueAt: Date) => lead({ ...imported, openStep: step({ origin: 'plan', action: FIRST_CONTACT_ACTION, dueAt }) });
    expect(dueKind(plan(later(2 * DAY)), clock)).toBeNull();
    expect(dueKind(plan(dueToday().dueAt), clock)).toBe('planned-first-contact');
    expect(dueKind(plan(ago(2 * DAY)), clock)).toBe('planned-first-contact');
    expect(buildQueue([plan(dueToday().dueAt)], clock).items[0]!.reasons).toEqual(['first contact planned for today']);
    expect(buildQueue([plan(ago(2 * DAY))], clock).items[0]!.reasons).toEqual(['first contact planned 2 days ago']);
  });

  it('an imported lead with a dated step is due on that step\'s day, not "first contact due now"', () => {
    const dated = lead({ ...imported, openStep: step({ action: 'send the renewal quote', dueAt: later(3 * DAY) }) });
    expect(dueKind(dated, clock)).toBeNull();
    const today = lead({ ...imported, openStep: dueToday({ action: 'send the renewal quote' }) });
    expect(dueKind(today, clock)).toBe('step');
    expect(buildQueue([today], clock).items[0]!.reasons).toEqual(['send the renewal quote due today']);
  });

  it('the first-contact action says what it is for', () => {
    expect(FIRST_CONTACT_ACTION).toMatch(/\b(ask|introduce)\b/);
    expect(FIRST_CONTACT_ACTION).not.toMatch(/^(follow up|check in)$/);
  });
});
