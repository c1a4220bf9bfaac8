import type { WebClient } from '@slack/web-api';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { ensureRep } from '../db/ops/ensure-rep.js';
import { reps } from '../db/schema.js';
import { fetchProfile, PROFILE_MAX_AGE_MS } from '../slack/profile.js';

// users.info is generous (Tier 4) but a big team is refreshed over several ticks, not in one burst.
export const ZONES_PER_TICK = 50;

/**
 * Reps' time zones come from Slack's `users.info` and are refreshed at most daily (a rep who moves
 * or travels gets the morning DM at their new 08:00); a zone the rep set with `settings tz:` stays.
 */
export async function refreshStaleZones(db: Db, client: WebClient, logger: Logger, teamId: string, now: Date): Promise<number> {
  const stale = await db
    .select({ userId: reps.userId })
    .from(reps)
    .where(
      and(
        eq(reps.teamId, teamId),
        eq(reps.tzOverridden, false),
        or(isNull(reps.tzRefreshedAt), lt(reps.tzRefreshedAt, new Date(now.getTime() - PROFILE_MAX_AGE_MS))),
      ),
    )
    .orderBy(asc(reps.tzRefreshedAt))
    .limit(ZONES_PER_TICK);
  let refreshed = 0;
  for (const { userId } of stale) {
    const profile = await fetchProfile(client, userId, logger, 5000);
    if (!profile) continue;
    await ensureRep(db, teamId, userId, profile, now);
    refreshed += 1;
  }
  return refreshed;
}
