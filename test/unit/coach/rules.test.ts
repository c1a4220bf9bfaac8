import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  cadenceDays,
  confirmByEmail,
  dueKind,
  likelihood,
  needsNextStep,
  noProgress,
  promiseOverdue,
  proposeCheckIn,
  proposeFollowUp,
  speedToLeadMissed,
  stalledCategories,
  stoppedEarly,
  touchedTooRecently,
} from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, HOUR, lead, later, NOW, overdue1, step, ZONE } from './fixtures.js';

const order = (leads: ReturnType<typeof lead>[]) => buildQueue(leads, clock).items.map((i) => i.lead.name);

describe('R1 priority by relationship', () => {
  it.each([
    ['referral', 'customer'],
    ['customer', 'lead'],
    ['lead', 'new'],
  ] as const)('%s outranks %s of equal value', (hi, lo) => {
    const a = lead({ name: 'lo', tier: lo, openStep: dueToday(), touchCount: 1 });
    const b = lead({ name: 'hi', tier: hi, openStep: dueToday(), touchCount: 1 });
    expect(order([a, b])).toEqual(['hi', 'lo']);
  });

  it('a lower tier passes only when worth more than 3x as much', () => {
    const ref = lead({ name: 'referral', tier: 'referral', value: 10_000, openStep: dueToday() });
    const at3x = lead({ name: 'customer 3x', tier: 'customer', value: 30_000, openStep: dueToday() });
    const over3x = lead({ name: 'customer 3.5x', tier: 'customer', value: 35_000, openStep: dueToday() });
    expect(order([at3x, ref])).toEqual(['referral', 'customer 3x']);
    expect(order([ref, over3x])).toEqual(['customer 3.5x', 'referral']);
  });

  it('within a tier, value and likelihood decide', () => {
    const big = lead({ name: 'big', value: 5000, openStep: dueToday() });
    const small = lead({ name: 'small', value: 2000, openStep: dueToday() });
    const bigButVague = lead({ name: 'big but vague', value: 5000, signalCount: 6, openStep: dueToday() });
    expect(order([small, bigButVague, big])).toEqual(['big', 'small', 'big but vague']);
  });
});

describe('R2 speed to lead', () => {
  it('an untouched new lead is due now and sits at the top', () => {
    const fresh = lead({ name: 'fresh', tier: 'new', touchCount: 0, lastTouchAt: null, createdAt: ago(10 * 60_000), openStep: null, value: 10 });
    const big = lead({ name: 'big referral', tier: 'referral', value: 1e6, openStep: overdue1({ promised: true }) });
    expect(dueKind(fresh, clock)).toBe('first-contact');
    expect(order([big, fresh])).toEqual(['fresh', 'big referral']);
    expect(speedToLeadMissed(fresh, clock)).toBeNull();
  });

  it('after 1 hour untouched it is a miss; imported leads and cold prospects are not new arrivals', () => {
    const late = lead({ tier: 'new', touchCount: 0, lastTouchAt: null, createdAt: ago(3 * HOUR), openStep: null });
    expect(speedToLeadMissed(late, clock)).toMatchObject({ rule: 'R2', text: 'no first contact 3 hours after it came in' });
    expect(speedToLeadMissed({ ...late, imported: true }, clock)).toBeNull();
    expect(speedToLeadMissed({ ...late, tier: 'cold' }, clock)).toBeNull();
  });
});

describe('R3 exactly one dated next step', () => {
  it('a touched open lead without a step is "no next step defined", in its own section', () => {
    const bare = lead({ name: 'bare', openStep: null });
    expect(needsNextStep(bare, clock)).toBe(true);
    const q = buildQueue([bare], clock);
    expect(q.items).toHaveLength(0);
    expect(q.noNextStep.map((l) => l.name)).toEqual(['bare']);
  });

  it('never-touched, won, lost, snoozed and cold leads are not warned for lacking one', () => {
    for (const l of [
      lead({ openStep: null, touchCount: 0, lastTouchAt: null }),
      lead({ openStep: null, status: 'won' }),
      lead({ openStep: null, status: 'lost' }),
      lead({ openStep: null, snoozedUntil: later(DAY) }),
      lead({ openStep: null, tier: 'cold' }),
    ]) {
      expect(needsNextStep(l, clock)).toBe(false);
    }
  });
});

