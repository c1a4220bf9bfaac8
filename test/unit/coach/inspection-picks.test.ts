import { describe, expect, it } from 'vitest';
import { medianValue, pickSeed, weightedPicks, type PickCandidate } from '../../../src/coach/inspection-picks.js';

const lead = (n: number, value: number | null): PickCandidate => ({ leadId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Lead ${n}`, value });
const ids = (picks: PickCandidate[]) => picks.map((p) => p.leadId);
const seeds = (n: number) => Array.from({ length: n }, (_, i) => pickSeed('T1', `2026-W${i}`, 'U1'));

describe('R15 inspection picks: random, weighted by value, seeded by team, week and rep', () => {
  const book = [lead(1, 5000), lead(2, 1200), lead(3, null), lead(4, 800), lead(5, 20000), lead(6, 300)];

  it('the same team, week and rep get the same picks, whatever order the leads come in', () => {
    const seed = pickSeed('T1', '2026-11-23', 'U1');
    const first = weightedPicks(book, seed, 2);
    expect(first).toHaveLength(2);
    expect(ids(weightedPicks([...book].reverse(), seed, 2))).toEqual(ids(first));
    expect(ids(weightedPicks(book, seed, 2))).toEqual(ids(first));
  });

  it('another week or another rep gets other draws', () => {
    const draws = new Set(seeds(20).map((s) => ids(weightedPicks(book, s, 2)).join(',')));
    expect(draws.size).toBeGreaterThan(3);
    const reps = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6'].map((r) => ids(weightedPicks(book, pickSeed('T1', '2026-11-23', r), 2)).join(',')));
    expect(reps.size).toBeGreaterThan(1);
  });

  it('a lead worth far more than the rest is nearly always among the picks', () => {
    const skewed = [lead(1, 1_000_000), ...Array.from({ length: 9 }, (_, i) => lead(i + 2, 100))];
    const hits = seeds(50).filter((s) => ids(weightedPicks(skewed, s, 2)).includes(lead(1, 0).leadId)).length;
    expect(hits).toBeGreaterThanOrEqual(48);
  });

  it("a lead with no value counts as the rep's median: picked about as often as its equals", () => {
    const even = [lead(1, 1000), lead(2, 1000), lead(3, null)];
    const hits = seeds(300).filter((s) => weightedPicks(even, s, 1)[0]!.leadId === lead(3, 0).leadId).length;
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(140);
    expect(medianValue([300, null, 100, 200])).toBe(200);
    expect(medianValue([null])).toBeNull();
  });

  it('never more than asked, never a lead twice, and all of a small book', () => {
    expect(weightedPicks([lead(1, 10)], 's', 2)).toHaveLength(1);
    expect(weightedPicks([], 's', 2)).toEqual([]);
    const picks = ids(weightedPicks(book, 's', 4));
    expect(new Set(picks).size).toBe(4);
  });
});
