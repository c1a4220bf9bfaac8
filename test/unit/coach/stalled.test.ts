import { describe, expect, it } from 'vitest';
import { parkedOf, stalledLeads, stallOf, STALL_REASONS, summarizeStalled } from '../../../src/coach/stalled.js';
import type { CoachLead } from '../../../src/coach/types.js';
import { ago, clock, DAY, dueToday, HOUR, lead, later, overdue1, step, todayAt } from './fixtures.js';

// 09:00–18:00, Monday to Friday; NOW is Wednesday 10:00 in New York.
const WEEK = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const stall = (l: CoachLead) => stallOf(l, clock, WEEK);
const reason = (l: CoachLead) => stall(l)?.reason ?? null;

describe('R15 not stalled', () => {
  it('a cold prospect with nothing due, however long untouched', () => {
    expect(stall(lead({ tier: 'cold', touchCount: 1, openStep: null, lastTouchAt: ago(40 * DAY) }))).toBeNull();
    expect(stall(lead({ tier: 'cold', touchCount: 0, lastTouchAt: null, openStep: null }))).toBeNull();
    // A step the coach proposed on a cold prospect is not due either (R12).
    expect(stall(lead({ tier: 'cold', openStep: overdue1({ origin: 'coach' }), lastTouchAt: ago(40 * DAY) }))).toBeNull();
  });

  it('a lead on schedule 3 weeks out (the cadence after touch 4)', () => {
    expect(stall(lead({ touchCount: 4, lastTouchAt: ago(DAY), openStep: step({ dueAt: later(21 * DAY), origin: 'coach' }) }))).toBeNull();
    // Two weeks and more after that touch, the step is less than a week away: still on schedule.
    expect(stall(lead({ touchCount: 4, lastTouchAt: ago(15 * DAY), openStep: step({ dueAt: later(6 * DAY), origin: 'coach' }) }))).toBeNull();
  });

  it('a step due today, or a promise due later today, is not overdue yet', () => {
    expect(stall(lead({ openStep: dueToday() }))).toBeNull();
    expect(stall(lead({ openStep: todayAt(14, { promised: true }) }))).toBeNull();
  });

  it('a new inbound lead within its first hour, or an imported one waiting for its planned contact', () => {
    expect(stall(lead({ inbound: true, touchCount: 0, lastTouchAt: null, openStep: null, createdAt: ago(HOUR / 2) }))).toBeNull();
    expect(stall(lead({ imported: true, touchCount: 0, lastTouchAt: null, openStep: dueToday({ origin: 'plan' }) }))).toBeNull();
  });

  it('a lost lead, whatever is wrong with it', () => {
    expect(stall(lead({ status: 'lost', openStep: overdue1({ promised: true }) }))).toBeNull();
  });
});

describe('R15 snoozed leads are parked, not stalled', () => {
  const snoozed = (over: Partial<CoachLead> = {}) =>
    lead({ snoozedUntil: later(3 * DAY), snoozeReason: 'back from holiday on Monday', snoozeCount: 1, snoozedDaysTotal: 3, openStep: overdue1({ promised: true }), ...over });

  it('is parked with its reason and wake date, even with a missed promise', () => {
    const l = snoozed();
    expect(stall(l)).toBeNull();
    expect(parkedOf(l, clock.now)).toEqual({ lead: l, reason: 'back from holiday on Monday', until: later(3 * DAY), flagged: false });
  });

  it('is flagged when snoozed three times or more, or more than 60 days in all', () => {
    expect(parkedOf(snoozed({ snoozeCount: 2, snoozedDaysTotal: 60 }), clock.now)!.flagged).toBe(false);
    expect(parkedOf(snoozed({ snoozeCount: 3 }), clock.now)!.flagged).toBe(true);
    expect(parkedOf(snoozed({ snoozedDaysTotal: 61 }), clock.now)!.flagged).toBe(true);
  });

  it('once awake, is judged like any other lead', () => {
    const woken = snoozed({ snoozedUntil: ago(HOUR) });
    expect(parkedOf(woken, clock.now)).toBeNull();
    expect(reason(woken)).toBe('missed-promise');
  });
});

