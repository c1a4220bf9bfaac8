import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { RepProfile } from '../db/ops/ensure-rep.js';

// Who a Slack user is: users.info and users.lookupByEmail, for listeners (through their own client),
// jobs and intake (through the outbound client).

// Slack profiles (time zone, admin and guest flags) are refreshed at most daily.
export const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
// users.info runs before a command's ack: it must not eat Slack's 3-second budget.
const PROFILE_TIMEOUT_MS = 1200;
// A job answers no one within Slack's 3 seconds: users.info may take longer than before an ack.
const JOB_PROFILE_TIMEOUT_MS = 5000;

export interface SlackUser {
  id?: string;
  team_id?: string;
  deleted?: boolean;
  is_bot?: boolean;
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

/** A rep's Slack profile (users.info) for a job; null when Slack does not answer in time. */
export function fetchRepProfile(client: WebClient, userId: string, logger: Logger): Promise<RepProfile | null> {
  return fetchProfile(client, userId, logger, JOB_PROFILE_TIMEOUT_MS);
}

/** The Slack user with this id; throws Slack's error (`user_not_found`) as the Web API does. */
export async function userById(client: WebClient, id: string): Promise<SlackUser | undefined> {
  return (await client.users.info({ user: id })).user as SlackUser | undefined;
}

/** The Slack user with this e-mail address; throws Slack's error (`users_not_found`) as the Web API does. */
export async function userByEmail(client: WebClient, email: string): Promise<SlackUser | undefined> {
  return (await client.users.lookupByEmail({ email })).user as SlackUser | undefined;
}
