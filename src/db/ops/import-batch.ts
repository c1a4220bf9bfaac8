// The writes of one import batch (run inside the batch's transaction). Bulk statements take their
// rows as one JSON parameter: the statement text is the same for every batch (prepared once), and
// neither the driver nor Drizzle handles 25,000 separate parameters.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../client.js';
import { leads, type Lead, type NextStep } from '../schema.js';
import type { Tier } from '../../domain/vocabulary.js';

/** A lead an import creates. */
export interface ImportedLead {
  id: string;
  teamId: string;
  ownerId: string;
  createdBy: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  tier: Tier;
  value: number | null;
  status: Lead['status'];
  source: string | null;
  externalId: string | null;
  note: string | null;
  referredBy: string | null;
  createdAt: Date;
  touchCount: number;
  firstTouchAt: Date | null;
  lastTouchAt: Date | null;
  wonAt: Date | null;
  lostAt: Date | null;
  updatedAt: Date;
}

/** An open next step an import sets on a lead that has none. */
export interface ImportedStep {
  teamId: string;
  leadId: string;
  repId: string;
  action: string;
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
  origin: NextStep['origin'];
  createdAt: Date;
}

/** The fields an import may change on a stored lead. */
export type ImportedLeadPatch = Partial<Pick<Lead, 'company' | 'email' | 'phone' | 'value' | 'source' | 'tier' | 'note' | 'referredBy'>>;

/**
 * Planner statistics kept fresh while the table grows, so that matching looks leads up by index:
 * the embedded database has no autovacuum. Returns the planner's count of leads now.
 */
export async function analyzeLeads(tx: Queryable): Promise<number> {
  await tx.execute(sql`analyze leads`);
  const [row] = rowsOf(await tx.execute(sql`select reltuples::bigint as n from pg_class where oid = 'leads'::regclass`));
  return Math.max(0, Number(row?.n ?? 0));
}

const leadRecord = (l: ImportedLead) => ({
  id: l.id,
  team_id: l.teamId,
  owner_id: l.ownerId,
  created_by: l.createdBy,
  name: l.name,
  company: l.company,
  email: l.email,
  phone: l.phone,
  tier: l.tier,
  value: l.value,
  status: l.status,
  source: l.source,
  external_id: l.externalId,
  note: l.note,
  referred_by: l.referredBy,
  created_at: l.createdAt,
  touch_count: l.touchCount,
  first_touch_at: l.firstTouchAt,
  last_touch_at: l.lastTouchAt,
  won_at: l.wonAt,
  lost_at: l.lostAt,
  updated_at: l.updatedAt,
});

/**
 * New leads, imported (no speed-to-lead alert, R2). A concurrent add that took a name or external
 * id first wins: that lead is left out. Returns the ids actually inserted.
 */
export async function insertImportedLeads(tx: Queryable, records: readonly ImportedLead[]): Promise<Set<string>> {
  const rows = rowsOf(
    await tx.execute(sql`
  insert into leads (id, team_id, owner_id, created_by, name, company, email, phone, tier, value, status, source, external_id,
                     imported, alert_owner, note, referred_by, created_at, touch_count, first_touch_at, last_touch_at, won_at, lost_at, updated_at)
  select id, team_id, owner_id, created_by, name, company, email, phone, tier, value, status, source, external_id,
         true, false, note, referred_by, created_at, touch_count, first_touch_at, last_touch_at, won_at, lost_at, updated_at
  from json_to_recordset(${JSON.stringify(records.map(leadRecord))}::json) as r(
    id uuid, team_id text, owner_id text, created_by text, name text, company text, email text, phone text, tier text,
    value numeric, status text, source text, external_id text, note text, referred_by text, created_at timestamptz, touch_count integer,
    first_touch_at timestamptz, last_touch_at timestamptz, won_at timestamptz, lost_at timestamptz, updated_at timestamptz)
  on conflict do nothing
  returning id`),
  );
  return new Set(rows.map((r) => String(r.id)));
}

const stepRecord = (s: ImportedStep) => ({
  team_id: s.teamId,
  lead_id: s.leadId,
  rep_id: s.repId,
  action: s.action,
  due_at: s.dueAt,
  all_day: s.allDay,
  promised: s.promised,
  their_commitment: s.theirCommitment,
  their_status: s.theirCommitment ? 'pending' : null,
  origin: s.origin,
  created_at: s.createdAt,
});

/** New open steps; the unique open-step index keeps R3's one open step if someone set one meanwhile. */
export async function insertImportedSteps(tx: Queryable, records: readonly ImportedStep[]): Promise<void> {
  await tx.execute(sql`
  insert into next_steps (team_id, lead_id, rep_id, action, due_at, all_day, promised, their_commitment, their_status, origin, created_at)
  select team_id, lead_id, rep_id, action, due_at, all_day, promised, their_commitment, their_status, origin, created_at
  from json_to_recordset(${JSON.stringify(records.map(stepRecord))}::json) as r(
    team_id text, lead_id uuid, rep_id text, action text, due_at timestamptz, all_day boolean, promised boolean,
    their_commitment text, their_status text, origin text, created_at timestamptz)
  on conflict do nothing`);
}

/** A matched lead takes the row's changed values; its owner, status and history stay. */
export async function updateImportedLead(tx: Queryable, leadId: string, patch: ImportedLeadPatch, now: Date): Promise<void> {
  await tx.update(leads).set({ ...patch, updatedAt: now }).where(eq(leads.id, leadId));
}
