import { describe, expect, it } from 'vitest';
import { morningMessage } from '../../../../src/slack/ui/morning-message.js';
import { clock, lead, step } from '../../coach/fixtures.js';
import { item, queueOf } from './queue-items.js';

const json = (v: unknown) => JSON.stringify(v);
const buttonsOf = (blocks: readonly any[]) => blocks.filter((b) => b.type === 'actions').map((b) => b.elements.map((e: any) => e.action_id));

describe('the morning DM (R7: a DM a rep can finish)', () => {
  it('says nothing to a rep with nothing due and no warnings', () => {
    expect(morningMessage(queueOf([]), clock)).toBeNull();
  });

  it('heads with what the DM holds, counted among the 10 shown, and says where the other 5 wait', () => {
    const items = [
      ...Array.from({ length: 3 }, (_, i) => item({ lead: lead({ name: `Promised ${i}` }), promisedToday: true })),
      ...Array.from({ length: 2 }, (_, i) => item({ lead: lead({ name: `New ${i}`, touchCount: 0 }), due: 'first-contact', isNew: true })),
      ...Array.from({ length: 5 }, (_, i) => item({ lead: lead({ name: `Due ${i}` }) })),
      // Beyond the 10 shown: not counted in the headline.
      ...Array.from({ length: 5 }, (_, i) => item({ lead: lead({ name: `Later ${i}` }), promisedToday: true, isNew: true })),
    ];
    const msg = morningMessage(queueOf(items, [lead({ name: 'Bare', openStep: null })]), clock)!;
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your 10 for today — 3 promised, 2 new' } });
    expect(json(msg.blocks[1])).toContain('Wednesday 25 November · 5 more are due: see App Home, or `/followup queue` for the top 15.');
    expect(json(msg.blocks)).not.toContain('Later 0');
    expect(msg.text).toBe('Your 10 for today — 3 promised, 2 new. Also 1 lead without a next step.');
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
  });

  it('leaves out counts that are zero, and the rest line when everything is shown', () => {
    const msg = morningMessage(queueOf([item(), item()]), clock)!;
    expect(msg.blocks[0]).toMatchObject({ text: { text: 'Your 2 for today' } });
    expect(json(msg.blocks[1])).not.toContain('more');
    expect(msg.text).toBe('Your 2 for today.');
  });

  it('shows each item as name (company) — prefix, its reasons, the last outcome with their side, and the touch note', () => {
    const l = lead({ name: 'Acme', company: 'Acme Holdings', openStep: step({ theirCommitment: 'send the budget', theirStatus: 'pending' }) });
    const msg = morningMessage(
      queueOf([
        item({
          lead: l,
          prefix: 'Referral · $12,000',
          reasons: ['promised call overdue 1 day', 'confirm by e-mail what you agreed'],
          lastOutcome: 'agreed a demo',
          commitment: 'they: send the budget',
          touchNote: 'touch 6 — most sales close between the 5th and 12th contact',
        }),
      ]),
      clock,
    )!;
    expect(msg.blocks[2]).toMatchObject({
      type: 'section',
      text: {
        text:
          '1. *Acme* (Acme Holdings) — Referral · $12,000\n' +
          'promised call overdue 1 day · confirm by e-mail what you agreed\n' +
          'Last time: “agreed a demo” · they: send the budget\n' +
          '_touch 6 — most sales close between the 5th and 12th contact_',
      },
    });
  });

  it('R4: a commitment already kept reads as done, so the next DM shows the click', () => {
    const l = lead({ name: 'Kept', openStep: step({ theirCommitment: 'send the budget', theirStatus: 'kept' }) });
    expect(json(morningMessage(queueOf([item({ lead: l })]), clock)!.blocks)).toContain('they did their part: send the budget :white_check_mark:');
  });

  it('R4, R9: buttons for their side and for the choice appear only when offered; close-lost asks first', () => {
    const msg = morningMessage(
      queueOf([
        item({ lead: lead({ name: 'Plain' }) }),
        item({ lead: lead({ name: 'Theirs' }), offers: { theirSide: true, changeApproach: false } }),
        item({ lead: lead({ name: 'Silent' }), offers: { theirSide: false, changeApproach: true } }),
      ]),
      clock,
    )!;
    const [plain, theirs, silent] = buttonsOf(msg.blocks);
    expect(plain).toEqual(['lead_log_touch', 'lead_set_next', 'lead_snooze', 'lead_done']);
    expect(theirs).toEqual(['lead_log_touch', 'lead_set_next', 'lead_snooze', 'lead_done', 'lead_their_kept', 'lead_their_missed']);
    expect(silent).toEqual(['lead_log_touch', 'lead_set_next', 'lead_snooze', 'lead_done', 'lead_change_approach', 'lead_close_lost']);
    const close = (msg.blocks as any[]).flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === 'lead_close_lost');
    expect(close.confirm).toMatchObject({ title: { text: 'Close it lost?' }, confirm: { text: 'Close it lost' }, deny: { text: 'Keep it' } });
    expect(json(msg.blocks)).toContain('"text":"They did their part"');
    expect(json(msg.blocks)).toContain('"text":"They didn\'t"');
  });

  it('holds only the no-next-step section when nothing is due, and says so in the notification', () => {
    const msg = morningMessage(queueOf([], [lead({ name: 'Bare', openStep: null }), lead({ name: 'Bare 2', openStep: null })]), clock)!;
    expect(msg.text).toBe('2 leads without a next step.');
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Nothing due today' } });
    expect(json(msg.blocks)).toContain('No next step* (2)');
  });

  it('stays within Block Kit limits with 3,000-character names and 20 leads without a step, and escapes user text', () => {
    const long = 'N'.repeat(3000);
    const items = Array.from({ length: 30 }, (_, i) =>
      item({ lead: lead({ name: `${long}${i}`, company: '<!channel> & co' }), offers: { theirSide: true, changeApproach: true }, lastOutcome: 'x'.repeat(80) }),
    );
    const bare = Array.from({ length: 20 }, (_, i) => lead({ name: `<@U123> & <!here> ${i}`, openStep: null }));
    const msg = morningMessage(queueOf(items, bare), clock)!;
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    for (const b of msg.blocks as any[]) {
      expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
      if (b.type === 'actions') expect(b.elements.length).toBeLessThanOrEqual(25);
    }
    const text = json(msg);
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).toContain('…and 10 more without a next step');
  });
});
