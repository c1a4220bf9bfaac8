// Reps of a team found by what an import file or a lead webhook names them by: Slack id, e-mail,
// display name (the owner resolver), and the zone an imported row's dates are read in.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { reps } from '../schema.js';

/** The rep with this Slack id, guest or not; undefined for someone not (yet) a rep of the team. */
export async function repById(db: Queryable, teamId: string, userId: string): Promise<{ userId: string; isGuest: boolean } | undefined> {
  const [rep] = await db
    .select({ userId: reps.userId, isGuest: reps.isGuest })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(reps.userId, userId)));
  return rep;
}

/** The team's non-guest reps with this e-mail address, case-insensitively. */
export function repsByEmail(db: Queryable, teamId: string, email: string): Promise<{ userId: string }[]> {
  return db
    .select({ userId: reps.userId })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(sql`lower(${reps.email})`, email.toLowerCase()), eq(reps.isGuest, false)));
}

/** The team's non-guest reps going by this display name, case-insensitively. */
export function repsByDisplayName(db: Queryable, teamId: string, name: string): Promise<{ userId: string }[]> {
  return db
    .select({ userId: reps.userId })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(sql`lower(${reps.displayName})`, name.toLowerCase()), eq(reps.isGuest, false)));
}

/** The rep's time zone as stored (null when unknown, or for someone not a rep of the team). */
export async function repZone(db: Queryable, teamId: string, userId: string): Promise<string | null> {
  const [rep] = await db.select({ tz: reps.tz }).from(reps).where(and(eq(reps.teamId, teamId), eq(reps.userId, userId)));
  return rep?.tz ?? null;
}
