// The "tried as a rep" book, coach side: 80 open leads — a third imported with no history,
// promised steps due today, responsive leads at touches 5–8, silent leads at touch 6.
import { describe, expect, it } from 'vitest';
import { buildQueue, contradicts, FIRST_CONTACT_ACTION, planDayKey, planFirstTouches, type CoachLead } from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, lead, later, overdue1, step, todayAt, ZONE } from './fixtures.js';

const WEEK = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function book() {
  const imported = range(27).map((i) =>
    lead({ name: `Imported ${i}`, imported: true, touchCount: 0, lastTouchAt: null, firstTouchAt: null, lastTouchChannel: null,
      touchesSinceEngagement: 0, openStep: null, value: 500 + i * 100, tier: i % 3 ? 'new' : 'lead' }),
  );
  const promised = range(10).map((i) =>
    lead({ name: `Promised ${i}`, touchCount: 1 + (i % 3), value: 200 + i,
      openStep: i % 2 ? todayAt(16, { promised: true, action: 'send the proposal' }) : dueToday({ promised: true, action: 'call' }) }),
  );
  const dueTodayPlain = range(10).map((i) =>
    lead({ name: `Due ${i}`, tier: i % 2 ? 'referral' : 'customer', value: 50_000 + i, touchCount: 2 + (i % 2), openStep: dueToday({ action: 'send the case study' }) }),
  );
  const responsive = range(15).map((i) =>
    lead({ name: `Responsive ${i}`, touchCount: 5 + (i % 4), touchesSinceEngagement: i % 3, positiveSignalCount: 1 + (i % 2),
      lastTouchChannel: i % 2 ? 'call' : 'email', lastTouchAt: ago((1 + (i % 4)) * DAY), lastOutcome: 'asked for the price list and a reference customer in their industry, wants a demo',
      openStep: i % 3 === 0 ? overdue1({ theirCommitment: 'send the budget', theirStatus: 'pending' }) : dueToday({ origin: i % 2 ? 'coach' : 'rep' }) }),
  );
  const silent = range(10).map((i) =>
    lead({ name: `Silent ${i}`, touchCount: 6, touchesSinceEngagement: 6, signalCount: i % 2, lastTouchAt: ago((2 + i) * DAY),
      openStep: i % 2 ? overdue1({ origin: 'coach' }) : dueToday({ origin: 'coach', promised: i === 4 }) }),
  );
  const notDue = range(5).map((i) => lead({ name: `Later ${i}`, openStep: step({ dueAt: later((2 + i) * DAY) }) }));
  const noStep = range(2).map((i) => lead({ name: `No step ${i}`, touchCount: 3, openStep: null }));
  const arrivals = [
    lead({ name: 'Web form', inbound: true, tier: 'new', touchCount: 0, lastTouchAt: null, openStep: null, createdAt: ago(20 * 60_000) }),
  ];
  const leads = [...imported, ...promised, ...dueTodayPlain, ...responsive, ...silent, ...notDue, ...noStep, ...arrivals];
  return { leads, imported, promised, responsive, silent };
}

/** What the morning job does first: plan the imported leads' first contacts. */
function withPlan(leads: CoachLead[]) {
  const unplanned = leads.filter((l) => l.imported && l.touchCount === 0 && l.openStep === null);
  const plan = planFirstTouches(unplanned, new Map(), WEEK, 10, clock);
  const due = new Map(plan.map((p) => [p.leadId, p.dueAt]));
  const planned = leads.map((l) =>
    due.has(l.id) ? { ...l, openStep: step({ origin: 'plan', action: FIRST_CONTACT_ACTION, dueAt: due.get(l.id)! }) } : l,
  );
  return { plan, planned };
}

describe('R2 R5 R7 R9 an 80-lead book, as a rep sees it', () => {
  const { leads, promised, responsive, silent } = book();
  const { plan, planned } = withPlan(leads);
  const queue = buildQueue(planned, clock);
  const items = queue.items;
  const byName = new Map(items.map((it) => [it.lead.name, it]));

  it('holds 80 leads, a third imported with no history', () => {
    expect(leads).toHaveLength(80);
    expect(leads.filter((l) => l.imported && l.touchCount === 0)).toHaveLength(27);
  });

  it('plans at most 10 imported first contacts for any one day, and only today\'s are due', () => {
    const perDay = new Map<string, number>();
    for (const p of plan) perDay.set(planDayKey(p.dueAt, ZONE), (perDay.get(planDayKey(p.dueAt, ZONE)) ?? 0) + 1);
    expect(plan).toHaveLength(27);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(10);
    expect(items.filter((it) => it.lead.imported)).toHaveLength(10);
    expect(items.filter((it) => it.lead.imported).every((it) => it.due === 'planned-first-contact' && it.isNew)).toBe(true);
    expect(items.some((it) => it.reasons.includes('first contact due now') && it.lead.imported)).toBe(false);
  });

  it('no item has more than three reasons or two that contradict', () => {
    for (const it of items) {
      expect(it.reasons.length).toBeGreaterThan(0);
      expect(it.reasons.length).toBeLessThanOrEqual(3);
      for (const a of it.reasonKinds) for (const b of it.reasonKinds) expect(contradicts(a, b), `${it.lead.name}: ${it.reasons.join(' | ')}`).toBe(false);
    }
  });

  it('responsive leads say nothing about closing, and say where they stand', () => {
    for (const l of responsive) {
      const it = byName.get(l.name)!;
      expect(it.offers.changeApproach).toBe(false);
      expect(it.reasons.join(' ')).not.toMatch(/close|give up/i);
      expect(it.touchNote).toBe(`touch ${l.touchCount + 1} — most sales close between the 5th and 12th contact`);
      expect(it.lastOutcome!.length).toBeLessThanOrEqual(80);
    }
    expect(responsive.filter((l) => byName.get(l.name)!.commitment === 'they: send the budget')).toHaveLength(5);
  });

  it('silent leads offer the choice', () => {
    for (const l of silent) {
      const it = byName.get(l.name)!;
      expect(it.offers.changeApproach).toBe(true);
      expect(it.reasons).toContain('6 touches with no reply — try another way or close it');
      expect(it.touchNote).toBe('touch 7 — most sales close between the 5th and 12th contact');
    }
  });

  it('promised-today steps come before unpromised steps due today', () => {
    const promisedAt = items.flatMap((it, k) => (it.reasonKinds.includes('promise-today') ? [k] : []));
    const plainTodayAt = items.flatMap((it, k) => (it.reasonKinds.includes('due') && it.reasons.some((r) => r.includes('due today')) ? [k] : []));
    expect(promisedAt.length).toBe(promised.length + 1);
    expect(plainTodayAt.length).toBeGreaterThan(10);
    expect(Math.max(...promisedAt)).toBeLessThan(Math.min(...plainTodayAt));
    expect(items.filter((it) => it.promisedToday)).toHaveLength(11);
    expect(byName.get('Promised 1')!.reasons[0]).toBe('send the proposal promised for today at 16:00');
  });

  it('the web-form arrival is first; the leads without a step are their own section', () => {
    expect(items[0]!.lead.name).toBe('Web form');
    expect(queue.noNextStep.map((l) => l.name)).toEqual(['No step 0', 'No step 1']);
    expect(items.some((it) => it.lead.name.startsWith('Later'))).toBe(false);
  });

  it('no text contains a rule id', () => {
    for (const it of items) {
      for (const text of [it.prefix, ...it.reasons, it.touchNote, it.lastOutcome, it.commitment]) {
        expect(text ?? '').not.toMatch(/\bR\d+\b/);
      }
    }
  });
});
