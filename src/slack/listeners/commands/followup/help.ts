import { USAGE } from '../../../parse/usage.js';
import { escapeSlackText } from '../../../parse/slack-text.js';
import { reply } from '../../../reply.js';
import type { Subcommand } from './context.js';

// Every subcommand with a usage line, in the order USAGE gives them.
const LISTED = Object.keys(USAGE).filter((sub) => sub !== 'help');

export const help: Subcommand = async () =>
  reply(
    [
      '*Follow-up Coach* — every open lead gets a dated next step, and you follow up until it closes.',
      ...LISTED.map((sub) => `• \`${escapeSlackText(USAGE[sub]!)}\``),
      'Dates read in your time zone: `friday`, `tomorrow`, `in 3 days`, `2026-12-01`, `dec 3 2pm`.',
    ].join('\n'),
  );
