import type { QueueItem } from '../../coach/index.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { clip } from './format.js';

// One queue item in words, shared by the morning DM, App Home and `/followup queue`:
// name (company) — prefix; at most three reasons; the last outcome and their side; the touch note.

const NAME_MAX = 200;

/** What the prospect agreed to do on the open step, and whether they did (docs/rules.md#r4). */
export function theirSideText(item: QueueItem): string | null {
  const step = item.lead.openStep;
  if (item.commitment) return escapeSlackText(clip(item.commitment, 300));
  if (!step?.theirCommitment) return null;
  const what = escapeSlackText(clip(step.theirCommitment, 300));
  if (step.theirStatus === 'kept') return `they did their part: ${what} :white_check_mark:`;
  if (step.theirStatus === 'missed') return `they didn't: ${what}`;
  return null;
}

/** The item's lines (mrkdwn, user text escaped); `rank` numbers it. */
export function itemLines(item: QueueItem, rank: number): string[] {
  const { lead } = item;
  const company = lead.company ? ` (${escapeSlackText(clip(lead.company, NAME_MAX))})` : '';
  const lines = [`${rank}. *${escapeSlackText(clip(lead.name, NAME_MAX))}*${company} — ${escapeSlackText(item.prefix)}`];
  if (item.reasons.length) lines.push(item.reasons.slice(0, 3).map(escapeSlackText).join(' · '));
  const last = [
    item.lastOutcome ? `Last time: “${escapeSlackText(clip(item.lastOutcome, 80))}”` : null,
    theirSideText(item),
  ].filter((p): p is string => p !== null);
  if (last.length) lines.push(last.join(' · '));
  if (item.touchNote) lines.push(`_${escapeSlackText(item.touchNote)}_`);
  return lines;
}

export interface Headline {
  shown: number;
  promised: number;
  fresh: number;
}

/** Counts among the items shown, never among everything due. */
export function headlineCounts(items: readonly QueueItem[], shown: number): Headline {
  const list = items.slice(0, shown);
  return { shown: list.length, promised: list.filter((i) => i.promisedToday).length, fresh: list.filter((i) => i.isNew).length };
}

/** "Your 10 for today — 3 promised, 2 new" */
export function headlineText({ shown, promised, fresh }: Headline, when = 'today'): string {
  const parts = [promised ? `${promised} promised` : null, fresh ? `${fresh} new` : null].filter(Boolean);
  return `Your ${shown} for ${when}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}
