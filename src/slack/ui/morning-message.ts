import type { KnownBlock } from '@slack/types';
import type { Queue, QueueItem } from '../../coach/queue.js';
import { inZone } from '../../coach/local-day.js';
import { formatDue } from '../parse/dates.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { BUTTON, leadButtons } from './lead-buttons.js';

// Block Kit allows 50 blocks a message: 10 items and 10 warnings at 2 blocks each, plus headers.
export const MORNING_ITEMS = 10;
export const MORNING_WARNINGS = 10;
// A section's text is capped at 3,000 characters; names can be long.
const SECTION_LIMIT = 2900;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_LIMIT) } });
const name = (lead: { name: string }) => `*${escapeSlackText(clip(lead.name, 200))}*`;

function itemText(item: QueueItem, rank: number, clock: { now: Date; zone: string }): string {
  const company = item.lead.company ? ` (${escapeSlackText(clip(item.lead.company, 200))})` : '';
  const open = item.lead.openStep;
  // A step with a time says when, in the rep's zone; an all-day one is "due today" in the reasons.
  const when = open && !open.allDay ? ` by ${formatDue(open.dueAt, clock.zone, clock.now)}` : '';
  const step = open && item.due !== 'first-contact' ? ` — ${escapeSlackText(clip(open.action, 300))}${when}` : '';
  return `${rank}. ${name(item.lead)}${company}${step}\n${item.reasons.map(escapeSlackText).join(' · ')}`;
}

export interface MorningMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The morning DM: ranked due items with buttons, then the R3 warnings, then a count of the rest. Null: nothing to say. */
/**
 * The ranked items with their buttons, then the R3 warnings, then a count of the rest: the body of
 * the morning DM and of App Home (which has room for more).
 */
export function queueBlocks(queue: Queue, clock: { now: Date; zone: string }, limits = { items: MORNING_ITEMS, warnings: MORNING_WARNINGS }): KnownBlock[] {
  const { items, noNextStep } = queue;
  const blocks: KnownBlock[] = [];
  items.slice(0, limits.items).forEach((item, i) => {
    blocks.push(section(itemText(item, i + 1, clock)), leadButtons(item.lead.id, { done: item.lead.openStep !== null }));
  });
  if (noNextStep.length > 0) {
    blocks.push({ type: 'divider' }, section(`:warning: *No next step defined* (${noNextStep.length}) — give each a dated next step:`));
    for (const lead of noNextStep.slice(0, limits.warnings)) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: name(lead) },
        accessory: { type: 'button', action_id: BUTTON.setNext, value: lead.id, text: { type: 'plain_text', text: 'Set next step' } },
      });
    }
  }
  const more = Math.max(0, items.length - limits.items) + Math.max(0, noNextStep.length - limits.warnings);
  if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more — \`/followup queue\`` }] });
  return blocks;
}

/** The morning DM: ranked due items with buttons, then the R3 warnings, then a count of the rest. Null: nothing to say. */
export function morningMessage(queue: Queue, clock: { now: Date; zone: string }): MorningMessage | null {
  const { items, noNextStep } = queue;
  if (items.length === 0 && noNextStep.length === 0) return null;
  const day = inZone(clock.now, clock.zone).toFormat('cccc d LLLL');
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: `Your follow-ups for ${day}` } }, ...queueBlocks(queue, clock)];
  const parts = [];
  if (items.length) parts.push(`${items.length} ${items.length === 1 ? 'lead' : 'leads'} to follow up today`);
  if (noNextStep.length) parts.push(`${noNextStep.length} without a next step`);
  const first = items[0] ? ` First: ${escapeSlackText(clip(items[0].lead.name, 100))}.` : '';
  return { text: `Good morning! ${parts.join(', ')}.${first}`, blocks };
}
