// `followup-coach import` and the Slack upload: a CRM export streamed into the team's leads, in
// batches of one transaction each, matching existing leads rather than duplicating them (DESIGN §1:
// by e-mail, then by owner + name). Idempotent: the same file twice changes nothing the second time.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db, type Queryable } from '../db/client.js';
import { leads, reps, type Lead } from '../db/schema.js';
import type { Tier } from '../domain/vocabulary.js';
import { hasNameColumn, mapColumns, type ColumnMap } from './csv-columns.js';
import { ImportRefused, openCsv, type CsvRow, type CsvSource } from './csv-records.js';
import { normalizeRow, ownerCell, shorten, type LeadCandidate } from './normalize-row.js';
import { createOwnerResolver, type OwnerResolver } from './resolve-owner.js';

export { ImportRefused };

export interface ImportSummary {
  created: number;
  updated: number;
  /** Matched a lead and changed nothing (or lost a race with a concurrent add). */
  skipped: number;
  rejected: { line: number; reason: string }[];
  /** Rows whose owner could not be found: they went to the default owner. */
  ownerNotes: { line: number; reason: string }[];
  dryRun: boolean;
  /** Data rows read (blank ones aside), rejected ones included. */
  rows: number;
}

export const importOptions = z.object({
  teamId: z.string().min(1),
  /** A rep of the team: rows without a (findable) owner go to them, and they are recorded as creator. */
  defaultOwner: z.string().min(1),
  dryRun: z.boolean().default(false),
  now: z.date(),
  resolveOwner: z.custom<OwnerResolver>((v) => typeof (v as OwnerResolver | undefined)?.resolve === 'function').optional(),
  batchSize: z.number().int().min(1).max(5000).default(1000),
});
export type ImportOptions = z.input<typeof importOptions>;

type Step = NonNullable<LeadCandidate['next']>;

/** A row ready to be matched: normalised, its owner decided. */
interface Prepared {
  line: number;
  ownerId: string;
  lead: LeadCandidate;
}

/** A lead as matching sees it: one already stored, or one this batch will insert. */
interface Known {
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
  touchCount: number;
  hasStep: boolean;
  /** Set when this batch inserts it. */
  insert?: Prepared;
  patch: Partial<Pick<Known, 'company' | 'email' | 'phone' | 'value' | 'source' | 'tier' | 'note'>>;
  /** An open step to add to a stored lead that has none. */
  newStep?: { ownerId: string; step: Step };
  /** The rows that matched it, so that a lost insert race turns them all into "skipped". */
  outcomes: ('created' | 'updated' | 'skipped')[];
}

const UPDATABLE = ['company', 'email', 'phone', 'value', 'source', 'note'] as const;
const nameKey = (ownerId: string, name: string) => `${ownerId}\u0000${name.toLowerCase()}`;
const isLost = (status: Lead['status']) => status === 'lost';

class DryRunDone extends Error {}

/**
 * Imports a CSV file. Throws ImportRefused — before anything is written — for a file that is not
 * CSV text or has no name column, and for a default owner who is not a rep of the team. A bad row
 * is reported (line and reason) and never stops the others.
 */
export async function importLeads(db: Db, source: CsvSource, raw: ImportOptions): Promise<ImportSummary> {
  const opts = importOptions.parse(raw);
  const file = await openCsv(source);
  const columns = mapColumns(file.header);
  try {
    if (!hasNameColumn(columns)) {
      const seen = file.header.slice(0, 20).map((h) => `"${shorten(h, 30)}"`).join(', ');
      throw new ImportRefused(
        `no name column (Name, First Name + Last Name, or a deal title); the headers are ${seen}${file.header.length > 20 ? ', …' : ''}`,
      );
    }
    const [owner] = await db
      .select({ userId: reps.userId })
      .from(reps)
      .where(and(eq(reps.teamId, opts.teamId), eq(reps.userId, opts.defaultOwner), eq(reps.isGuest, false)));
    if (!owner) throw new ImportRefused(`${opts.defaultOwner} is not one of the team's reps, so cannot own imported leads`);
  } catch (err) {
    file.close();
    throw err;
  }

  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, rejected: [], ownerNotes: [], dryRun: opts.dryRun, rows: 0 };
  if (!opts.dryRun) {
    const resolver = opts.resolveOwner ?? createOwnerResolver({ db, teamId: opts.teamId, now: () => opts.now });
    await new Importer(opts, columns, summary, db, resolver, (work) => db.transaction(work)).run(file.rows);
    return summary;
  }
  // A dry run does the same work in one transaction, rolled back at the end: rows later in the
  // file still meet the leads earlier rows would have created.
  try {
    await db.transaction(async (tx) => {
      const resolver = opts.resolveOwner?.bind?.(tx) ?? createOwnerResolver({ db: tx, teamId: opts.teamId, now: () => opts.now });
      await new Importer(opts, columns, summary, tx, resolver, (work) => work(tx)).run(file.rows);
      throw new DryRunDone();
    });
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
  }
  return summary;
}