describe('R4/R10 likelihood', () => {
  it('falls with poor-prospect signals and missed commitments, recovers with kept ones, stays in (0, 1]', () => {
    const base = likelihood({ signalCount: 0, theirMissed: 0, theirKept: 0 });
    expect(base).toBe(1);
    expect(likelihood({ signalCount: 2, theirMissed: 0, theirKept: 0 })).toBeLessThan(base);
    expect(likelihood({ signalCount: 0, theirMissed: 1, theirKept: 0 })).toBeLessThan(base);
    expect(likelihood({ signalCount: 0, theirMissed: 1, theirKept: 2 })).toBeGreaterThan(likelihood({ signalCount: 0, theirMissed: 1, theirKept: 0 }));
    expect(likelihood({ signalCount: 100, theirMissed: 100, theirKept: 0 })).toBeGreaterThan(0);
  });
});

describe('R5 promises are sacred', () => {
  it('an overdue promised step is the most severe warning and outranks an overdue unpromised one', () => {
    const promised = lead({ name: 'promised', openStep: overdue1({ promised: true, action: 'call' }) });
    const plain = lead({ name: 'plain', tier: 'referral', value: 50_000, openStep: overdue1() });
    expect(promiseOverdue(promised, clock)).toMatchObject({ rule: 'R5', text: 'promised call overdue 1 day' });
    expect(promiseOverdue(plain, clock)).toBeNull();
    expect(order([plain, promised])).toEqual(['promised', 'plain']);
  });

  it('a promise due today is not yet overdue', () => {
    expect(promiseOverdue(lead({ openStep: { ...dueToday(), promised: true } }), clock)).toBeNull();
  });
});

describe('R6 default cadence', () => {
  it('7 days after touches 1–3, about 3 weeks after the fourth', () => {
    expect([1, 2, 3, 4, 5].map(cadenceDays)).toEqual([7, 7, 7, 21, 21]);
  });

  it('proposes the end of a weekday in the rep\'s zone, moving weekends to Monday', () => {
    // Wed 25 Nov + 7 = Wed 2 Dec.
    expect(proposeFollowUp(1, clock).dueAt.toISOString()).toBe('2026-12-03T04:59:59.999Z');
    // Thu 26 Nov 2026 + 30 = Sat 26 Dec -> Mon 28 Dec (R11 check-in).
    const thu = { now: new Date('2026-11-26T15:00:00Z'), zone: ZONE };
    expect(proposeCheckIn(thu).dueAt.toISOString()).toBe('2026-12-29T04:59:59.999Z');
  });
});

describe('R7 persistence', () => {
  it('stopped at 1–2 touches: no open step, or no touch in 14 days', () => {
    expect(stoppedEarly(lead({ touchCount: 2, openStep: null }), clock)).toBe(true);
    expect(stoppedEarly(lead({ touchCount: 1, lastTouchAt: ago(15 * DAY) }), clock)).toBe(true);
    expect(stoppedEarly(lead({ touchCount: 1, lastTouchAt: ago(3 * DAY) }), clock)).toBe(false);
    expect(stoppedEarly(lead({ touchCount: 3, openStep: null }), clock)).toBe(false);
  });

  it('every queue item says which touch comes next', () => {
    const item = buildQueue([lead({ touchCount: 1, openStep: dueToday() })], clock).items[0]!;
    expect(item.reasons.at(-1)).toBe('touch 2 of 5+');
  });
});

describe('R8 don\'t pester', () => {
  it('warns when the lead was touched within 2 days, unless the prospect asked for the step', () => {
    expect(touchedTooRecently(lead({ lastTouchAt: ago(20 * HOUR), openStep: dueToday() }), clock)).toMatchObject({ rule: 'R8' });
    expect(touchedTooRecently(lead({ lastTouchAt: ago(20 * HOUR), openStep: { ...dueToday(), theirCommitment: 'asked us to call back' } }), clock)).toBeNull();
    expect(touchedTooRecently(lead({ lastTouchAt: ago(3 * DAY), openStep: dueToday() }), clock)).toBeNull();
  });
});

