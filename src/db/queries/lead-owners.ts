import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads } from '../schema.js';

/** Reps who own non-lost leads: team-wide work goes rep by rep, so memory holds one rep's leads at a time. */
export async function leadOwners(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ ownerId: leads.ownerId })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), ne(leads.status, 'lost')))
    .orderBy(asc(leads.ownerId));
  return rows.map((r) => r.ownerId);
}