type Opts = z.output<typeof importOptions>;
type InTx = (work: (tx: Queryable) => Promise<void>) => Promise<void>;

class Importer {
  private zones = new Map<string, string>();
  /** Leads in the table when the planner last counted them, and leads created since. */
  private analyzed = -1;
  private createdSince = 0;
  /** Leads this import has matched or created (true: created), across batches. */
  private seen = new Map<string, boolean>();

  constructor(
    private readonly opts: Opts,
    private readonly columns: ColumnMap,
    private readonly summary: ImportSummary,
    /** Reads outside the batches: reps' zones. */
    private readonly db: Queryable,
    private readonly resolver: OwnerResolver,
    private readonly inTx: InTx,
  ) {}

  async run(rows: AsyncIterable<CsvRow>): Promise<void> {
    let batch: Prepared[] = [];
    for await (const row of rows) {
      if (row.error !== undefined) {
        this.summary.rows++;
        const span = row.endLine > row.line ? ` (lines ${row.line}–${row.endLine})` : '';
        this.summary.rejected.push({ line: row.line, reason: `${row.error}${span}` });
        continue;
      }
      // A line of bare delimiters (spreadsheets leave them at the end) is not a row.
      if (row.fields.every((f) => f.trim() === '')) continue;
      this.summary.rows++;
      const prepared = await this.prepare(row.line, row.fields);
      if (prepared) batch.push(prepared);
      if (batch.length >= this.opts.batchSize) {
        await this.write(batch);
        batch = [];
      }
    }
    if (batch.length) await this.write(batch);
  }

  private async prepare(line: number, fields: string[]): Promise<Prepared | null> {
    const rawOwner = ownerCell(fields, this.columns);
    let ownerId = this.opts.defaultOwner;
    let ownerNote: string | null = null;
    if (rawOwner) {
      const found = await this.resolver.resolve(rawOwner);
      if ('userId' in found) ownerId = found.userId;
      else ownerNote = `owner '${shorten(rawOwner)}': ${found.error}; given to ${this.opts.defaultOwner}`;
    }
    const normalized = normalizeRow(fields, this.columns, { zone: await this.zoneOf(ownerId), now: this.opts.now });
    if (!normalized.ok) {
      this.summary.rejected.push({ line, reason: normalized.reason });
      return null;
    }
    if (ownerNote) this.summary.ownerNotes.push({ line, reason: ownerNote });
    return { line, ownerId, lead: normalized.lead };
  }

  private async zoneOf(userId: string): Promise<string> {
    let zone = this.zones.get(userId);
    if (zone === undefined) {
      const [rep] = await this.db.select({ tz: reps.tz }).from(reps).where(and(eq(reps.teamId, this.opts.teamId), eq(reps.userId, userId)));
      zone = rep?.tz ?? 'UTC';
      this.zones.set(userId, zone);
    }
    return zone;
  }

  /**
   * Planner statistics kept fresh while the table grows, so that matching looks leads up by index:
   * the embedded database has no autovacuum, and a plan made for a small table becomes a scan of the
   * whole team per batch. Counted again whenever the table may have doubled.
   */
  private async refreshStats(tx: Queryable): Promise<void> {
    if (this.analyzed >= 0 && this.createdSince < Math.max(1000, this.analyzed)) return;
    await tx.execute(sql`analyze leads`);
    const [row] = rowsOf(await tx.execute(sql`select reltuples::bigint as n from pg_class where oid = 'leads'::regclass`));
    this.analyzed = Math.max(0, Number(row?.n ?? 0));
    this.createdSince = 0;
  }

