import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { teams } from '../schema.js';

/** The teams the jobs work for: every installed team, or only `only` (when it is installed). */
export async function activeTeamIds(db: Queryable, only?: string): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(isNull(teams.uninstalledAt), only ? eq(teams.id, only) : undefined));
  return rows.map((r) => r.id);
}
