import { describe, expect, it } from 'vitest';
import { buildQueue, dueKind, likelihood, needsNextStep } from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, HOUR, lead, later, overdue1, step, todayAt } from './fixtures.js';

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

  it('the prefix is the tier and the value, apart from the reasons', () => {
    const item = buildQueue([lead({ tier: 'referral', value: 12_000, openStep: dueToday() })], clock).items[0]!;
    expect(item.prefix).toBe('Referral · $12,000');
    expect(item.reasons.join(' ')).not.toContain('Referral');
    expect(buildQueue([lead({ tier: 'new', value: null, openStep: dueToday() })], clock).items[0]!.prefix).toBe('New lead');
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

describe('R4 a next step has two sides', () => {
  it('a pending commitment is shown and offers the prospect-side buttons; a marked one does neither', () => {
    const pending = lead({ openStep: dueToday({ theirCommitment: 'send the budget', theirStatus: 'pending' }) });
    const kept = lead({ openStep: dueToday({ theirCommitment: 'send the budget', theirStatus: 'kept' }) });
    const [a, b] = [pending, kept].map((l) => buildQueue([l], clock).items[0]!);
    expect(a).toMatchObject({ commitment: 'they: send the budget', offers: { theirSide: true } });
    expect(b).toMatchObject({ commitment: null, offers: { theirSide: false } });
  });
});

describe('R10 likelihood', () => {
  const none = { signalCount: 0, positiveSignalCount: 0, theirMissed: 0, theirKept: 0 };
  it('falls with poor-prospect signals and missed commitments, rises with positive signals and kept ones', () => {
    const base = likelihood(none);
    expect(likelihood({ ...none, signalCount: 2 })).toBeLessThan(base);
    expect(likelihood({ ...none, theirMissed: 1 })).toBeLessThan(base);
    expect(likelihood({ ...none, theirKept: 1 })).toBeGreaterThan(base);
    expect(likelihood({ ...none, positiveSignalCount: 1 })).toBeGreaterThan(base);
  });

  it('stays within 0.05 … 1, and positive signals alone are bounded', () => {
    expect(likelihood({ ...none, signalCount: 100, theirMissed: 100 })).toBe(0.05);
    expect(likelihood({ ...none, positiveSignalCount: 100, theirKept: 100 })).toBe(1);
    expect(likelihood({ ...none, positiveSignalCount: 100 })).toBe(likelihood({ ...none, positiveSignalCount: 3 }));
    expect(likelihood({ ...none, positiveSignalCount: 3 })).toBeLessThan(1);
  });

  it('an item says so when signals moved it, and not when they did not', () => {
    const keen = lead({ name: 'keen', value: 1000, positiveSignalCount: 2, touchesSinceEngagement: 0, openStep: dueToday() });
    const plain = lead({ name: 'plain', value: 1200, openStep: dueToday() });
    const vague = lead({ name: 'vague', value: 1300, signalCount: 3, openStep: dueToday() });
    const items = buildQueue([plain, vague, keen], clock).items;
    expect(items.map((i) => i.lead.name)).toEqual(['keen', 'plain', 'vague']);
    expect(items[0]!.reasons).toContain('showed interest: more likely to buy');
    expect(items[2]!.reasons).toContain('poor-prospect signals: less likely to buy');
    expect(items[1]!.reasons.join(' ')).not.toMatch(/likely/);
    // Alone in the queue, nothing was moved.
    expect(buildQueue([keen], clock).items[0]!.reasons.join(' ')).not.toMatch(/likely/);
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
