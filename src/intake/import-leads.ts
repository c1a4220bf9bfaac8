// `followup-coach import` and the Slack upload: a CRM export streamed into the team's leads, in
// batches of one transaction each, matching existing leads rather than duplicating them (by
// external id, by e-mail, then by owner + name). Idempotent: the same file twice changes nothing
// the second time.
import type { Db } from '../db/client.js';
import { planFirstTouchesFor } from '../db/ops/plan-first-touches.js';
import { repById, repZone } from '../db/queries/rep-lookup.js';
import { inTransaction, rolledBack } from '../db/transaction.js';
import { shorten } from './cells.js';
import { hasNameColumn, mapColumns } from './csv-columns.js';
import { openCsv, type CsvSource } from './csv-records.js';
import { ImportRefused } from './import-refused.js';
import { importOptions, type ImportOptions, type ImportSummary } from './import-options.js';
import { Importer } from './importer.js';
import { createOwnerResolver } from './resolve-owner.js';

export { ImportRefused };
export type { ImportOptions, ImportSummary };

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
    const owner = await repById(db, opts.teamId, opts.defaultOwner);
    if (!owner || owner.isGuest) throw new ImportRefused(`${opts.defaultOwner} is not one of the team's reps, so cannot own imported leads`);
  } catch (err) {
    file.close();
    throw err;
  }

  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, rejected: [], ownerNotes: [], dryRun: opts.dryRun, rows: 0 };
  if (!opts.dryRun) {
    const resolver = opts.resolveOwner ?? createOwnerResolver({ db, teamId: opts.teamId, now: () => opts.now });
    await new Importer(opts, columns, summary, db, resolver, (work) => inTransaction(db, work)).run(file.rows);
    // docs/rules.md#r2: the new book's first contacts spread over the coming working days, not all due now.
    summary.planned = await planFirstTouchesFor(db, {
      teamId: opts.teamId,
      now: opts.now,
      zoneOf: async (ownerId) => (await repZone(db, opts.teamId, ownerId)) ?? 'UTC',
    });
    return summary;
  }
  // A dry run does the same work in one transaction, rolled back at the end: rows later in the
  // file still meet the leads earlier rows would have created.
  await rolledBack(db, async (tx) => {
    const resolver = opts.resolveOwner?.bind?.(tx) ?? createOwnerResolver({ db: tx, teamId: opts.teamId, now: () => opts.now });
    await new Importer(opts, columns, summary, tx, resolver, (work) => work(tx)).run(file.rows);
  });
  return summary;
}
