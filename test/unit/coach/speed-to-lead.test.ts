import { describe, expect, it } from 'vitest';
import { buildQueue, DEFAULT_WORK_WEEK, dueKind, FIRST_CONTACT_ACTION, speedToLeadMissed } from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, HOUR, lead, later, NOW, overdue1, step } from './fixtures.js';

const WEEK = DEFAULT_WORK_WEEK; // 09:00–18:00, Monday to Friday

const untouched = { tier: 'new' as const, touchCount: 0, lastTouchAt: null, firstTouchAt: null, lastTouchChannel: null, openStep: null };
const order = (leads: ReturnType<typeof lead>[]) => buildQueue(leads, clock).items.map((i) => i.lead.name);

describe('R2 speed to lead (inbound leads only)', () => {
  it('an untouched inbound lead is due now and sits at the top, above an overdue promise', () => {
    const fresh = lead({ ...untouched, name: 'fresh', inbound: true, createdAt: ago(10 * 60_000), value: 10 });
    const big = lead({ name: 'big referral', tier: 'referral', value: 1e6, openStep: overdue1({ promised: true }) });
    expect(dueKind(fresh, clock)).toBe('first-contact');
    expect(order([big, fresh])).toEqual(['fresh', 'big referral']);
    expect(speedToLeadMissed(fresh, clock, WEEK)).toBeNull();
  });

  it('after 1 hour of working time untouched an inbound lead is a miss', () => {
    // 13:00 in New York; it came in at 10:00.
    const afternoon = { now: later(3 * HOUR), zone: clock.zone };
    const late = lead({ ...untouched, inbound: true, createdAt: NOW });
    expect(speedToLeadMissed(late, afternoon, WEEK)).toMatchObject({ rule: 'R2', text: 'no first contact 3 hours after it came in' });
    expect(buildQueue([late], afternoon, WEEK).items[0]!.reasons).toContain('no first contact 3 hours after it came in');
    expect(speedToLeadMissed(late, { now: later(59 * 60_000), zone: clock.zone }, WEEK)).toBeNull();
  });

  it('an arrival outside working hours counts from the next working start, and is said in working hours', () => {
    // 07:00 in New York: its first working hour is 09:00–10:00, over just now.
    const early = lead({ ...untouched, inbound: true, createdAt: ago(3 * HOUR) });
    expect(speedToLeadMissed(early, clock, WEEK)).toMatchObject({ text: 'no first contact 1 working hour after it came in' });
    expect(speedToLeadMissed(early, { now: ago(60_000), zone: clock.zone }, WEEK)).toBeNull();
    // Saturday 02:00: not missed over the weekend, nor on Monday before 10:00.
    const saturday = lead({ ...untouched, inbound: true, createdAt: new Date('2026-11-28T07:00:00Z') });
    expect(speedToLeadMissed(saturday, { now: new Date('2026-11-30T14:59:00Z'), zone: clock.zone }, WEEK)).toBeNull();
    expect(speedToLeadMissed(saturday, { now: new Date('2026-11-30T15:00:00Z'), zone: clock.zone }, WEEK)).toMatchObject({
      text: 'no first contact 1 working hour after it came in',
    });
    // The team's own week: with Saturday a working day, the same lead missed its hour on Saturday.
    const saturdays = { ...WEEK, days: [1, 2, 3, 4, 5, 6] };
    expect(speedToLeadMissed(saturday, { now: new Date('2026-11-28T15:00:00Z'), zone: clock.zone }, saturdays)).not.toBeNull();
  });

  it('a lead added by hand is due now but is no miss and does not jump the queue', () => {
    const byHand = lead({ ...untouched, name: 'by hand', createdAt: ago(3 * HOUR), value: 10 });
    const referral = lead({ name: 'referral', tier: 'referral', value: 10_000, openStep: dueToday() });
    expect(dueKind(byHand, clock)).toBe('first-contact');
    expect(speedToLeadMissed(byHand, clock, WEEK)).toBeNull();
    expect(order([byHand, referral])).toEqual(['referral', 'by hand']);
    expect(buildQueue([byHand], clock).items[0]).toMatchObject({ reasons: ['first contact due now'], isNew: true });
  });

  it('imported leads, cold prospects and customers are not new arrivals', () => {
    const late = lead({ ...untouched, inbound: true, createdAt: ago(DAY) });
    expect(speedToLeadMissed(late, clock, WEEK)).not.toBeNull();
    expect(speedToLeadMissed({ ...late, imported: true }, clock, WEEK)).toBeNull();
    expect(speedToLeadMissed({ ...late, tier: 'cold' }, clock, WEEK)).toBeNull();
    expect(speedToLeadMissed({ ...late, tier: 'customer' }, clock, WEEK)).toBeNull();
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
