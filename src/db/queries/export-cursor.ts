// The team's leads for `followup-coach export`, read through a server-side cursor in pages, like
// the team-wide coach pass: memory stays flat however large the team.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.js';

// One JSON array per row (cheap for both drivers to hand over); the order is ExportRow's.
const ROW = sql`json_build_array(
  l.name, l.company, l.email, l.phone, l.tier, l.value, l.owner_id, l.status, l.source, l.created_at,
  l.last_touch_at, l.touch_count, s.action, s.due_at, s.promised, l.external_id, l.note)::text`;

/** name, company, email, phone, tier, value, owner, status, source, created, last contacted, touch count, next step, its due time, promised, external id, note. */
export type ExportRow = [
  string, string | null, string | null, string | null, string, number | null, string, string, string | null, string,
  string | null, number, string | null, string | null, boolean | null, string | null, string | null,
];

/**
 * Hands the team's leads (lost and won included) to `onPage`, `pageSize` at a time, in a stable
 * order (created, name, owner…): exporting a re-imported copy gives the same rows. `onPage` runs
 * inside the read's transaction and must not query.
 */
export async function forEachExportPage(
  db: Db,
  teamId: string,
  opts: { owner?: string; pageSize: number },
  onPage: (rows: ExportRow[]) => Promise<void>,
): Promise<void> {
  // Spliced into the FETCH text: a whole number, never anything else.
  const pageSize = Math.max(1, Math.floor(opts.pageSize));
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
      const page = rowsOf(await tx.execute(sql.raw(`fetch ${pageSize} from team_export`)));
      if (page.length) await onPage(page.map((p) => JSON.parse(String(p.row)) as ExportRow));
      if (page.length < pageSize) break;
    }
    await tx.execute(sql`close team_export`);
  });
}
