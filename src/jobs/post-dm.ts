import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { type Pacer, sleep } from './pacer.js';

// A 429 is waited out and the same message tried again, this many times.
const RATE_LIMIT_TRIES = 5;

// Slack errors that will not go away by retrying: the message is marked failed, not owed again.
export const PERMANENT_SLACK_ERRORS = new Set([
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'msg_too_long',
]);

// The team's token no longer works (uninstalled, revoked): stop sending to the team for this run;
// the claim is given back, so a reinstall the same morning still sends.
export const TEAM_GONE_ERRORS = new Set(['token_revoked', 'invalid_auth', 'not_authed', 'account_inactive_team', 'team_access_not_granted', 'ekm_access_denied']);

/** Slack's error code of a failed Web API call, or the transport error. */
export const slackErrorCode = (err: unknown): string => {
  const e = err as { code?: string; data?: { error?: string } };
  return e.data?.error ?? e.code ?? (err as Error).message;
};

export interface DmMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Sends one DM, waiting out 429s (Retry-After) and trying the same message again; returns its ts. */
export async function postDm(client: WebClient, pacer: Pacer, logger: Logger, userId: string, message: DmMessage): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await pacer.wait();
    try {
      const im = await client.conversations.open({ users: userId });
      const res = await client.chat.postMessage({ channel: im.channel!.id!, text: message.text, blocks: message.blocks });
      return res.ts ?? '';
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number };
      if (e.code !== 'slack_webapi_rate_limited_error' || attempt >= RATE_LIMIT_TRIES) throw err;
      // A 429 means Slack did not take the message: waiting and sending again cannot double it.
      const waitMs = Math.max(1, e.retryAfter ?? 1) * 1000;
      pacer.pause(waitMs);
      logger.warn({ rep: userId, retryAfterMs: waitMs }, 'Slack rate limit; waiting');
      await sleep(waitMs);
    }
  }
}
