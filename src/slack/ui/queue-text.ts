import type { CoachLead, Queue } from '../../coach/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { inZone } from '../../coach/local-day.js';
import { fitLines, listedName } from './format.js';

// An ephemeral reply should fit on a screen; the rest is counted, never dropped silently.
export const QUEUE_TEXT_LIMIT = 15;

const name = (lead: Pick<CoachLead, 'name'>) => `*${listedName(lead.name)}*`;
const quotedName = (lead: Pick<CoachLead, 'name'>) => `"${escapeSlackText(lead.name)}"`;

/** `/followup queue`: the ranked due leads with their reasons, then the R3 section. */
export function queueText(queue: Queue, clock: { now: Date; zone: string }): string {
  const today = inZone(clock.now, clock.zone).toFormat('ccc d LLL');
  const { items, noNextStep } = queue;
  if (items.length === 0 && noNextStep.length === 0) {
    return `*Your queue — ${today}*\nNothing is due and every open lead has a dated next step. :tada:`;
  }
  const lines = [`*Your queue — ${today}* (${items.length} due)`];
  items.slice(0, QUEUE_TEXT_LIMIT).forEach((item, i) => {
    const step = item.lead.openStep && item.due !== 'first-contact' ? ` — ${escapeSlackText(item.lead.openStep.action)}` : '';
    lines.push(`${i + 1}. ${name(item.lead)}${step}\n      ${item.reasons.map(escapeSlackText).join(' · ')}`);
  });
  if (items.length > QUEUE_TEXT_LIMIT) lines.push(`…and ${items.length - QUEUE_TEXT_LIMIT} more due.`);
  if (noNextStep.length > 0) {
    lines.push('', `:warning: *No next step defined* (${noNextStep.length}) — every open lead needs a dated next step:`);
    for (const lead of noNextStep.slice(0, QUEUE_TEXT_LIMIT)) {
      lines.push(`• ${name(lead)} — \`/followup next ${quotedName(lead)} <action> by <date>\``);
    }
    if (noNextStep.length > QUEUE_TEXT_LIMIT) lines.push(`…and ${noNextStep.length - QUEUE_TEXT_LIMIT} more without a next step.`);
  }
  return fitLines(lines);
}
