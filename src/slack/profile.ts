import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { ensureRep, findRep } from '../db/ops/ensure-rep.js';
import type { Queryable } from '../db/client.js';
import type { Rep } from '../db/schema.js';
import { fetchProfile, PROFILE_MAX_AGE_MS } from '../outbound/slack-users.js';

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
