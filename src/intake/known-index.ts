// Matching an import row to a lead: the leads a batch may match (stored ones, and ones this batch
// creates) indexed by each matching key.
import { randomUUID } from 'node:crypto';
import type { ImportKeys, StoredMatch } from '../db/queries/match-import-keys.js';
import type { Lead } from '../db/schema.js';
import type { LeadCandidate } from './lead-candidate.js';

export type Step = NonNullable<LeadCandidate['next']>;

/** A row ready to be matched: normalised, its owner decided. */
export interface Prepared {
  line: number;
  ownerId: string;
  lead: LeadCandidate;
}

/** A lead as matching sees it: one already stored, or one this batch will insert. */
export interface Known extends StoredMatch {
  /** Set when this batch inserts it. */
  insert?: Prepared;
  patch: Partial<Pick<StoredMatch, 'company' | 'email' | 'phone' | 'value' | 'source' | 'tier' | 'note' | 'referredBy'>>;
  /** An open step to add to a stored lead that has none. */
  newStep?: { ownerId: string; step: Step };
  /** The rows that matched it, so that a lost insert race turns them all into "skipped". */
  outcomes: ('created' | 'updated' | 'skipped')[];
}

export const nameKey = (ownerId: string, name: string) => `${ownerId}\u0000${name.toLowerCase()}`;
export const isLost = (status: Lead['status']) => status === 'lost';

/** The keys a batch's rows may match by: external ids, e-mails, owner + name; each once. */
export function importKeys(batch: readonly Prepared[]): ImportKeys {
  return {
    externalIds: [...new Set(batch.map((r) => r.lead.externalId).filter((v): v is string => v !== null))],
    emails: [...new Set(batch.map((r) => r.lead.email?.toLowerCase()).filter((v): v is string => Boolean(v)))],
    ownerNames: [...new Map(batch.map((r) => [nameKey(r.ownerId, r.lead.name), { ownerId: r.ownerId, name: r.lead.name.toLowerCase() }])).values()],
  };
}

export const knownFromStore = (stored: StoredMatch): Known => ({ ...stored, patch: {}, outcomes: [] });

/** A lead this batch will create from the row (under a fresh id). */
export function knownFromRow(row: Prepared): Known {
  const c = row.lead;
  return {
    id: randomUUID(),
    ownerId: row.ownerId,
    name: c.name,
    email: c.email,
    externalId: c.externalId,
    status: c.status,
    company: c.company,
    phone: c.phone,
    value: c.value,
    source: c.source,
    tier: c.tier,
    note: c.note,
    referredBy: c.referredBy,
    touchCount: c.touchCount,
    hasStep: c.next !== null,
    insert: row,
    patch: {},
    outcomes: [],
  };
}

/** The batch's leads by each matching key; several leads may share an e-mail, or an owner + name (lost ones). */
export class KnownIndex {
  private byExternalId = new Map<string, Known>();
  private byEmail = new Map<string, Known[]>();
  private byName = new Map<string, Known[]>();

  constructor(known: Known[]) {
    for (const k of known) this.add(k);
  }

  add(k: Known): void {
    if (k.externalId && !this.byExternalId.has(k.externalId)) this.byExternalId.set(k.externalId, k);
    if (k.email) push(this.byEmail, k.email.toLowerCase(), k);
    push(this.byName, nameKey(k.ownerId, k.name), k);
  }

  /**
   * External id, then e-mail (any owner), then owner + name. Among several, a lead of the row's own
   * kind (lost or not) comes first; one of the other kind only if it was not created by this very
   * import — two CRM records, one lost and one open, stay two leads.
   */
  find(row: Prepared, seen: ReadonlyMap<string, boolean>): Known | undefined {
    const c = row.lead;
    if (c.externalId) {
      const hit = this.byExternalId.get(c.externalId);
      if (hit) return hit;
    }
    const pick = (list: Known[] | undefined) => {
      if (!list) return undefined;
      const own = list.find((k) => isLost(k.status) === isLost(c.status));
      return own ?? list.find((k) => !k.insert && seen.get(k.id) !== true);
    };
    return (c.email ? pick(this.byEmail.get(c.email.toLowerCase())) : undefined) ?? pick(this.byName.get(nameKey(row.ownerId, c.name)));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
