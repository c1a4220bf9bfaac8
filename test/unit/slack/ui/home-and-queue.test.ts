import { describe, expect, it } from 'vitest';
import { homeView } from '../../../../src/slack/ui/home-view.js';
import { queueText } from '../../../../src/slack/ui/queue-text.js';
import { clock, lead, step } from '../../coach/fixtures.js';
import { item, queueOf } from './queue-items.js';

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => item({ lead: lead({ name: `Lead ${i}` }), promisedToday: i < 2, isNew: i === 2, offers: { theirSide: i === 0, changeApproach: false } }));

describe('App Home and /followup queue show the same items as the DM (R7)', () => {
  it('App Home heads with its counts among the 20 it shows, says how many wait after them, and carries the same buttons', () => {
    const view = homeView(queueOf(many(25)), clock);
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your 20 for now — 2 promised, 1 new' } });
    expect(JSON.stringify(view.blocks[1])).toContain('5 more due after these; they move up as you finish these.');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('lead_their_kept');
    expect(json).not.toContain('Lead 20*');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('/followup queue lists the top 15 in the same words, with the last outcome and their side', () => {
    const items = many(17);
    items[0] = item({
      lead: lead({ name: 'Acme', company: 'Acme Holdings', openStep: step({ theirCommitment: 'send the budget', theirStatus: 'pending' }) }),
      prefix: 'Referral · $12,000',
      reasons: ['send the proposal due today'],
      lastOutcome: 'agreed a demo',
      commitment: 'they: send the budget',
      promisedToday: true,
    });
    const text = queueText(queueOf(items), clock);
    const lines = text.split('\n');
    expect(lines[0]).toBe('*Your 15 for now — 2 promised, 1 new* — Wed 25 Nov (17 due in all)');
    expect(lines.slice(1, 4)).toEqual([
      '1. *Acme* (Acme Holdings) — Referral · $12,000',
      '      send the proposal due today',
      '      Last time: “agreed a demo” · they: send the budget',
    ]);
    expect(text).toContain('…and 2 more due (App Home shows up to 20).');
  });

  it('says so when nothing is due', () => {
    expect(queueText(queueOf([]), clock)).toBe('*Your queue — Wed 25 Nov*\nNothing is due and every open lead has a dated next step. :tada:');
    expect(queueText(queueOf([], [lead({ name: 'Bare', openStep: null })]), clock).split('\n')[0]).toBe('*Nothing due now* — Wed 25 Nov');
  });
});
