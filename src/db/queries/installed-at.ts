import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { installations } from '../schema.js';

/** When the team's current install was stored; null when it has none. Reads no token. */
export async function installedAt(db: Queryable, teamId: string): Promise<Date | null> {
  const [row] = await db.select({ installedAt: installations.installedAt }).from(installations).where(eq(installations.teamId, teamId));
  return row?.installedAt ?? null;
}
