import type { KnownBlock } from '@slack/types';
import { USAGE } from './parse/usage.js';
import { escapeSlackText } from './parse/slack-text.js';

/** What a listener answers the rep who acted: a command's ephemeral reply, a button's note, a form's DM. */
export interface Reply {
  text: string;
  /** Block Kit, when the reply needs buttons; `text` stays the notification fallback. */
  blocks?: KnownBlock[];
  /**
   * Reps whose queues the operation changed (set only when it succeeded): their App Home is drawn
   * again. A reassignment changes two.
   */
  redraw?: readonly string[];
  /** Further ephemeral messages, sent in order through the command's response_url after this one (a long digest). */
  more?: readonly { text: string; blocks: KnownBlock[] }[];
}

export const reply = (text: string, changed?: { redraw: readonly string[] }): Reply => (changed ? { text, redraw: changed.redraw } : { text });

/** A refusal: says what is wrong and how the command is written. Nothing was changed. */
export function refuse(message: string, sub?: string): Reply {
  const usage = sub ? USAGE[sub] : undefined;
  return { text: `:warning: ${message}${usage ? `\nUsage: \`${escapeSlackText(usage)}\`` : ''}` };
}

export const DATABASE_DOWN =
  ":warning: I can't reach the database right now — try again in a minute. Nothing was changed.";
export const UNEXPECTED = ':warning: Something went wrong on our side, and nothing was changed. Please try again.';
