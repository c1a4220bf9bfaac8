import type { KnownBlock } from '@slack/types';
import type { Logger } from 'pino';
import { type Pacer, sleep } from './pacer.js';
import type { SlackClient } from './slack-client.js';

// A 429 is waited out and the same message tried again, this many times.
const RATE_LIMIT_TRIES = 5;

export interface DmMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Sends one DM, waiting out 429s (Retry-After) and trying the same message again; returns its ts. */
export async function postDm(client: SlackClient, pacer: Pacer, logger: Logger, userId: string, message: DmMessage): Promise<string> {
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
