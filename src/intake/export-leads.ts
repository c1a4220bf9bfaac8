// `followup-coach export`: the team's leads as CSV, in the columns `import` reads back unchanged.
// Streamed from the database in pages (db/queries/export-cursor): memory stays flat.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { forEachExportPage, type ExportRow } from '../db/queries/export-cursor.js';
import { EXPORT_HEADERS, guardCell } from './csv-columns.js';

export const EXPORT_PAGE_SIZE = 5_000;

export const exportOptions = z.object({
  /** Only this rep's leads (a Slack user id). */
  owner: z.string().min(1).optional(),
  pageSize: z.number().int().min(1).default(EXPORT_PAGE_SIZE),
  /** Told the rows written so far after each page (the CLI's progress line). */
  onProgress: z.custom<(rows: number) => void>((v) => typeof v === 'function').optional(),
});
export type ExportOptions = z.input<typeof exportOptions>;

const iso = (v: string | null) => (v === null ? '' : new Date(v).toISOString());
const text = (v: string | null) => (v === null ? '' : guardCell(v));

/** One lead as export cells: times ISO-8601 UTC, the owner as a Slack id, formula-like text guarded. */
export function exportCells(r: ExportRow): string[] {
  const hasStep = r[12] !== null;
  return [
    text(r[0]), text(r[1]), text(r[2]), text(r[3]), r[4], r[5] === null ? '' : String(r[5]), r[6], r[7], text(r[8]), iso(r[9]),
    iso(r[10]), String(r[11]), text(r[12]), iso(r[13]), hasStep ? (r[14] ? 'yes' : 'no') : '', text(r[15]), text(r[16]),
  ];
}

/**
 * Writes the team's leads (lost and won included, with their status) to `out` as CSV with a header
 * row. The order (created, name, owner) is stable, so exporting a re-imported copy gives the same bytes.
 */
export async function exportLeads(db: Db, teamId: string, out: Writable, raw: ExportOptions = {}): Promise<{ rows: number }> {
  const opts = exportOptions.parse(raw);
  let failure: Error | null = null;
  const onError = (err: Error) => (failure = err);
  out.on('error', onError);
  const put = async (chunk: string) => {
    if (failure) throw failure;
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (failure) throw failure;
  };
  let rows = 0;
  try {
    await put(stringify([[...EXPORT_HEADERS]]));
    await forEachExportPage(db, teamId, { owner: opts.owner, pageSize: opts.pageSize }, async (page) => {
      await put(stringify(page.map(exportCells)));
      rows += page.length;
      opts.onProgress?.(rows);
    });
  } finally {
    out.off('error', onError);
  }
  return { rows };
}
