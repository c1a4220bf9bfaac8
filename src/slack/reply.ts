import type { KnownBlock } from '@slack/types';
import type { Services } from './services.js';
import { DomainError } from '../db/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { USAGE } from './parse/usage.js';
import { escapeSlackText } from './parse/slack-text.js';

/** What a command answers: an ephemeral message to the rep who typed it. */
export interface Reply {
  text: string;
  /** Block Kit, when the reply needs buttons; `text` stays the notification fallback. */
  blocks?: KnownBlock[];
}

export const reply = (text: string): Reply => ({ text });

/** A refusal: says what is wrong and how the command is written. Nothing was changed. */
export function refuse(message: string, sub?: string): Reply {
  const usage = sub ? USAGE[sub] : undefined;
  return { text: `:warning: ${message}${usage ? `\nUsage: \`${escapeSlackText(usage)}\`` : ''}` };
}

export const DATABASE_DOWN =
  ":warning: I can't reach the database right now — try again in a minute. Nothing was changed.";
const UNEXPECTED = ':warning: Something went wrong on our side, and nothing was changed. Please try again.';

/** Turns a failure into words for the rep; the transaction behind it has already rolled back. */
export function explainFailure(err: unknown, services: Services, sub?: string): Reply {
  if (err instanceof DomainError) {
    return err.code === 'duplicate_request' ? reply(`:information_source: ${err.message}`) : refuse(err.message, sub);
  }
  if (isDatabaseUnavailable(err)) {
    services.logger.warn({ sub, err }, 'database unavailable');
    return reply(DATABASE_DOWN);
  }
  services.logger.error({ sub, err }, 'command failed');
  return reply(UNEXPECTED);
}
