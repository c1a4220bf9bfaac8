// CRM words (lifecycle stages, lead sources, statuses, ratings) → our tier and status. Pure.
import type { LeadStatus, Tier } from '../domain/vocabulary.js';

/** Words of CRM lifecycle stages, lead sources, statuses and ratings, lower-cased, punctuation as spaces. */
const words = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const has = (w: string, ...needles: string[]) => needles.some((n) => w.includes(` ${n} `));

/**
 * A CRM word → our tier (R1), or null when it says nothing about one. The order of the tests is the
 * point: "Customer Referral" is a referral, "Unqualified" is cold (not "qualified"), "Open - Not
 * Contacted" is new (not "contacted").
 */
export function tierFromWord(text: string): Tier | null {
  const w = words(text);
  if (w.trim() === '') return null;
  if (/referr/.test(w) || has(w, 'word of mouth')) return 'referral';
  if (has(w, 'customer', 'customers', 'evangelist', 'won')) return 'customer';
  if (has(w, 'cold', 'purchased list', 'list', 'subscriber', 'unqualified', 'closed not converted', 'not converted')) return 'cold';
  if (has(w, 'new', 'open not contacted', 'not contacted', 'inbound', 'web form', 'webform')) return 'new';
  if (
    has(w, 'lead', 'mql', 'sql', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'prospect', 'working', 'contacted', 'warm', 'hot', 'qualified') ||
    /\b(marketing|sales) qualified\b/.test(w)
  ) {
    return 'lead';
  }
  return null;
}

/** A status cell → won, lost or open. "Closed - Not Converted" (Salesforce) is a lost lead. */
export function statusFromWord(text: string): LeadStatus {
  const w = words(text);
  if (has(w, 'won', 'closed won')) return 'won';
  if (has(w, 'lost', 'closed lost', 'closed not converted')) return 'lost';
  return 'open';
}
