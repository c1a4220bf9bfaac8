import type { RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { sendDm } from './dm.js';
import { slackIdentity } from './middleware/slack-identity.js';

/** Where a request came from, which decides how its answer reaches the person who acted. */
export type SurfaceKind = 'command' | 'button' | 'modal' | 'options' | 'event';

export function surfaceOf(body: unknown): SurfaceKind {
  const b = (body ?? {}) as { command?: string; type?: string };
  if (b.command !== undefined) return 'command';
  switch (b.type) {
    case 'block_actions':
      return 'button';
    case 'view_submission':
    case 'view_closed':
      return 'modal';
    case 'block_suggestion':
      return 'options';
    // Events, and anything else the app does not answer in words.
    default:
      return 'event';
  }
}

/** The parts of Bolt's listener and middleware arguments an answer needs. */
export interface SurfaceArgs {
  body: unknown;
  client: WebClient;
  /** OAuth mode: drops the team's cached install when Slack refuses its token (middleware/token-refused.ts). */
  context?: { tokenRefused?: () => void; [key: string]: unknown };
  // Each kind's ack takes its own response; the surface decides which it sends.
  ack?: (response?: any) => Promise<void>;
  respond?: RespondFn;
}

export interface TellOptions {
  /** The listener has acked already: what is left is the response_url or a DM. */
  acked?: boolean;
  /** A button on a command's ephemeral reply: the answer takes that reply's place. */
  replaceOriginal?: boolean;
  /** Block Kit for the answer (buttons); `text` stays its notification fallback. */
  blocks?: KnownBlock[];
}

/**
 * Tells the person who acted, on the surface they used: a command's ephemeral ack (or its
 * response_url once acked); a button's ephemeral response (a DM for App Home clicks, which have no
 * response_url); a closed form's DM; an empty options list. Events answer no one.
 */
export async function tell(args: SurfaceArgs, logger: Logger, text: string, opts: TellOptions = {}): Promise<void> {
  const ack = opts.acked ? undefined : args.ack;
  const withBlocks = opts.blocks ? { blocks: opts.blocks } : {};
  switch (surfaceOf(args.body)) {
    case 'command':
      if (ack) return ack({ response_type: 'ephemeral', text, ...withBlocks });
      await args.respond?.({ response_type: 'ephemeral', replace_original: true, text, ...withBlocks });
      return;
    case 'button':
      await ack?.();
      if ((args.body as { response_url?: string }).response_url && args.respond) {
        await args.respond({ response_type: 'ephemeral', replace_original: opts.replaceOriginal ?? false, text, ...withBlocks });
        return;
      }
      return dm(args, logger, text, opts.blocks);
    case 'modal':
      await ack?.();
      return dm(args, logger, text, opts.blocks);
    case 'options':
      await ack?.({ options: [] });
      return;
    case 'event':
      return;
  }
}

/** A DM that fails is logged: the request it answers has been acked already. */
async function dm(args: SurfaceArgs, logger: Logger, text: string, blocks?: KnownBlock[]): Promise<void> {
  const { userId } = slackIdentity(args.body);
  if (!userId) return;
  await sendDm(args.client, userId, text, blocks).catch((err: Error) => logger.warn({ rep: userId, err: err.message }, 'confirmation DM failed'));
}
