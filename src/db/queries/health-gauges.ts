import { sql } from 'drizzle-orm';
import { APPLICATION_NAME, rowsOf, type Database } from '../client.js';

const counts = (rows: Record<string, unknown>[], key: string): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [String(r[key]), Number(r.n)]));

/** Deliveries still claimed (in flight, or abandoned by a process that died), by kind. */
export async function ledgerBacklog(database: Database): Promise<Record<string, number>> {
  return counts(rowsOf(await database.db.execute(sql`select kind, count(*)::int as n from deliveries where status = 'claimed' group by kind`)), 'kind');
}

/** The app's connections by state; the embedded database has exactly one. */
export async function databaseConnections(database: Database): Promise<Record<string, number>> {
  if (database.kind === 'pglite') return { active: 1 };
  const rows = rowsOf(
    await database.db.execute(sql`
      select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
      where application_name = ${APPLICATION_NAME} and datname = current_database() group by 1`),
  );
  return counts(rows, 'state');
}
