import type { CoachLead } from './types.js';

// R10: each poor-prospect signal and each missed prospect commitment lowers likelihood;
// kept commitments restore some. Bounded so a lead never drops to zero or rises above 1.
const PER_SIGNAL = 0.85;
const PER_MISSED = 0.75;
const PER_KEPT = 1.1;
const FLOOR = 0.05;

/** R10: how likely this lead is to buy, from 0.05 to 1. */
export function likelihood(lead: Pick<CoachLead, 'signalCount' | 'theirMissed' | 'theirKept'>): number {
  const raw = PER_SIGNAL ** lead.signalCount * PER_MISSED ** lead.theirMissed * PER_KEPT ** lead.theirKept;
  return Math.min(1, Math.max(FLOOR, raw));
}
