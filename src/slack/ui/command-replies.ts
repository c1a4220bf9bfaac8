import type { LogTouchResult } from '../../db/ops/log-touch.js';
import type { SetNextStepResult } from '../../db/ops/set-next-step.js';
import type { Lead } from '../../db/schema.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { leadName, leadSummary, nextStepText } from './format.js';

const quoted = (lead: Pick<Lead, 'name'>) => `"${escapeSlackText(lead.name)}"`;

export function addedText(lead: Lead, byUserId: string): string {
  const owner = lead.ownerId === byUserId ? '' : ` for <@${lead.ownerId}>`;
  const lines = [`Added ${leadName(lead)}${owner} (${leadSummary(lead)}).`];
  // R12: cold prospects wait for a dated step or a trigger event. R2: everyone else, first contact now.
  if (lead.tier === 'cold') lines.push('Cold prospects stay out of the queue until a next step falls due.');
  else lines.push(`First contact is due now: \`/followup log ${quoted(lead)} call …\` once you have reached them.`);
  return lines.join('\n');
}

export function loggedText(result: LogTouchResult, zone: string, now: Date): string {
  const { lead, touch, completed, next } = result;
  const lines = [`Logged ${touch.channel} with ${leadName(lead)} (touch ${lead.touchCount}).`];
  if (completed) lines.push(`Done: ${escapeSlackText(completed.action)}${completed.kept ? '' : ' (late)'}.`);
  if (next && next.origin !== 'rep') {
    // R6: the coach proposed the date; the rep may always set their own.
    lines.push(
      `Next (proposed): ${nextStepText(next, zone, now)}. Change it with \`/followup next ${quoted(lead)} <action> by <date>\`.`,
    );
  } else if (next) {
    lines.push(`Next: ${nextStepText(next, zone, now)}.`);
  } else {
    // R3: a lead without a dated next step is a stop in the flow.
    lines.push(`:warning: ${leadName(lead)} has no next step defined. Set one with \`/followup next ${quoted(lead)} <action> by <date>\`.`);
  }
  // R14: the phone is the best tool; confirm decisions in writing.
  if (touch.channel === 'call') lines.push('Tip: confirm by email what was agreed on the call.');
  return lines.join('\n');
}

export function nextSetText(result: SetNextStepResult, zone: string, now: Date): string {
  const lines = [`Next step for ${leadName(result.lead)}: ${nextStepText(result.next, zone, now)}.`];
  if (result.replaced) lines.push(`(It replaces: ${escapeSlackText(result.replaced.action)}.)`);
  return lines.join('\n');
}
