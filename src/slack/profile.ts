import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { ensureRep, findRep, type RepProfile } from '../db/ops/ensure-rep.js';
import type { Queryable } from '../db/client.js';
import type { Rep } from '../db/schema.js';

// Slack profiles (time zone, admin and guest flags) are refreshed at most daily.
export const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
// users.info runs before a command's ack: it must not eat Slack's 3-second budget.
const PROFILE_TIMEOUT_MS = 1200;

export interface SlackUser {
  tz?: string;
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  profile?: { display_name?: string; email?: string };
}

/** What the app keeps of a Slack user (users.info, users.lookupByEmail). */
export const profileOf = (user: SlackUser): RepProfile => ({
  tz: user.tz ?? null,
  displayName: user.profile?.display_name || user.real_name || user.name || null,
  // Needs users:read.email; without it Slack leaves it out and owners are named by id or name.
  email: user.profile?.email ?? null,
  isSlackAdmin: Boolean(user.is_admin || user.is_owner),
  isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
});

/** Fetches the Slack profile (time zone, admin flags); null when Slack does not answer in time. */
export async function fetchProfile(client: WebClient, userId: string, logger: Logger, timeoutMs = PROFILE_TIMEOUT_MS): Promise<RepProfile | null> {
  try {
    const res = await Promise.race([
      client.users.info({ user: userId }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('users.info timed out')), timeoutMs).unref()),
    ]);
    return res.user ? profileOf(res.user) : null;
  } catch (err) {
    logger.warn({ userId, err: (err as Error).message }, 'users.info failed; using stored profile');
    return null;
  }
}

/**
 * The rep as stored, created on first sight (with their team), their Slack profile refreshed when
 * older than a day; a Slack that does not answer leaves the stored profile as it is.
 */
export async function currentRep(
  db: Queryable,
  client: WebClient,
  logger: Logger,
  ids: { teamId: string; userId: string },
  now: Date,
): Promise<Rep> {
  const rep = await findRep(db, ids.teamId, ids.userId);
  if (rep?.tzRefreshedAt && now.getTime() - rep.tzRefreshedAt.getTime() <= PROFILE_MAX_AGE_MS) return rep;
  const profile = await fetchProfile(client, ids.userId, logger);
  return rep && !profile ? rep : ensureRep(db, ids.teamId, ids.userId, profile, now);
}
