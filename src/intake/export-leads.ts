// `followup-coach export`: the team's leads as CSV, in the columns `import` reads back unchanged.
// Streamed through a server-side cursor in pages, like the team-wide coach pass: memory stays flat.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Db } from '../db/client.js';
import { EXPORT_HEADERS, guardCell } from './csv-columns.js';

export const EXPORT_PAGE_SIZE = 5_000;

export const exportOptions = z.object({
  /** Only this rep's leads (a Slack user id). */
  owner: z.string().min(1).optional(),
  pageSize: z.number().int().min(1).default(EXPORT_PAGE_SIZE),
});
export type ExportOptions = z.input<typeof exportOptions>;

// One JSON array per row (cheap for both drivers to hand over); the order is EXPORT_HEADERS'.
const ROW = sql`json_build_array(
  l.name, l.company, l.email, l.phone, l.tier, l.value, l.owner_id, l.status, l.source, l.created_at,
  l.last_touch_at, l.touch_count, s.action, s.due_at, s.promised, l.external_id, l.note)::text`;

type JsonRow = [
  string, string | null, string | null, string | null, string, number | null, string, string, string | null, string,
  string | null, number, string | null, string | null, boolean | null, string | null, string | null,
];

const iso = (v: string | null) => (v === null ? '' : new Date(v).toISOString());
const text = (v: string | null) => (v === null ? '' : guardCell(v));

/** One lead as export cells: times ISO-8601 UTC, the owner as a Slack id, formula-like text guarded. */
export function exportCells(r: JsonRow): string[] {
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
    const onlyOwner = opts.owner ? sql`and l.owner_id = ${opts.owner}` : sql``;
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        declare team_export no scroll cursor for
        select ${ROW} as row
        from leads l
        left join next_steps s on s.lead_id = l.id and s.status = 'open'
        where l.team_id = ${teamId} ${onlyOwner}
        order by l.created_at, l.name, l.owner_id, l.status, l.email nulls first, l.id`);
      for (;;) {
        const page = rowsOf(await tx.execute(sql.raw(`fetch ${opts.pageSize} from team_export`)));
        if (page.length) await put(stringify(page.map((p) => exportCells(JSON.parse(String(p.row)) as JsonRow))));
        rows += page.length;
        if (page.length < opts.pageSize) break;
      }
      await tx.execute(sql`close team_export`);
    });
  } finally {
    out.off('error', onError);
  }
  return { rows };
}
