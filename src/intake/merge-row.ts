import type { Tier } from '../domain/vocabulary.js';
import { isLost, type Known, type Prepared } from './known-index.js';

const UPDATABLE = ['company', 'email', 'phone', 'value', 'source', 'note', 'referredBy'] as const;

/**
 * A matched lead takes the row's non-empty values where they differ (our store keeps status, owner
 * and history). A lead an earlier row of this file already matched or created (`earlier`) only has
 * its empty fields filled, so conflicting duplicates in one file cannot flip it back and forth and
 * a second import of the file changes nothing.
 */
export function mergeRow(match: Known, row: Prepared, earlier: boolean): 'updated' | 'skipped' {
  const c = row.lead;
  let changed = false;
  const set = <K extends keyof Known['patch']>(key: K, value: Known[K]) => {
    if (match.insert) (match.insert.lead as Record<string, unknown>)[key] = value;
    else match.patch[key] = value;
    match[key] = value;
    changed = true;
  };
  for (const key of UPDATABLE) {
    const value = c[key];
    if (value === null || value === undefined) continue;
    const current = match[key];
    const same = key === 'email' ? String(current ?? '').toLowerCase() === String(value).toLowerCase() : current === value;
    if (same || (earlier && current !== null)) continue;
    set(key, value as never);
  }
  // A touched lead is never `new` again (R2 is over for it).
  const tier: Tier = c.tier === 'new' && match.touchCount > 0 ? 'lead' : c.tier;
  if (c.tierGiven && !earlier && tier !== match.tier) set('tier', tier);
  if (c.next && !match.hasStep && !isLost(match.status)) {
    if (match.insert) match.insert.lead.next = c.next;
    else match.newStep = { ownerId: match.ownerId, step: c.next };
    match.hasStep = true;
    changed = true;
  }
  return changed ? 'updated' : 'skipped';
}
