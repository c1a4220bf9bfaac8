import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../../src/coach/queue.js';
import { morningMessage } from '../../../../src/slack/ui/morning-message.js';
import { clock, dueToday, lead, overdue1 } from '../../coach/fixtures.js';

describe('the morning DM', () => {
  it('says nothing to a rep with nothing due and no warnings', () => {
    expect(morningMessage(buildQueue([lead()], clock), clock)).toBeNull();
  });

  it('shows ranked items with reasons and buttons, then the no-next-step warnings, within 50 blocks', () => {
    const leads = [
      ...Array.from({ length: 14 }, (_, i) => lead({ name: `Due ${i}`, openStep: dueToday() })),
      lead({ name: 'Promised', tier: 'referral', value: 12_000, touchCount: 1, openStep: overdue1({ promised: true }) }),
      ...Array.from({ length: 13 }, (_, i) => lead({ name: `Bare ${i}`, openStep: null })),
    ];
    const msg = morningMessage(buildQueue(leads, clock), clock)!;
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(msg.blocks);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your follow-ups for Wednesday 25 November' } });
    expect(json).toContain('1. *Promised*');
    expect(json).toContain('Referral · $12,000 · promised call overdue 1 day · touch 2 of 5+');
    expect(json).toContain('"action_id":"lead_log_touch"');
    expect(json).toContain('No next step defined* (13)');
    // 15 due (10 shown) and 13 warnings (10 shown): 8 more.
    expect(json).toContain('…and 8 more — `/followup queue`');
    expect(msg.text).toBe('Good morning! 15 leads to follow up today, 13 without a next step. First: Promised.');
  });

  it('gives a timed step its time in the rep\'s zone', () => {
    const timed = lead({ name: 'Timed', openStep: { ...dueToday(), action: 'demo', allDay: false, dueAt: new Date('2026-11-25T19:00:00Z') } });
    expect(JSON.stringify(morningMessage(buildQueue([timed], clock), clock)!.blocks)).toContain('*Timed* — demo by Wed 25 Nov 14:00');
  });

  it('stays within Block Kit limits with 3,000-character names, and escapes user text', () => {
    const long = 'N'.repeat(3000);
    const leads = Array.from({ length: 30 }, (_, i) => lead({ name: `${long}${i}`, company: '<!channel> & co', openStep: dueToday() }));
    leads.push(lead({ name: '<@U123> & <!here>', openStep: null }));
    const msg = morningMessage(buildQueue(leads, clock), clock)!;
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    for (const b of msg.blocks) {
      const text = (b as { text?: { text: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
    }
    const json = JSON.stringify(msg);
    expect(json).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(json).toContain('&lt;!channel&gt; &amp; co');
  });
});
