import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildQueue, contradicts, proposeCheckIn, proposeFollowUp, TIER_RANK, type CoachLead } from '../../../src/coach/index.js';
import { inZone } from '../../../src/coach/local-day.js';
import { STEP_ORIGINS, TIERS } from '../../../src/domain/vocabulary.js';

const NOW = new Date('2026-11-25T15:00:00Z');
const DAY = 86_400_000;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC', 'America/Los_Angeles'];

const stepFields = {
  action: fc.constantFrom('call', 'send proposal', 'demo'),
  dueAt: fc.integer({ min: -20, max: 20 }).map((d) => new Date(NOW.getTime() + d * DAY / 2)),
  allDay: fc.boolean(),
  promised: fc.boolean(),
  theirCommitment: fc.option(fc.constant('send budget'), { nil: null }),
  theirStatus: fc.constantFrom('pending', 'kept', 'missed', null),
  origin: fc.constantFrom(...STEP_ORIGINS),
};
const arbStep = fc.option(fc.record({ id: fc.constant('s'), ...stepFields }), { nil: null });

const leadFields = {
  tier: fc.constantFrom(...TIERS),
  value: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  status: fc.constantFrom('open', 'open', 'open', 'won', 'lost'),
  ageHours: fc.integer({ min: 0, max: 2000 }),
  imported: fc.boolean(),
  inbound: fc.boolean(),
  touchCount: fc.integer({ min: 0, max: 12 }),
  lastTouchDays: fc.integer({ min: 0, max: 40 }),
  lastTouchChannel: fc.constantFrom('call', 'email', 'note'),
  snoozedDays: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  signalCount: fc.integer({ min: 0, max: 5 }),
  positiveSignalCount: fc.integer({ min: 0, max: 5 }),
  touchesSinceEngagement: fc.integer({ min: 0, max: 8 }),
  lastOutcome: fc.option(fc.string({ maxLength: 200 }), { nil: null }),
  theirKept: fc.integer({ min: 0, max: 3 }),
  theirMissed: fc.integer({ min: 0, max: 3 }),
  openStep: arbStep,
  revived: fc.boolean(),
};
type LeadFields = { [K in keyof typeof leadFields]: (typeof leadFields)[K] extends fc.Arbitrary<infer T> ? T : never };

const toLead = (r: LeadFields): Omit<CoachLead, 'id' | 'name'> => ({
  company: null,
  ownerId: 'U1',
  tier: r.tier,
  value: r.value,
  status: r.status as CoachLead['status'],
  createdAt: new Date(NOW.getTime() - r.ageHours * 3_600_000),
  imported: r.imported,
  inbound: r.inbound,
  touchCount: r.touchCount,
  firstTouchAt: r.touchCount ? new Date(NOW.getTime() - r.lastTouchDays * DAY - DAY) : null,
  lastTouchAt: r.touchCount ? new Date(NOW.getTime() - r.lastTouchDays * DAY) : null,
  lastTouchChannel: r.touchCount ? (r.lastTouchChannel as CoachLead['lastTouchChannel']) : null,
  lastOutcome: r.touchCount ? r.lastOutcome : null,
  snoozedUntil: r.snoozedDays === null ? null : new Date(NOW.getTime() + r.snoozedDays * DAY),
  snoozeReason: null,
  snoozeCount: r.snoozedDays === null ? 0 : 1,
  snoozedDaysTotal: r.snoozedDays === null ? 0 : Math.abs(r.snoozedDays),
  revivedAt: r.revived ? new Date(NOW.getTime() - DAY / 4) : null,
  wonAt: r.status === 'won' ? new Date(NOW.getTime() - 10 * DAY) : null,
  signalCount: r.signalCount,
  positiveSignalCount: r.positiveSignalCount,
  theirKept: r.theirKept,
  theirMissed: r.theirMissed,
  touchesSinceEngagement: Math.min(r.touchCount, r.touchesSinceEngagement),
  referredBy: null,
  openStep: r.openStep,
});

