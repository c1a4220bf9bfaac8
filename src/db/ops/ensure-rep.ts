import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { reps, teams, type Rep } from '../schema.js';

export interface RepProfile {
  tz?: string | null;
  displayName?: string | null;
  email?: string | null;
  isSlackAdmin?: boolean;
  isGuest?: boolean;
}

export async function findRep(db: Queryable, teamId: string, userId: string): Promise<Rep | undefined> {
  const [rep] = await db.select().from(reps).where(and(eq(reps.teamId, teamId), eq(reps.userId, userId)));
  return rep;
}

/** First sight of a team or user creates them; a fresh Slack profile refreshes what the rep did not override. */
export async function ensureRep(
  db: Queryable,
  teamId: string,
  userId: string,
  profile: RepProfile | null,
  now: Date,
): Promise<Rep> {
  await db.insert(teams).values({ id: teamId }).onConflictDoNothing();
  const fromSlack = profile
    ? {
        tz: profile.tz ?? null,
        displayName: profile.displayName ?? null,
        email: profile.email ?? null,
        isSlackAdmin: profile.isSlackAdmin ?? false,
        isGuest: profile.isGuest ?? false,
        tzRefreshedAt: now,
      }
    : {};
  const [rep] = await db
    .insert(reps)
    .values({ teamId, userId, ...fromSlack })
    .onConflictDoUpdate({
      target: [reps.teamId, reps.userId],
      set: profile
        ? {
            // A zone the rep chose with `settings tz:` wins over Slack's.
            tz: sql`case when ${reps.tzOverridden} then ${reps.tz} else excluded.tz end`,
            displayName: sql`excluded.display_name`,
            email: sql`excluded.email`,
            isSlackAdmin: sql`excluded.is_slack_admin`,
            isGuest: sql`excluded.is_guest`,
            tzRefreshedAt: now,
            updatedAt: now,
          }
        : { updatedAt: sql`${reps.updatedAt}` },
    })
    .returning();
  return rep!;
}
