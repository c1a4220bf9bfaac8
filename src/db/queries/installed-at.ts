import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { installations } from '../schema.js';

/** When the team's current install was stored, and its bot's user id; null when it has none. Reads no token. */
export async function storedInstall(db: Queryable, teamId: string): Promise<{ installedAt: Date; botUserId: string | null } | null> {
  const [row] = await db
    .select({ installedAt: installations.installedAt, botUserId: installations.botUserId })
    .from(installations)
    .where(eq(installations.teamId, teamId));
  return row ?? null;
}