/** A lead whose fields are all arbitrary but those held to the arbitraries given here. */
const arbLeadWith = (held: Partial<{ [K in keyof LeadFields]: fc.Arbitrary<LeadFields[K]> }> = {}) => fc.record({ ...leadFields, ...held }).map(toLead);
const arbLead = arbLeadWith();
const named = (ls: Omit<CoachLead, 'id' | 'name'>[]) => ls.map((l, i): CoachLead => ({ ...l, id: `id-${String(i).padStart(3, '0')}`, name: `Lead ${i}` }));
const arbLeads = fc.array(arbLead, { minLength: 1, maxLength: 25 }).map(named);
/** An open, touched, awake lead whose step (one the rep set) is overdue in every zone: it is in the queue. */
const overdue = (promised: fc.Arbitrary<boolean>) => ({
  status: fc.constant('open'),
  touchCount: fc.integer({ min: 1, max: 12 }),
  snoozedDays: fc.constant(null),
  openStep: fc.record({ id: fc.constant('s'), ...stepFields, dueAt: fc.integer({ min: 2, max: 20 }).map((d) => new Date(NOW.getTime() - d * DAY)), promised, origin: fc.constant('rep') }),
});
const arbOverdueLead = (promised: boolean) => arbLeadWith(overdue(fc.constant(promised)));
// Every lead valued (the median default for unvalued leads moves with the data), and one at least
// in the queue, so every case has a rank to compare.
const valued = { value: fc.integer({ min: 0, max: 1_000_000 }) };
const arbValuedQueue = fc
  .tuple(fc.array(arbLeadWith(valued), { maxLength: 24 }), arbLeadWith({ ...valued, ...overdue(fc.boolean()) }), fc.nat())
  .map(([others, due, at]) => named(others.toSpliced(at % (others.length + 1), 0, due)));
const arbClock = fc.record({ zone: fc.constantFrom(...ZONES), now: fc.constant(NOW) });
const names = (leads: CoachLead[], clock: { now: Date; zone: string }) => buildQueue(leads, clock).items.map((i) => i.lead.id);

