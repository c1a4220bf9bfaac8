// "Don't assume — look" (docs/rules.md#r15, the manager's week): which of a rep's open leads a
// manager is asked to look at. Random, weighted by value, and seeded, so the same team, week and rep
// always get the same picks, whatever order the leads are read in.

export interface PickCandidate {
  leadId: string;
  name: string;
  value: number | null;
}

/** cyrb53: a small, well-spread 53-bit string hash; deterministic everywhere. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A number in (0, 1) fixed by the seed and the lead. */
const uniform = (seed: string, leadId: string): number => (hash53(`${seed}|${leadId}`) + 1) / (2 ** 53 + 2);

/** The median of the values given (null when none). */
export function medianValue(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

/**
 * Up to `count` candidates, drawn without replacement with probability proportional to value (a
 * missing value counts as the rep's median; no values at all: equal chances). Weighted reservoir
 * sampling (Efraimidis–Spirakis): each lead's key is u^(1/weight), u fixed by seed and lead id.
 */
export function weightedPicks<T extends PickCandidate>(candidates: readonly T[], seed: string, count: number): T[] {
  const median = medianValue(candidates.map((c) => c.value)) ?? 1;
  // A lead worth nothing still gets a small chance: the point is to look at what looks fine too.
  const weight = (c: T) => Math.max(c.value ?? median, 1);
  return candidates
    .map((c) => ({ c, key: Math.log(uniform(seed, c.leadId)) / weight(c) }))
    .sort((a, b) => b.key - a.key || (a.c.leadId < b.c.leadId ? -1 : 1))
    .slice(0, Math.max(0, count))
    .map((k) => k.c);
}

/** The seed of one digest's (or one on-demand request's) picks for one rep. */
export const pickSeed = (teamId: string, weekKey: string, repId: string): string => `${teamId}|${weekKey}|${repId}`;
