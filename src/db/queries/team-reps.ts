import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { reps, type Rep } from '../schema.js';

/** Every rep of a team (the morning job decides who is due from their schedules). */
export async function teamReps(db: Queryable, teamId: string): Promise<Rep[]> {
  return db.select().from(reps).where(eq(reps.teamId, teamId));
}

/** Reps' display names by user id (may be null: a rep Slack has not named yet). */
export async function repDisplayNames(db: Queryable, teamId: string): Promise<Map<string, string | null>> {
  const rows = await db.select({ id: reps.userId, name: reps.displayName }).from(reps).where(eq(reps.teamId, teamId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The team's managers who take DMs at `at`: not guests, not paused. */
export async function reachableManagers(db: Queryable, teamId: string, at: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: reps.userId })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(reps.isManager, true), eq(reps.isGuest, false), or(isNull(reps.dmsPausedUntil), lte(reps.dmsPausedUntil, at))));
  return rows.map((r) => r.userId);
}

/**
 * Reps whose Slack time zone was last read before `refreshedBefore` (or never), oldest first, at
 * most `limit`; a zone the rep set themselves is never refreshed.
 */
export async function repsWithStaleZones(db: Queryable, teamId: string, refreshedBefore: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ userId: reps.userId })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(reps.tzOverridden, false), or(isNull(reps.tzRefreshedAt), lt(reps.tzRefreshedAt, refreshedBefore))))
    .orderBy(asc(reps.tzRefreshedAt))
    .limit(limit);
  return rows.map((r) => r.userId);
}
