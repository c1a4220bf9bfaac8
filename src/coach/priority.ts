import type { Tier } from '../domain/vocabulary.js';
import type { CoachLead } from './types.js';
import { likelihood } from './likelihood.js';

// R1: referral > existing customer > existing lead > new lead > cold prospect.
export const TIER_RANK: Record<Tier, number> = { referral: 4, customer: 3, lead: 2, new: 1, cold: 0 };

// R1: one tier step is worth a factor of 3 in value: a lower-tier lead passes a higher one only when
// worth more than 3x as much (per step — a literal "3x across any number of tiers" is not transitive).
const TIER_STEP = Math.log(3);

/**
 * R1 + R10: tier first, then expected value (value × likelihood). Leads without a value are
 * valued at the median of the others', so a missing figure neither wins nor loses by itself.
 */
export function priorityScore(lead: CoachLead, defaultValue: number, odds = likelihood(lead)): number {
  const value = Math.max(lead.value ?? defaultValue, 1);
  return TIER_RANK[lead.tier] * TIER_STEP + Math.log(value * odds);
}

export function medianValue(leads: readonly CoachLead[]): number {
  const values = leads.map((l) => l.value).filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  if (values.length === 0) return 1;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
