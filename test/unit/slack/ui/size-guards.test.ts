import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../../src/coach/queue.js';
import { summarizeStalled } from '../../../../src/coach/stalled.js';
import { homeView } from '../../../../src/slack/ui/home-view.js';
import { queueText } from '../../../../src/slack/ui/queue-text.js';
import { repStalledText, teamStalledText } from '../../../../src/slack/ui/stalled-text.js';
import { clock, DAY, dueToday, lead } from '../../coach/fixtures.js';

const WEEK = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };

// Slack's limits: a Home tab holds 100 blocks, a section's text 3,000 characters, a message's text 40,000.
const sectionTexts = (blocks: readonly unknown[]) => blocks.flatMap((b: any) => [b.text?.text, ...(b.fields ?? []).map((f: any) => f.text), ...(b.elements ?? []).map((e: any) => e.text)].filter((t) => typeof t === 'string'));

describe('Block Kit size guards with 3,000-character names (issue #9)', () => {
  const long = (i: number) => `${'N'.repeat(3000)}${i}`;
  const leads = [
    ...Array.from({ length: 60 }, (_, i) => lead({ name: long(i), company: 'C'.repeat(200), openStep: dueToday() })),
    ...Array.from({ length: 60 }, (_, i) => lead({ name: long(100 + i), openStep: null })),
    ...Array.from({ length: 20 }, (_, i) => lead({ name: long(200 + i), snoozedUntil: new Date(clock.now.getTime() + DAY), snoozeReason: 'R'.repeat(500), snoozeCount: 4 })),
  ];
  const queue = buildQueue(leads, clock);
  const team = Array.from({ length: 40 }, (_, r) => summarizeStalled(`U${r}`, leads, clock, WEEK, 10));

  it('App Home: at most 100 blocks, every text within 3,000 characters, for a manager too', () => {
    const view = homeView(queue, clock, null, { summaries: team, reps: new Map(team.map((t) => [t.ownerId, { dmsPausedUntil: null, deactivatedAt: clock.now }])) });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const text of sectionTexts(view.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('/followup queue and stalled replies stay within a message', () => {
    expect(queueText(queue, clock).length).toBeLessThanOrEqual(40_000);
    expect(repStalledText(team[0]!, clock.zone).length).toBeLessThanOrEqual(40_000);
    expect(teamStalledText(team, clock).length).toBeLessThanOrEqual(40_000);
  });
});
