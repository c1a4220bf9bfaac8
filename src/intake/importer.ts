// The import's work after the file is accepted: rows read, normalised and given an owner, then
// written in batches of one transaction each. A batch costs a constant number of statements (one
// read of the leads it may match, one insert of new leads, one of new steps) plus an update per
// changed lead.
import type { Queryable } from '../db/client.js';
import { analyzeLeads, insertImportedLeads, insertImportedSteps, updateImportedLead, type ImportedLead, type ImportedStep } from '../db/ops/import-batch.js';
import { matchImportKeys } from '../db/queries/match-import-keys.js';
import { repZone } from '../db/queries/rep-lookup.js';
import { ownerCell, shorten } from './cells.js';
import type { ColumnMap } from './csv-columns.js';
import type { CsvRow } from './csv-records.js';
import type { ImportSettings, ImportSummary } from './import-options.js';
import { importKeys, knownFromRow, knownFromStore, KnownIndex, type Known, type Prepared, type Step } from './known-index.js';
import { mergeRow } from './merge-row.js';
import { normalizeRow } from './normalize-row.js';
import type { OwnerResolver } from './resolve-owner.js';

/** Runs one batch's work in a transaction (its own, or the dry run's one). */
export type InTransaction = (work: (tx: Queryable) => Promise<void>) => Promise<void>;

export class Importer {
  private zones = new Map<string, string>();
  /** Leads in the table when the planner last counted them, and leads created since. */
  private analyzed = -1;
  private createdSince = 0;
  /** Leads this import has matched or created (true: created), across batches. */
  private seen = new Map<string, boolean>();

  constructor(
    private readonly opts: ImportSettings,
    private readonly columns: ColumnMap,
    private readonly summary: ImportSummary,
    /** Reads outside the batches: reps' zones. */
    private readonly db: Queryable,
    private readonly resolver: OwnerResolver,
    private readonly inTx: InTransaction,
  ) {}

  async run(rows: AsyncIterable<CsvRow>): Promise<void> {
    let batch: Prepared[] = [];
    for await (const row of rows) {
      if (row.error !== undefined) {
        this.countRow();
        const span = row.endLine > row.line ? ` (lines ${row.line}–${row.endLine})` : '';
        this.summary.rejected.push({ line: row.line, reason: `${row.error}${span}` });
        continue;
      }
      // A line of bare delimiters (spreadsheets leave them at the end) is not a row.
      if (row.fields.every((f) => f.trim() === '')) continue;
      this.countRow();
      const prepared = await this.prepare(row.line, row.fields);
      if (prepared) batch.push(prepared);
      if (batch.length >= this.opts.batchSize) {
        await this.write(batch);
        batch = [];
      }
    }
    if (batch.length) await this.write(batch);
  }

  private countRow(): void {
    this.summary.rows++;
    this.opts.onProgress?.(this.summary.rows);
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
      zone = (await repZone(this.db, this.opts.teamId, userId)) ?? 'UTC';
      this.zones.set(userId, zone);
    }
    return zone;
  }

  /**
   * Planner statistics kept fresh while the table grows, so that matching looks leads up by index:
   * a plan made for a small table becomes a scan of the whole team per batch. Counted again
   * whenever the table may have doubled.
   */
  private async refreshStats(tx: Queryable): Promise<void> {
    if (this.analyzed >= 0 && this.createdSince < Math.max(1000, this.analyzed)) return;
    this.analyzed = await analyzeLeads(tx);
    this.createdSince = 0;
  }

  private async write(batch: Prepared[]): Promise<void> {
    await this.inTx(async (tx) => {
      await this.refreshStats(tx);
      const stored = await matchImportKeys(tx, this.opts.teamId, importKeys(batch));
      const index = new KnownIndex(stored.map(knownFromStore));
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
        const earlier = match.insert !== undefined || match.outcomes.length > 0 || this.seen.has(match.id);
        match.outcomes.push(mergeRow(match, row, earlier));
        index.add(match);
      }
      await this.flush(tx, touched);
    });
  }

  private async flush(tx: Queryable, touched: Known[]): Promise<void> {
    const now = this.opts.now;
    const inserts = touched.filter((k) => k.insert);
    let created = new Set<string>();
    if (inserts.length) {
      created = await insertImportedLeads(tx, inserts.map((k) => this.importedLead(k.id, k.insert!)));
      this.createdSince += created.size;
    }
    const steps: ImportedStep[] = [];
    for (const k of touched) {
      if (k.insert) {
        const won = created.has(k.id);
        this.count(won ? 'created' : 'skipped', k.outcomes.map((o) => (won ? o : 'skipped')));
        if (!won) continue;
        this.seen.set(k.id, true);
        const next = k.insert.lead.next;
        if (next) steps.push(this.importedStep(k.id, k.ownerId, next));
        continue;
      }
      this.seen.set(k.id, this.seen.get(k.id) ?? false);
      this.count(null, k.outcomes);
      if (k.newStep) steps.push(this.importedStep(k.id, k.newStep.ownerId, k.newStep.step));
      if (Object.keys(k.patch).length) await updateImportedLead(tx, k.id, k.patch, now);
    }
    if (steps.length) await insertImportedSteps(tx, steps);
  }

  private count(first: 'created' | 'skipped' | null, outcomes: Known['outcomes']): void {
    if (first) this.summary[first]++;
    for (const o of outcomes) this.summary[o]++;
  }

  private importedLead(id: string, row: Prepared): ImportedLead {
    const c = row.lead;
    return {
      id,
      teamId: this.opts.teamId,
      ownerId: row.ownerId,
      createdBy: this.opts.defaultOwner,
      name: c.name,
      company: c.company,
      email: c.email,
      phone: c.phone,
      tier: c.tier,
      value: c.value,
      status: c.status,
      source: c.source,
      externalId: c.externalId,
      note: c.note,
      referredBy: c.referredBy,
      createdAt: c.createdAt ?? this.opts.now,
      touchCount: c.touchCount,
      firstTouchAt: c.firstTouchAt,
      lastTouchAt: c.lastTouchAt,
      wonAt: c.status === 'won' ? c.closedAt : null,
      lostAt: c.status === 'lost' ? c.closedAt : null,
      updatedAt: this.opts.now,
    };
  }

  private importedStep(leadId: string, repId: string, step: Step): ImportedStep {
    return {
      teamId: this.opts.teamId,
      leadId,
      repId,
      action: step.action,
      dueAt: step.dueAt,
      allDay: step.allDay,
      promised: step.promised,
      theirCommitment: step.theirCommitment,
      origin: step.origin,
      createdAt: this.opts.now,
    };
  }
}