  /** One batch: one read of the leads it may match, one insert of new leads, one of new steps, an update per changed lead. */
  private async write(batch: Prepared[]): Promise<void> {
    await this.inTx(async (tx) => {
      await this.refreshStats(tx);
      const index = new KnownIndex(await fetchMatches(tx, this.opts.teamId, batch));
      const touched: Known[] = [];
      for (const row of batch) {
        const match = index.find(row, this.seen);
        if (!match) {
          const created = knownFromRow(row);
          index.add(created);
          touched.push(created);
          continue;
        }
        if (!match.outcomes.length && !match.insert) touched.push(match);
        match.outcomes.push(this.merge(match, row));
        index.add(match);
      }
      await this.flush(tx, touched);
    });
  }

  /**
   * A matched lead takes the row's non-empty values where they differ (DESIGN: our store keeps
   * status, owner and history). A lead an earlier row of this file already matched or created only
   * has its empty fields filled, so conflicting duplicates in one file cannot flip it back and forth
   * and a second import of the file changes nothing.
   */
  private merge(match: Known, row: Prepared): 'updated' | 'skipped' {
    const earlier = match.insert !== undefined || match.outcomes.length > 0 || this.seen.has(match.id);
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

  private async flush(tx: Queryable, touched: Known[]): Promise<void> {
    const now = this.opts.now;
    const inserts = touched.filter((k) => k.insert);
    let created = new Set<string>();
    if (inserts.length) {
      const rows = rowsOf(await tx.execute(insertLeads(inserts.map((k) => leadRecord(k.id, k.insert!, this.opts)))));
      created = new Set(rows.map((r) => String(r.id)));
      this.createdSince += created.size;
    }
    const steps: StepRecord[] = [];
    for (const k of touched) {
      if (k.insert) {
        const won = created.has(k.id);
        this.count(won ? 'created' : 'skipped', k.outcomes.map((o) => (won ? o : 'skipped')));
        if (!won) continue;
        this.seen.set(k.id, true);
        const next = k.insert.lead.next;
        if (next) steps.push(stepRecord(this.opts.teamId, k.id, k.ownerId, next, now));
        continue;
      }
      this.seen.set(k.id, this.seen.get(k.id) ?? false);
      this.count(null, k.outcomes);
      if (k.newStep) steps.push(stepRecord(this.opts.teamId, k.id, k.newStep.ownerId, k.newStep.step, now));
      if (Object.keys(k.patch).length) await tx.update(leads).set({ ...k.patch, updatedAt: now }).where(eq(leads.id, k.id));
    }
    if (steps.length) await tx.execute(insertSteps(steps));
  }

  private count(first: 'created' | 'skipped' | null, outcomes: Known['outcomes']): void {
    if (first) this.summary[first]++;
    for (const o of outcomes) this.summary[o]++;
  }
}

function knownFromRow(row: Prepared): Known {
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
    touchCount: c.touchCount,
    hasStep: c.next !== null,
    insert: row,
    patch: {},
    outcomes: [],
  };
}

// Bulk statements take their rows as one JSON parameter: the statement text is the same for every
// batch (prepared once), and neither the driver nor Drizzle handles 25,000 separate parameters.
type LeadRecord = ReturnType<typeof leadRecord>;
type StepRecord = ReturnType<typeof stepRecord>;

function leadRecord(id: string, row: Prepared, opts: Opts) {
  const c = row.lead;
  return {
    id,
    team_id: opts.teamId,
    owner_id: row.ownerId,
    created_by: opts.defaultOwner,
    name: c.name,
    company: c.company,
    email: c.email,
    phone: c.phone,
    tier: c.tier,
    value: c.value,
    status: c.status,
    source: c.source,
    external_id: c.externalId,
    note: c.note,
    created_at: c.createdAt ?? opts.now,
    touch_count: c.touchCount,
    first_touch_at: c.firstTouchAt,
    last_touch_at: c.lastTouchAt,
    won_at: c.status === 'won' ? c.closedAt : null,
    lost_at: c.status === 'lost' ? c.closedAt : null,
    updated_at: opts.now,
  };
}

