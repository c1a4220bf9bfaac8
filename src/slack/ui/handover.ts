import type { KnownBlock } from '@slack/types';
import type { Lead, NextStep } from '../../db/schema.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { fitLines, leadName, listedName, nextStepText } from './format.js';

// docs/rules.md#r13: a reassigned lead's new owner hears of it at once — which lead, from whom, and its open step.

// A list in one DM stays a screenful; the rest are counted and wait in App Home.
export const HANDOVER_LIST_MAX = 25;

const stepLine = (step: NextStep | null, zone: string, now: Date) =>
  step ? `next step: ${nextStepText(step, zone, now)}` : 'no next step yet';

export function handoverText(v: { lead: Lead; openStep: NextStep | null; managerId: string; fromOwnerId: string }, zone: string, now: Date): string {
  const from = v.managerId === v.fromOwnerId ? '' : ` (it was <@${v.fromOwnerId}>'s)`;
  const lines = [`<@${v.managerId}> handed ${leadName(v.lead)} over to you${from}.`];
  const quoted = `"${escapeSlackText(v.lead.name)}"`;
  if (v.openStep) lines.push(`Its next step: ${nextStepText(v.openStep, zone, now)}.`);
  else lines.push(`It has no next step yet: set one with \`/followup next ${quoted} <action> by <date>\`.`);
  lines.push(`Its history: \`/followup show ${quoted}\`.`);
  return lines.join('\n');
}

export function handoverAllText(
  v: { leads: readonly { lead: Lead; openStep: NextStep | null }[]; managerId: string; fromOwnerId: string },
  zone: string,
  now: Date,
): string {
  const n = v.leads.length;
  const lines = [`<@${v.managerId}> handed you ${n} ${n === 1 ? 'lead' : 'leads'} that were <@${v.fromOwnerId}>'s:`];
  for (const { lead, openStep } of v.leads.slice(0, HANDOVER_LIST_MAX)) {
    lines.push(`• *${listedName(lead.name)}* — ${stepLine(openStep, zone, now)}`);
  }
  if (n > HANDOVER_LIST_MAX) lines.push(`…and ${n - HANDOVER_LIST_MAX} more; each comes into your queue when its next step falls due.`);
  return fitLines(lines, 'leads');
}

/** A DM of plain lines: sections of whole lines, each within a section's 3,000 characters. */
export function linesMessage(text: string): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  let chunk = '';
  for (const line of text.split('\n')) {
    const piece = line.slice(0, 2900);
    if (chunk && chunk.length + piece.length + 1 > 2900) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${piece}` : piece;
  }
  if (chunk) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  return { text: text.slice(0, 3000), blocks: blocks.slice(0, 50) };
}