describe('R9 every touch moves the sale forward', () => {
  it('after 4+ touches without progress, suggests deciding', () => {
    expect(noProgress(lead({ touchesSinceProgress: 4 }))?.text).toBe('4 touches without progress: close it or change approach');
    expect(noProgress(lead({ touchesSinceProgress: 3 }))).toBeNull();
  });
});

describe('R11 after the sale', () => {
  it('a won lead is in the queue only when its check-in is due', () => {
    expect(dueKind(lead({ status: 'won', tier: 'customer', openStep: step({ origin: 'checkin', dueAt: later(20 * DAY) }) }), clock)).toBeNull();
    expect(dueKind(lead({ status: 'won', tier: 'customer', openStep: step({ origin: 'checkin', dueAt: dueToday().dueAt }) }), clock)).toBe('check-in');
  });
});

describe('R12 cold prospects', () => {
  it('stay out unless a step the rep set falls due, or a trigger event revives them', () => {
    expect(dueKind(lead({ tier: 'cold', touchCount: 0, lastTouchAt: null, openStep: null }), clock)).toBeNull();
    expect(dueKind(lead({ tier: 'cold', openStep: step({ dueAt: dueToday().dueAt, origin: 'coach' }) }), clock)).toBeNull();
    expect(dueKind(lead({ tier: 'cold', openStep: dueToday() }), clock)).toBe('step');
    expect(dueKind(lead({ tier: 'cold', openStep: null, revivedAt: ago(HOUR), lastTouchAt: ago(40 * DAY) }), clock)).toBe('revived');
    expect(dueKind(lead({ tier: 'cold', openStep: null, revivedAt: ago(5 * DAY), lastTouchAt: ago(HOUR) }), clock)).toBeNull();
  });
});

describe('R14 touch channels', () => {
  it('after a call, reminds to confirm by email', () => {
    expect(confirmByEmail(lead({ lastTouchChannel: 'call', lastTouchAt: ago(HOUR) }), clock)?.rule).toBe('R14');
    expect(confirmByEmail(lead({ lastTouchChannel: 'email', lastTouchAt: ago(HOUR) }), clock)).toBeNull();
  });
});

describe('R15 stalled classification', () => {
  it('puts a lead in every category that applies', () => {
    expect(stalledCategories(lead({ touchCount: 2, openStep: null, lastTouchAt: ago(20 * DAY) }), clock)).toEqual([
      'no-next-step',
      'no-touch-14d',
      'stopped-early',
    ]);
    expect(stalledCategories(lead({ openStep: overdue1({ promised: true }) }), clock)).toEqual(['missed-promise']);
    expect(stalledCategories(lead({ openStep: overdue1() }), clock)).toEqual(['overdue']);
    expect(stalledCategories(lead({ tier: 'new', touchCount: 0, lastTouchAt: null, openStep: null, createdAt: ago(2 * HOUR) }), clock)).toEqual(['speed-to-lead']);
    expect(stalledCategories(lead({ snoozedUntil: later(DAY), openStep: null }), clock)).toEqual(['parked']);
    expect(stalledCategories(lead({ status: 'lost', openStep: null }), clock)).toEqual([]);
  });
});

describe('queue reasons', () => {
  it('say why a lead ranks where it does, in plain words', () => {
    const l = lead({ tier: 'referral', value: 12_000, touchCount: 1, lastTouchAt: ago(3 * DAY), openStep: overdue1({ promised: true, action: 'call' }) });
    expect(buildQueue([l], clock).items[0]!.reasons.join(' · ')).toBe('Referral · $12,000 · promised call overdue 1 day · touch 2 of 5+');
  });

  it('the local day decides: a step due late tonight in New York is due today, not overdue', () => {
    const l = lead({ openStep: step({ dueAt: new Date('2026-11-26T03:00:00Z'), allDay: false }) });
    const item = buildQueue([l], clock).items[0]!;
    expect(item.reasons).toContain('call due today');
    expect(NOW < l.openStep!.dueAt).toBe(true);
  });
});
