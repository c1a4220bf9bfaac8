import type { LogTouchResult } from '../../db/ops/log-touch.js';
import type { SetNextStepResult } from '../../db/ops/set-next-step.js';
import type { CompleteStepResult } from '../../db/ops/complete-step.js';
import type { Lead, NextStep, Touch } from '../../db/schema.js';
import { formatDue } from '../parse/dates.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { leadName, leadSummary, nextStepText } from './format.js';

const quoted = (lead: Pick<Lead, 'name'>) => `"${escapeSlackText(lead.name)}"`;

export function addedText(lead: Lead, byUserId: string): string {
  const owner = lead.ownerId === byUserId ? '' : ` for <@${lead.ownerId}>`;
  const lines = [`Added ${leadName(lead)}${owner} (${leadSummary(lead)}).`];
  // R12: cold prospects wait for a dated step or a trigger event. R2: everyone else, first contact now (within the hour when they came to us).
  if (lead.tier === 'cold') lines.push('Cold prospects stay out of the queue until a next step falls due.');
  else if (lead.inbound) lines.push(`They reached out: make first contact within the hour, then \`/followup log ${quoted(lead)} call …\`.`);
  else lines.push(`First contact is due now: \`/followup log ${quoted(lead)} call …\` once you have reached them.`);
  return lines.join('\n');
}

export function loggedText(result: LogTouchResult, zone: string, now: Date, direction: 'inbound' | 'outbound' = 'outbound'): string {
  const { lead, touch, completed, next } = result;
  const inbound = direction === 'inbound' ? ' (they reached out)' : '';
  const lines = [`Logged ${touch.channel}${inbound} with ${leadName(lead)} (touch ${lead.touchCount}).`];
  if (completed) {
    const theirs = completed.theirStatus === 'kept' ? ' They did their part.' : completed.theirStatus === 'missed' ? " They didn't do their part (noted)." : '';
    lines.push(`Done: ${escapeSlackText(completed.action)}${completed.kept ? '' : ' (late)'}.${theirs}`);
  }
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
  return lines.join('\n');
}

export function nextSetText(result: SetNextStepResult, zone: string, now: Date): string {
  const lines = [`Next step for ${leadName(result.lead)}: ${nextStepText(result.next, zone, now)}.`];
  if (result.replaced) lines.push(`(It replaces: ${escapeSlackText(result.replaced.action)}.)`);
  return lines.join('\n');
}

export function doneText(result: CompleteStepResult, zone: string, now: Date): string {
  const { lead, completed, next } = result;
  const theirs = completed.theirStatus === 'kept' ? ' They kept their side.' : completed.theirStatus === 'missed' ? ' They missed their side (noted).' : '';
  const lines = [`Done: ${escapeSlackText(completed.action)} for ${leadName(lead)}${completed.kept ? '' : ' (late)'}.${theirs}`];
  if (next && next.origin !== 'rep') lines.push(`Next (set for you): ${nextStepText(next, zone, now)}. Change it with \`/followup next ${quoted(lead)} <action> by <date>\`.`);
  else if (next) lines.push(`Next: ${nextStepText(next, zone, now)}.`);
  // R3: left without a next step on purpose, so the coach warns until one is set.
  else lines.push(`:warning: ${leadName(lead)} has no next step defined. Set one with \`/followup next ${quoted(lead)} <action> by <date>\`.`);
  return lines.join('\n');
}

export function snoozedText(lead: Lead, zone: string, now: Date): string {
  return `Snoozed ${leadName(lead)} until ${formatDue(lead.snoozedUntil!, zone, now).replace(/ \d\d:\d\d$/, '')}: it is out of your queue until that morning.`;
}

export const revivedText = (lead: Lead): string =>
  `Revived ${leadName(lead)}: it is back in your queue because ${escapeSlackText(lead.reviveNote ?? '')}.`;

// docs/rules.md#r11: after the sale, one step at a time — thanks, a check-in 30 days after the win, a referral ask, then regular check-ins.
export function wonText(result: { lead: Lead; thanks: NextStep }, zone: string, now: Date, referrerPrompted = false): string {
  const lines = [
    `:trophy: Won ${leadName(result.lead)}! It is a customer now.`,
    `Next: ${nextStepText(result.thanks, zone, now)}. When it is done, the next step is set for you: a check-in 30 days after the win, then asking for a referral, then regular check-ins.`,
  ];
  if (result.lead.referredBy && referrerPrompted) lines.push(`I've sent you a reminder to thank ${escapeSlackText(result.lead.referredBy)}, who referred them.`);
  else if (result.lead.referredBy) lines.push(`${escapeSlackText(result.lead.referredBy)} referred them: thank them too.`);
  return lines.join('\n');
}

/** The owner's prompt to thank whoever sent them a lead they have just won. */
export const referrerThanksText = (lead: Lead): string =>
  `:pray: You won ${leadName(lead)}, who came to you through ${escapeSlackText(lead.referredBy ?? '')}. Thank them today, and tell them how it went.`;

export const lostText = (lead: Lead): string =>
  `Closed ${leadName(lead)} as lost${lead.closeNote ? ` (${escapeSlackText(lead.closeNote)})` : ''}. It leaves your queue and warnings.`;

export function undoneText(result: { lead: Lead; touch: Touch }): string {
  return `Undid the ${result.touch.channel} with ${leadName(result.lead)}: it is back at ${result.lead.touchCount} ${result.lead.touchCount === 1 ? 'touch' : 'touches'}, with its next step as before.`;
}
