import { and, eq, isNotNull, isNull, notExists } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { installations, teams } from '../schema.js';

/**
 * The app was removed (or its bot token revoked): jobs skip the team from now on; data is kept.
 * `unlessInstalled` (OAuth mode): not when the team has an install, checked in the same statement, so
 * a re-install committed after the old one was deleted is never left marked uninstalled.
 */
export async function markUninstalled(db: Queryable, teamId: string, now: Date, opts: { unlessInstalled?: boolean } = {}): Promise<boolean> {
  await db.insert(teams).values({ id: teamId }).onConflictDoNothing();
  const installed = db.select({ teamId: installations.teamId }).from(installations).where(eq(installations.teamId, teamId));
  const rows = await db
    .update(teams)
    .set({ uninstalledAt: now, updatedAt: now })
    .where(and(eq(teams.id, teamId), isNull(teams.uninstalledAt), opts.unlessInstalled ? notExists(installed) : undefined))
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
