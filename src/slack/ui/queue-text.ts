import type { CoachLead, Queue } from '../../coach/index.js';
import { noNextStepNote } from '../../coach/warnings.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { inZone } from '../../coach/local-day.js';
import { fitLines, listedName } from './format.js';
import { headlineCounts, headlineText, itemLines } from './queue-item.js';

// An ephemeral reply should fit on a screen; the rest is counted, never dropped silently.
export const QUEUE_TEXT_LIMIT = 15;

const name = (lead: Pick<CoachLead, 'name'>) => `*${listedName(lead.name)}*`;
const quotedName = (lead: Pick<CoachLead, 'name'>) => `"${escapeSlackText(lead.name)}"`;

/** `/followup queue`: the same items as the morning DM and App Home, in text, then the leads with no next step. */
export function queueText(queue: Queue, clock: { now: Date; zone: string }): string {
  const today = inZone(clock.now, clock.zone).toFormat('ccc d LLL');
  const { items, noNextStep } = queue;
  if (items.length === 0 && noNextStep.length === 0) {
    return `*Your queue — ${today}*\nNothing is due and every open lead has a dated next step. :tada:`;
  }
  const counts = headlineCounts(items, QUEUE_TEXT_LIMIT);
  const head = counts.shown ? headlineText(counts, 'now') : 'Nothing due now';
  const lines = [`*${head}* — ${today}${items.length > counts.shown ? ` (${items.length} due in all)` : ''}`];
  items.slice(0, QUEUE_TEXT_LIMIT).forEach((item, i) => {
    const [first, ...more] = itemLines(item, i + 1);
    lines.push(first!, ...more.map((l) => `      ${l}`));
  });
  if (items.length > QUEUE_TEXT_LIMIT) lines.push(`…and ${items.length - QUEUE_TEXT_LIMIT} more due (App Home shows up to 20).`);
  if (noNextStep.length > 0) {
    lines.push('', `:warning: *No next step* (${noNextStep.length}) — every open lead needs a dated next step:`);
    for (const lead of noNextStep.slice(0, QUEUE_TEXT_LIMIT)) {
      const note = noNextStepNote(lead);
      lines.push(`• ${name(lead)}${note ? ` (${note})` : ''} — \`/followup next ${quotedName(lead)} <action> by <date>\``);
    }
    if (noNextStep.length > QUEUE_TEXT_LIMIT) lines.push(`…and ${noNextStep.length - QUEUE_TEXT_LIMIT} more without a next step.`);
  }
  return fitLines(lines);
}
