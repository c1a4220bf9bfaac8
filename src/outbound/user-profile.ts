import type { Logger } from 'pino';
import type { RepProfile } from '../db/ops/ensure-rep.js';
import { fetchProfile } from '../slack/profile.js';
import type { SlackClient } from './slack-client.js';

// A job answers no one within Slack's 3 seconds: users.info may take longer than before an ack.
const JOB_PROFILE_TIMEOUT_MS = 5000;

/** A rep's Slack profile (users.info) for a job; null when Slack does not answer in time. */
export function fetchRepProfile(client: SlackClient, userId: string, logger: Logger): Promise<RepProfile | null> {
  return fetchProfile(client, userId, logger, JOB_PROFILE_TIMEOUT_MS);
}

export { PROFILE_MAX_AGE_MS } from '../slack/profile.js';