describe('coach invariants (fast-check)', () => {
  it('ordering is deterministic: the same data in any input order gives the same queue', () => {
    fc.assert(
      fc.property(arbLeads, arbClock, fc.integer(), (leads, clock, seed) => {
        const shuffled = [...leads].sort((a, b) => ((a.id.charCodeAt(4) * seed) % 7) - ((b.id.charCodeAt(4) * seed) % 7));
        expect(names(shuffled, clock)).toEqual(names(leads, clock));
      }),
    );
  });

  it('all else equal, referral > customer > existing lead > new-but-touched > cold', () => {
    fc.assert(
      fc.property(arbLead, arbClock, (base, clock) => {
        const touched = { ...base, status: 'open' as const, touchCount: 2, snoozedUntil: null, imported: false, revivedAt: null,
          signalCount: 0, positiveSignalCount: 0,
          openStep: { id: 's', action: 'call', dueAt: NOW, allDay: true, promised: false, theirCommitment: null, theirStatus: null, origin: 'rep' as const } };
        const leads = TIERS.map((tier, i): CoachLead => ({ ...touched, tier, id: `id-${i}`, name: tier }));
        const ranked = buildQueue(leads, clock).items.map((i) => i.lead.tier);
        expect(ranked).toEqual([...TIERS].sort((a, b) => TIER_RANK[b] - TIER_RANK[a]));
      }),
    );
  });

  it('a higher value never lowers a lead\'s rank', () => {
    fc.assert(
      fc.property(arbValuedQueue, arbClock, fc.nat(), fc.integer({ min: 1, max: 500_000 }), (leads, clock, pick, extra) => {
        const queue = names(leads, clock);
        const before = pick % queue.length;
        const target = queue[before]!;
        const richer = leads.map((l) => (l.id === target ? { ...l, value: l.value! + extra } : l));
        const after = names(richer, clock).indexOf(target);
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('an overdue promised step outranks an overdue unpromised one', () => {
    fc.assert(
      fc.property(arbLeads, arbOverdueLead(true), arbOverdueLead(false), arbClock, (others, promised, plain, clock) => {
        const leads = [...others, { ...promised, id: 'zz-promised', name: 'promised' }, { ...plain, id: 'zz-plain', name: 'plain' }];
        const items = buildQueue(leads, clock).items;
        const promisedAt = items.map((it, k) => (it.reasonKinds.includes('promise-overdue') ? k : -1)).filter((k) => k >= 0);
        const plainOverdueAt = items
          .map((it, k) => (it.band === 3 && it.lead.openStep && it.reasons.some((r) => / overdue /.test(r)) ? k : -1))
          .filter((k) => k >= 0);
        // Both kinds are there in every case: the two leads added above.
        expect(promisedAt).toContain(items.findIndex((it) => it.lead.id === 'zz-promised'));
        expect(plainOverdueAt).toContain(items.findIndex((it) => it.lead.id === 'zz-plain'));
        expect(Math.max(...promisedAt)).toBeLessThan(Math.min(...plainOverdueAt));
      }),
    );
  });

  it('an untouched inbound lead younger than 1 hour is first', () => {
    fc.assert(
      fc.property(arbLeads, arbClock, fc.integer({ min: 0, max: 59 }), (leads, clock, minutes) => {
        const fresh: CoachLead = { ...leads[0]!, id: 'zz-fresh', name: 'fresh', tier: 'new', status: 'open', touchCount: 0,
          lastTouchAt: null, firstTouchAt: null, imported: false, inbound: true, snoozedUntil: null, openStep: null,
          createdAt: new Date(NOW.getTime() - minutes * 60_000) };
        // Only other arrivals younger still could precede it.
        const others = leads.filter((l) => !(l.touchCount === 0 && l.inbound && !l.imported && l.tier !== 'cold' && l.status === 'open'));
        expect(names([...others, fresh], clock)[0]).toBe('zz-fresh');
      }),
    );
  });

  it('snoozed and lost leads never appear; won leads only when their check-in is due', () => {
    fc.assert(
      fc.property(arbLeads, arbClock, (leads, clock) => {
        for (const item of buildQueue(leads, clock).items) {
          const l = item.lead;
          expect(l.status).not.toBe('lost');
          expect(l.snoozedUntil !== null && clock.now < l.snoozedUntil).toBe(false);
          if (l.status === 'won') {
            expect(item.due).toBe('check-in');
            expect(inZone(l.openStep!.dueAt, clock.zone).startOf('day') <= inZone(clock.now, clock.zone).startOf('day')).toBe(true);
          }
        }
      }),
    );
  });

  it('every item: at most three reasons, no two that contradict, no rule ids, close never offered under 4 touches since engagement', () => {
    fc.assert(
      fc.property(arbLeads, arbClock, (leads, clock) => {
        for (const item of buildQueue(leads, clock).items) {
          expect(item.reasons.length).toBeLessThanOrEqual(3);
          expect(item.reasons.length).toBe(item.reasonKinds.length);
          for (const a of item.reasonKinds) for (const b of item.reasonKinds) expect(contradicts(a, b)).toBe(false);
          for (const text of [item.prefix, ...item.reasons, item.touchNote ?? '']) expect(text).not.toMatch(/\bR\d+\b/);
          if (item.lead.touchesSinceEngagement < 4) {
            expect(item.offers.changeApproach).toBe(false);
            expect(item.reasons.join(' ')).not.toMatch(/close/);
          }
          expect((item.lastOutcome ?? '').length).toBeLessThanOrEqual(80);
        }
      }),
    );
  });

  it('proposed dates are never in the past and never on a weekend', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 20 }),
        (now, zone, touches) => {
          for (const { dueAt } of [proposeFollowUp(touches, { now, zone }), proposeCheckIn({ now, zone })]) {
            expect(dueAt.getTime()).toBeGreaterThan(now.getTime());
            expect(inZone(dueAt, zone).weekday).toBeLessThanOrEqual(5);
          }
        },
      ),
    );
  });
});