/** New leads, imported (no speed-to-lead alert, R2). A concurrent add that took a name or external id first wins: that row is left out of RETURNING. */
const insertLeads = (records: LeadRecord[]) => sql`
  insert into leads (id, team_id, owner_id, created_by, name, company, email, phone, tier, value, status, source, external_id,
                     imported, alert_owner, note, created_at, touch_count, first_touch_at, last_touch_at, won_at, lost_at, updated_at)
  select id, team_id, owner_id, created_by, name, company, email, phone, tier, value, status, source, external_id,
         true, false, note, created_at, touch_count, first_touch_at, last_touch_at, won_at, lost_at, updated_at
  from json_to_recordset(${JSON.stringify(records)}::json) as r(
    id uuid, team_id text, owner_id text, created_by text, name text, company text, email text, phone text, tier text,
    value numeric, status text, source text, external_id text, note text, created_at timestamptz, touch_count integer,
    first_touch_at timestamptz, last_touch_at timestamptz, won_at timestamptz, lost_at timestamptz, updated_at timestamptz)
  on conflict do nothing
  returning id`;

function stepRecord(teamId: string, leadId: string, repId: string, step: Step, now: Date) {
  return {
    team_id: teamId,
    lead_id: leadId,
    rep_id: repId,
    action: step.action,
    due_at: step.dueAt,
    all_day: step.allDay,
    promised: step.promised,
    their_commitment: step.theirCommitment,
    their_status: step.theirCommitment ? 'pending' : null,
    origin: step.origin,
    created_at: now,
  };
}

/** New open steps; the unique open-step index keeps R3's one open step if someone set one meanwhile. */
const insertSteps = (records: StepRecord[]) => sql`
  insert into next_steps (team_id, lead_id, rep_id, action, due_at, all_day, promised, their_commitment, their_status, origin, created_at)
  select team_id, lead_id, rep_id, action, due_at, all_day, promised, their_commitment, their_status, origin, created_at
  from json_to_recordset(${JSON.stringify(records)}::json) as r(
    team_id text, lead_id uuid, rep_id text, action text, due_at timestamptz, all_day boolean, promised boolean,
    their_commitment text, their_status text, origin text, created_at timestamptz)
  on conflict do nothing`;

/** The batch's matching leads in the store, by external id, by e-mail, by owner + name; oldest first. */
async function fetchMatches(tx: Queryable, teamId: string, batch: Prepared[]): Promise<Known[]> {
  const externalIds = [...new Set(batch.map((r) => r.lead.externalId).filter((v): v is string => v !== null))];
  const emails = [...new Set(batch.map((r) => r.lead.email?.toLowerCase()).filter((v): v is string => Boolean(v)))];
  const pairs = [...new Map(batch.map((r) => [nameKey(r.ownerId, r.lead.name), { o: r.ownerId, n: r.lead.name.toLowerCase() }])).values()];
  // Each key list is one JSON parameter, so the statement is the same whatever the batch holds.
  // Owner + name is split by status so that each side has its index (the unique one skips lost leads).
  const result = await tx.execute(sql`
    with ext as (select json_array_elements_text(${JSON.stringify(externalIds)}::json) as v),
         mail as (select json_array_elements_text(${JSON.stringify(emails)}::json) as v),
         named as (select * from json_to_recordset(${JSON.stringify(pairs)}::json) as p(o text, n text))
    select l.id, l.owner_id, l.name, l.email, l.external_id, l.status, l.company, l.phone, l.value::text as value, l.source,
           l.tier, l.note, l.touch_count,
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
    touchCount: Number(r.touch_count),
    hasStep: Boolean(r.has_step),
    patch: {},
    outcomes: [],
  }));
}

/** The batch's leads by each matching key; several leads may share an e-mail, or an owner + name (lost ones). */
class KnownIndex {
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
