import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { teams } from '../schema.js';

/** The app was removed (or its bot token revoked): jobs skip the team from now on; data is kept. */
export async function markUninstalled(db: Queryable, teamId: string, now: Date): Promise<boolean> {
  await db.insert(teams).values({ id: teamId }).onConflictDoNothing();
  const rows = await db
    .update(teams)
    .set({ uninstalledAt: now, updatedAt: now })
    .where(and(eq(teams.id, teamId), isNull(teams.uninstalledAt)))
    .returning({ id: teams.id });
  return rows.length === 1;
}

/** A working token for the team again (a reinstall): it resumes with the data it had. */
export async function markReinstalled(db: Queryable, teamId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(teams)
    .set({ uninstalledAt: null, updatedAt: now })
    .where(and(eq(teams.id, teamId), isNotNull(teams.uninstalledAt)))
    .returning({ id: teams.id });
  return rows.length === 1;
}
