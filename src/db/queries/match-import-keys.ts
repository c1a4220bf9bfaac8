// The stored leads an import batch may match, found by the batch's keys in one statement.
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../client.js';
import type { Lead } from '../schema.js';
import type { Tier } from '../../domain/vocabulary.js';

/** A batch's matching keys, each list without repeats. E-mails and names lower-cased. */
export interface ImportKeys {
  externalIds: string[];
  emails: string[];
  ownerNames: { ownerId: string; name: string }[];
}

/** A stored lead as import matching and merging see it. */
export interface StoredMatch {
  id: string;
  ownerId: string;
  name: string;
  email: string | null;
  externalId: string | null;
  status: Lead['status'];
  company: string | null;
  phone: string | null;
  value: number | null;
  source: string | null;
  tier: Tier;
  note: string | null;
  referredBy: string | null;
  touchCount: number;
  /** It has an open next step. */
  hasStep: boolean;
}

/** The team's leads matching any key: by external id, by e-mail, by owner + name; oldest first. */
export async function matchImportKeys(tx: Queryable, teamId: string, keys: ImportKeys): Promise<StoredMatch[]> {
  const pairs = keys.ownerNames.map((k) => ({ o: k.ownerId, n: k.name }));
  // Each key list is one JSON parameter, so the statement is the same whatever the batch holds.
  // Owner + name is split by status so that each side has its index (the unique one skips lost leads).
  const result = await tx.execute(sql`
    with ext as (select json_array_elements_text(${JSON.stringify(keys.externalIds)}::json) as v),
         mail as (select json_array_elements_text(${JSON.stringify(keys.emails)}::json) as v),
         named as (select * from json_to_recordset(${JSON.stringify(pairs)}::json) as p(o text, n text))
    select l.id, l.owner_id, l.name, l.email, l.external_id, l.status, l.company, l.phone, l.value::text as value, l.source,
           l.tier, l.note, l.referred_by, l.touch_count,
           exists(select 1 from next_steps s where s.lead_id = l.id and s.status = 'open') as has_step
    from leads l
    -- One index lookup per key (LATERAL), whatever the planner knows of the table: PGlite keeps no
    -- statistics, and a hash join over the whole team would grow with every batch.
    where l.id = any(array(
      select h.id from ext, lateral (select id from leads where team_id = ${teamId} and external_id = ext.v) h
      union
      select h.id from mail, lateral (select id from leads where team_id = ${teamId} and lower(email) = mail.v) h
      union
      select h.id from named, lateral (
        select id from leads where team_id = ${teamId} and owner_id = named.o and lower(name) = named.n and status <> 'lost'
        union all
        select id from leads where team_id = ${teamId} and owner_id = named.o and status = 'lost' and lower(name) = named.n) h))
    order by l.created_at, l.id`);
  return rowsOf(result).map((r) => ({
    id: String(r.id),
    ownerId: String(r.owner_id),
    name: String(r.name),
    email: (r.email as string | null) ?? null,
    externalId: (r.external_id as string | null) ?? null,
    status: r.status as Lead['status'],
    company: (r.company as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    source: (r.source as string | null) ?? null,
    tier: r.tier as Tier,
    note: (r.note as string | null) ?? null,
    referredBy: (r.referred_by as string | null) ?? null,
    touchCount: Number(r.touch_count),
    hasStep: Boolean(r.has_step),
  }));
}
