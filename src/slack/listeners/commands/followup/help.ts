import { USAGE } from '../../../parse/command.js';
import { escapeSlackText } from '../../../parse/slack-text.js';
import { reply } from '../../../reply.js';
import type { Subcommand } from './context.js';

// Only the subcommands this build answers; the list grows as they land.
export const AVAILABLE = ['add', 'log', 'next', 'queue', 'stalled', 'help'] as const;

export const help: Subcommand = async () =>
  reply(
    [
      '*Follow-up Coach* — every open lead gets a dated next step, and you follow up until it closes.',
      ...AVAILABLE.map((sub) => `• \`${escapeSlackText(USAGE[sub]!)}\``),
      'Dates read in your time zone: `friday`, `tomorrow`, `in 3 days`, `2026-12-01`, `dec 3 2pm`.',
    ].join('\n'),
  );