describe('R15 stalled, under its most severe reason', () => {
  it('a missed promise', () => {
    expect(stall(lead({ openStep: overdue1({ promised: true }) }))).toEqual({
      reason: 'missed-promise',
      others: [],
      detail: 'promised call overdue 1 day',
      stuckDays: 1,
    });
    // A timed promise is missed from its time.
    expect(stall(lead({ openStep: todayAt(7, { promised: true }) }))?.detail).toBe('promised call overdue 3 hours');
  });

  it('a new inbound lead not contacted within its first working hour', () => {
    // Came in yesterday at 14:00: hours of working time untouched.
    const l = lead({ inbound: true, tier: 'new', touchCount: 0, lastTouchAt: null, firstTouchAt: null, openStep: null, createdAt: ago(20 * HOUR) });
    expect(reason(l)).toBe('first-hour-missed');
  });

  it('a next step overdue', () => {
    expect(stall(lead({ openStep: overdue1() }))).toMatchObject({ reason: 'overdue', detail: 'call overdue 1 day', others: [] });
  });

  it('a planned first contact not worked on its day is overdue', () => {
    const l = lead({ imported: true, touchCount: 0, lastTouchAt: null, firstTouchAt: null, openStep: overdue1({ origin: 'plan', action: 'first call' }) });
    expect(stall(l)).toMatchObject({ reason: 'overdue', detail: 'planned first contact overdue 1 day' });
  });

  it('stopped at touch 1 with nothing scheduled; with a step scheduled it is not', () => {
    expect(stall(lead({ touchCount: 1, lastTouchAt: ago(3 * DAY), openStep: null }))).toEqual({
      reason: 'stopped-early',
      others: ['no next step'],
      detail: 'stopped at 1 touch, nothing scheduled',
      stuckDays: 3,
    });
    expect(stall(lead({ touchCount: 1, lastTouchAt: ago(3 * DAY), openStep: step({ dueAt: later(4 * DAY) }) }))).toBeNull();
  });

  it('no dated next step after three touches', () => {
    expect(stall(lead({ touchCount: 3, lastTouchAt: ago(5 * DAY), openStep: null }))).toMatchObject({
      reason: 'no-next-step',
      detail: 'no dated next step, last touch 5 days ago',
    });
  });

  it('gone quiet: no touch in 14 days and nothing coming up within 7 days', () => {
    expect(stall(lead({ touchCount: 5, lastTouchAt: ago(20 * DAY), openStep: step({ dueAt: later(10 * DAY) }) }))).toEqual({
      reason: 'gone-quiet',
      others: [],
      detail: 'no touch in 20 days, nothing due within a week',
      stuckDays: 20,
    });
    // Something coming up within the week: not stalled.
    expect(stall(lead({ touchCount: 5, lastTouchAt: ago(20 * DAY), openStep: step({ dueAt: later(5 * DAY) }) }))).toBeNull();
  });

  it('lists the other reasons in a few words beside the most severe', () => {
    expect(stall(lead({ touchCount: 2, lastTouchAt: ago(20 * DAY), openStep: null }))).toMatchObject({
      reason: 'stopped-early',
      others: ['no next step', 'no touch in 14 days'],
    });
    const untouchedPromise = lead({ inbound: true, tier: 'new', touchCount: 0, lastTouchAt: null, createdAt: ago(20 * HOUR), openStep: overdue1({ promised: true }) });
    expect(stall(untouchedPromise)).toMatchObject({ reason: 'missed-promise', others: ['first hour missed'] });
  });
});

describe('R15 each stalled lead once', () => {
  const leads = [
    lead({ name: 'Parked', snoozedUntil: later(DAY), snoozeCount: 3, openStep: null }),
    lead({ name: 'Cold', tier: 'cold', openStep: null, lastTouchAt: ago(30 * DAY) }),
    lead({ name: 'On schedule', openStep: step({ dueAt: later(21 * DAY) }), lastTouchAt: ago(DAY) }),
    lead({ name: 'Quiet', touchCount: 2, lastTouchAt: ago(20 * DAY), openStep: null }),
    lead({ name: 'Late', openStep: overdue1() }),
    lead({ name: 'Promise', openStep: overdue1({ promised: true }) }),
  ];

  it('lists each stalled lead once, most severe first', () => {
    expect(stalledLeads(leads, clock, WEEK).map((s) => [s.lead.name, s.stall.reason])).toEqual([
      ['Promise', 'missed-promise'],
      ['Late', 'overdue'],
      ['Quiet', 'stopped-early'],
    ]);
  });

  it("a rep's summary counts each once, parked apart, and says the other reasons beside each name", () => {
    const s = summarizeStalled('U1', leads, clock, WEEK, 10);
    expect(s.total).toBe(3);
    expect(Object.values(s.byReason).reduce((n, g) => n + g!.count, 0)).toBe(3);
    expect(s.byReason['stopped-early']).toEqual({ count: 1, names: ['Quiet'], details: ['stopped at 2 touches, nothing scheduled; also no next step, no touch in 14 days'] });
    expect([s.parked, s.parkedFlagged, s.leads]).toEqual([1, 1, 5]);
    expect(s.parkedLeads!.map((p) => p.lead.name)).toEqual(['Parked']);
    expect(Object.keys(s.byReason).every((r) => (STALL_REASONS as readonly string[]).includes(r))).toBe(true);
  });

  it('names only a few per reason and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => lead({ name: `L${i}`, openStep: overdue1() }));
    expect(summarizeStalled('U1', many, clock, WEEK, 2).byReason.overdue).toMatchObject({ count: 7, names: ['L0', 'L1'] });
  });
});
