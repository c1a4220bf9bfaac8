import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../../src/coach/queue.js';
import { summarizeStalled } from '../../../../src/coach/stalled.js';
import { homeView } from '../../../../src/slack/ui/home-view.js';
import { queueText } from '../../../../src/slack/ui/queue-text.js';
import { repStalledText, teamStalledText } from '../../../../src/slack/ui/stalled-text.js';
import { clock, dueToday, lead } from '../../coach/fixtures.js';

// Slack's limits: a Home tab holds 100 blocks, a section's text 3,000 characters, a message's text 40,000.
const sectionTexts = (blocks: readonly unknown[]) => blocks.flatMap((b: any) => [b.text?.text, ...(b.fields ?? []).map((f: any) => f.text), ...(b.elements ?? []).map((e: any) => e.text)].filter((t) => typeof t === 'string'));

describe('Block Kit size guards with 3,000-character names (issue #9)', () => {
  const long = (i: number) => `${'N'.repeat(3000)}${i}`;
  const leads = [
    ...Array.from({ length: 60 }, (_, i) => lead({ name: long(i), company: 'C'.repeat(200), openStep: dueToday() })),
    ...Array.from({ length: 60 }, (_, i) => lead({ name: long(100 + i), openStep: null })),
  ];
  const queue = buildQueue(leads, clock);
  const team = Array.from({ length: 40 }, (_, r) => summarizeStalled(`U${r}`, leads, clock, 10, true));

  it('App Home: at most 100 blocks, every text within 3,000 characters, for a manager too', () => {
    const view = homeView(queue, clock, null, team);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const text of sectionTexts(view.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('/followup queue and stalled replies stay within a message', () => {
    expect(queueText(queue, clock).length).toBeLessThanOrEqual(40_000);
    expect(repStalledText(team[0]!).length).toBeLessThanOrEqual(40_000);
    expect(teamStalledText(team).length).toBeLessThanOrEqual(40_000);
  });
});
