import { describe, expect, it } from 'vitest';
import { summarizeStalled } from '../../../../src/coach/stalled.js';
import { teamStalledCounts } from '../../../../src/slack/ui/home-view.js';
import { repStalledText, teamStalledText } from '../../../../src/slack/ui/stalled-text.js';
import { ago, clock, DAY, later, lead, overdue1, step } from '../../coach/fixtures.js';

const WEEK = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const ana = [
  lead({ name: 'Bolt Ltd', openStep: overdue1({ promised: true }) }),
  lead({ name: 'Quiet Co', touchCount: 2, lastTouchAt: ago(20 * DAY), openStep: null }),
  lead({ name: 'On Track', openStep: step({ dueAt: later(21 * DAY) }) }),
  lead({ name: 'Sleeping', snoozedUntil: later(5 * DAY), snoozeReason: 'budget in January', snoozeCount: 3, snoozedDaysTotal: 40, openStep: null }),
];
const summary = summarizeStalled('U0ANA', ana, clock, WEEK, 10);

describe('R15 /followup stalled', () => {
  it('a rep sees each stalled lead once, what is wrong and the other reasons beside it, with a denominator', () => {
    const text = repStalledText(summary, clock.zone);
    expect(text).toContain('*Your stalled leads*: 2 of 3 leads stalled');
    expect(text).toContain('Promised step missed (1)\n• *Bolt Ltd* — promised call overdue 1 day');
    expect(text).toContain('• *Quiet Co* — stopped at 2 touches, nothing scheduled; also no next step, no touch in 14 days');
    expect(text.match(/Quiet Co/g)).toHaveLength(1);
    expect(text).not.toContain('On Track');
    expect(text).not.toMatch(/\bR\d+\b/);
  });

  it('parked leads are apart, with reason and wake date, and flagged when snoozed too often', () => {
    const text = repStalledText(summary, clock.zone);
    expect(text).toContain('Parked (snoozed, not counted as stalled): 1, 1 of them snoozed 3 times or more, or more than 60 days in all');
    expect(text).toContain('• *Sleeping* — until Mon 30 Nov: budget in January — snoozed 3 times, 40 days in all');
  });

  it('a manager sees reps on leave or deactivated marked as such', () => {
    const bo = summarizeStalled('U0BO', [lead({ touchCount: 1, openStep: null })], clock, WEEK, 10);
    const reps = new Map([
      ['U0ANA', { dmsPausedUntil: later(14 * DAY), deactivatedAt: null }],
      ['U0BO', { dmsPausedUntil: null, deactivatedAt: ago(DAY) }],
    ]);
    const text = teamStalledText([summary, bo], clock, reps);
    expect(text).toContain("*The team's stalled leads*: 3, across 2 reps");
    expect(text).toContain('<@U0ANA> (on leave until Wed 9 Dec): 2 of 3 leads stalled');
    expect(text).toContain('<@U0BO> (deactivated): 1 of 1 lead stalled');
    // A rep back from leave is not marked.
    expect(teamStalledText([summary], clock, new Map([['U0ANA', { dmsPausedUntil: ago(DAY), deactivatedAt: null }]]))).toContain('<@U0ANA>: 2 of 3');
  });

  it("a manager's App Home lists each rep's stalled leads by reason, parked apart, reps on leave marked", () => {
    const text = teamStalledCounts([summary], clock, new Map([['U0ANA', { dmsPausedUntil: later(DAY), deactivatedAt: null }]]));
    expect(text).toContain('<@U0ANA> (on leave until Thu 26 Nov): 2 of 3 leads stalled — promise missed 1, stopped early 1 · 1 parked (1 snoozed too often)');
  });
});
