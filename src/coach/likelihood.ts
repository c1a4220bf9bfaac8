import type { CoachLead } from './types.js';

// docs/rules.md#r10: an untagged lead counts as even odds. Each poor-prospect signal and each missed
// prospect commitment lowers likelihood; positive signals (asked about price, replied, …) and kept
// commitments raise it. Positive signals count up to POSITIVE_CAP, so enthusiasm alone is bounded;
// the result stays within 0.05 … 1.
const NEUTRAL = 0.5;
const PER_SIGNAL = 0.85;
const PER_MISSED = 0.75;
const PER_KEPT = 1.1;
const PER_POSITIVE = 1.25;
const POSITIVE_CAP = 3;
const FLOOR = 0.05;

export type LikelihoodInput = Pick<CoachLead, 'signalCount' | 'theirMissed' | 'theirKept'> & Partial<Pick<CoachLead, 'positiveSignalCount'>>;

/** R10: how likely this lead is to buy, from 0.05 to 1 (0.5 with nothing known). */
export function likelihood(lead: LikelihoodInput): number {
  const positive = Math.min(lead.positiveSignalCount ?? 0, POSITIVE_CAP);
  const raw = NEUTRAL * PER_SIGNAL ** lead.signalCount * PER_POSITIVE ** positive * PER_MISSED ** lead.theirMissed * PER_KEPT ** lead.theirKept;
  return Math.min(1, Math.max(FLOOR, raw));
}

/** The same lead's likelihood had no signal of either kind been tagged: what signals moved, R10. */
export const likelihoodWithoutSignals = (lead: LikelihoodInput): number =>
  likelihood({ ...lead, signalCount: 0, positiveSignalCount: 0 });
