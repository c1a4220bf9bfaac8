import { escapeSlackText } from '../parse/slack-text.js';
import { formatDue } from '../parse/dates.js';
import type { Lead, NextStep } from '../../db/schema.js';
import { formatMoney, tierLabel } from '../../coach/labels.js';


// In lists a name is shown clipped, so a list of many stays within Slack's limits.
const LISTED_NAME_MAX = 100;
// Slack truncates message text past 40,000 characters; replies stop short of it, and say so.
export const MESSAGE_TEXT_MAX = 38_000;

/** Text cut to `max` characters, an ellipsis marking the cut. */
export const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A lead's name in a list: clipped, then escaped. */
export const listedName = (name: string): string =>
  escapeSlackText(name.length > LISTED_NAME_MAX ? `${name.slice(0, LISTED_NAME_MAX - 1)}…` : name);

/** Joins lines until the next would pass the message limit, then says how many were left out. */
export function fitLines(lines: readonly string[], what = 'lines'): string {
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    length += lines[i]!.length + 1;
    if (length > MESSAGE_TEXT_MAX) return [...lines.slice(0, i), `…and ${lines.length - i} more ${what} (too long for one message).`].join('\n');
  }
  return lines.join('\n');
}

/** A lead's name, bold and escaped: user text is never read as markup. */
export const leadName = (lead: Pick<Lead, 'name'>): string => `*${escapeSlackText(lead.name)}*`;

/** "Referral · $12,000 · Acme Holdings" */
export function leadSummary(lead: Pick<Lead, 'tier' | 'value' | 'company'>): string {
  const parts = [tierLabel(lead.tier)];
  if (lead.value !== null) parts.push(formatMoney(lead.value));
  if (lead.company) parts.push(escapeSlackText(lead.company));
  return parts.join(' · ');
}

/** "send proposal by Fri 27 Nov (promised)" in the rep's zone. */
export function nextStepText(step: Pick<NextStep, 'action' | 'dueAt' | 'promised' | 'theirCommitment'>, zone: string, now: Date): string {
  let text = `${escapeSlackText(step.action)} by ${formatDue(step.dueAt, zone, now)}`;
  if (step.promised) text += ' (promised)';
  if (step.theirCommitment) text += `; they will ${escapeSlackText(step.theirCommitment)}`;
  return text;
}
