import type { KnownBlock } from '@slack/types';
import type { Queue } from '../../coach/index.js';
import { plural } from '../../coach/labels.js';
import { inZone } from '../../coach/local-day.js';
import { noNextStepNote } from '../../coach/warnings.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { BUTTON, leadButtons } from './lead-buttons.js';
import { clip } from './format.js';
import { headlineCounts, headlineText, itemLines } from './queue-item.js';
import { QUEUE_TEXT_LIMIT } from './queue-text.js';

// Block Kit allows 50 blocks a message: 10 items at 2 blocks each, 10 warnings, and the headers (at most 35).
export const MORNING_ITEMS = 10;
export const MORNING_WARNINGS = 10;
// A section's text is capped at 3,000 characters; names can be long.
const SECTION_LIMIT = 2900;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_LIMIT) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, SECTION_LIMIT) }] });
const name = (lead: { name: string }) => `*${escapeSlackText(clip(lead.name, 200))}*`;
/** The name, and R7's warning when it stopped after 1–2 touches. */
const withNote = (lead: { name: string; touchCount: number }) => {
  const note = noNextStepNote(lead);
  return note ? `${name(lead)} — ${note}` : name(lead);
};

export interface MorningMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Where the items not shown wait: App Home, and `/followup queue`. Null when all are shown. */
export function restText(due: number, shown: number): string | null {
  const rest = due - shown;
  if (rest <= 0) return null;
  return `${plural(rest, 'more is', 'more are')} due: see App Home, or \`/followup queue\` for the top ${QUEUE_TEXT_LIMIT}.`;
}

/**
 * The ranked items with their buttons, then the leads with no next step (docs/rules.md#r3): the body
 * of the morning DM and of App Home (which has room for more).
 */
export function queueBlocks(queue: Queue, limits = { items: MORNING_ITEMS, warnings: MORNING_WARNINGS }): KnownBlock[] {
  const { items, noNextStep } = queue;
  const blocks: KnownBlock[] = [];
  items.slice(0, limits.items).forEach((item, i) => {
    blocks.push(
      section(itemLines(item, i + 1).join('\n')),
      leadButtons(item.lead.id, {
        done: item.lead.openStep !== null,
        theirSide: item.offers.theirSide,
        changeApproach: item.offers.changeApproach,
      }),
    );
  });
  if (noNextStep.length > 0) {
    blocks.push({ type: 'divider' }, section(`:warning: *No next step* (${noNextStep.length}) — give each a dated next step:`));
    for (const lead of noNextStep.slice(0, limits.warnings)) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: withNote(lead) },
        accessory: { type: 'button', action_id: BUTTON.setNext, value: lead.id, text: { type: 'plain_text', text: 'Set next step' } },
      });
    }
    if (noNextStep.length > limits.warnings) {
      blocks.push(context(`…and ${noNextStep.length - limits.warnings} more without a next step — \`/followup queue\` lists them.`));
    }
  }
  return blocks;
}

/** The morning DM: a headline of what it holds, the ranked items, the leads with no next step. Null: nothing to say. */
export function morningMessage(queue: Queue, clock: { now: Date; zone: string }): MorningMessage | null {
  const { items, noNextStep } = queue;
  if (items.length === 0 && noNextStep.length === 0) return null;
  const counts = headlineCounts(items, MORNING_ITEMS);
  const day = inZone(clock.now, clock.zone).toFormat('cccc d LLLL');
  const headline = counts.shown > 0 ? headlineText(counts) : `Nothing due today`;
  const rest = restText(items.length, counts.shown);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headline } },
    context([day, rest].filter(Boolean).join(' · ')),
    ...queueBlocks(queue),
  ];
  // The notification says what this DM holds, not everything due.
  const also = noNextStep.length ? `${counts.shown ? ' Also ' : ''}${plural(noNextStep.length, 'lead')} without a next step.` : '';
  const text = counts.shown ? `${headline}.${also}` : `${plural(noNextStep.length, 'lead')} without a next step.`;
  return { text, blocks };
}
