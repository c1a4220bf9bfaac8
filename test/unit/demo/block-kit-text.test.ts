import { describe, expect, it } from 'vitest';
import { messageToLines, mrkdwnToText, type Directory } from '../../../src/demo/block-kit-text.js';
import { ANSI_STYLE, PLAIN_STYLE, styleFor } from '../../../src/demo/terminal-style.js';
import { digestMessages } from '../../../src/slack/ui/digest-message.js';
import { morningMessage } from '../../../src/slack/ui/morning-message.js';
import { clock, lead, overdue1 } from '../coach/fixtures.js';
import { item } from '../slack/ui/queue-items.js';

const dir: Directory = { users: { U0MAYA: 'Maya Fischer' }, channels: { C0SALES: 'sales' } };
const plain = (text: string) => mrkdwnToText(text, dir, PLAIN_STYLE);
const ANSI_ESCAPE = /\x1b\[/;

describe('mrkdwn as terminal text', () => {
  it('drops the emphasis marks in plain text and styles them with ANSI codes', () => {
    expect(plain('*Acme* is _late_, ~not~ *very* late')).toBe('Acme is late, not very late');
    expect(mrkdwnToText('*Acme* _late_', dir, ANSI_STYLE)).toBe('\x1b[1mAcme\x1b[22m \x1b[3mlate\x1b[23m');
  });

  it('leaves marks that do not wrap words alone', () => {
    expect(plain('2 * 3 * 4 and snake_case_name and a lone * star')).toBe('2 * 3 * 4 and snake_case_name and a lone * star');
  });

  it('resolves user and channel mentions to names, falling back to the label, then the id', () => {
    expect(plain('<@U0MAYA> posted in <#C0SALES>')).toBe('@Maya Fischer posted in #sales');
    expect(plain('<@U0ANA|ana> and <@U0BO> in <#C0OTHER|general>')).toBe('@ana and @U0BO in #general');
    expect(plain('<!here> and <!subteam^S1|@sales-team>')).toBe('@here and @sales-team');
  });

  it('shows links as their label with the address after it, and bare links and e-mail addresses as they are', () => {
    expect(plain('see <https://example.com/a?b=1&amp;c=2|the docs>')).toBe('see the docs (https://example.com/a?b=1&c=2)');
    expect(plain('<https://example.com> or <mailto:jo@acme.com|jo@acme.com>')).toBe('https://example.com or jo@acme.com');
  });

  it('undoes Slack\'s escapes after reading markup, so escaped text never turns into a mention', () => {
    expect(plain('*Brandt &amp; Söhne* &lt;@U0MAYA&gt; &amp;lt;')).toBe('Brandt & Söhne <@U0MAYA> &lt;');
  });

  it('keeps code verbatim: no emphasis or mentions inside, backticks kept in plain text', () => {
    expect(plain('try `/followup next "Acme" <action> by *date*` now')).toBe('try `/followup next "Acme" <action> by *date*` now');
    expect(mrkdwnToText('`a &amp; b`', dir, ANSI_STYLE)).toBe('\x1b[36ma & b\x1b[39m');
  });

  it('lets emphasis wrap a mention', () => {
    expect(mrkdwnToText('*<@U0MAYA>*', dir, ANSI_STYLE)).toBe('\x1b[1m\x1b[34m@Maya Fischer\x1b[39m\x1b[22m');
  });

  it('turns the shortcodes the app uses into emoji and leaves others as typed', () => {
    expect(plain(':warning: No next step :unknown_thing:')).toBe('⚠️ No next step :unknown_thing:');
  });
});

describe('Block Kit as terminal lines', () => {
  it('renders a morning DM: header, items with reasons, buttons in brackets, the overflow by its common word, warnings', () => {
    // The coach's item as it hands it over; the rendering is what is tested here.
    const queue = {
      items: [
        item({
          lead: lead({ name: 'Acme & Sons', tier: 'referral', value: 12_000, touchCount: 1, openStep: overdue1({ promised: true }) }),
          prefix: 'Referral · $12,000',
          reasons: ['promised call overdue 1 day'],
        }),
      ],
      noNextStep: [lead({ name: 'Globex', touchCount: 2, openStep: null })],
    };
    const lines = messageToLines(morningMessage(queue, clock)!, dir, PLAIN_STYLE);
    expect(lines).toEqual([
      'Your 1 for today',
      '────────────────',
      'Wednesday 25 November',
      '1. Acme & Sons — Referral · $12,000',
      'promised call overdue 1 day',
      '[Log touch]  [Set next step]  [Snooze ▾]  [Done]',
      '─'.repeat(40),
      '⚠️ No next step (1) — give each a dated next step:',
      'Globex — stopped at 2 touches: most sales take 5–12  [Set next step]',
    ]);
  });

  it('renders context lines dim with ANSI codes, and nothing with ANSI codes in plain text', () => {
    const message = { blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '…and 3 more — `/followup queue`' }] }] };
    expect(messageToLines(message, dir, PLAIN_STYLE)).toEqual(['…and 3 more — `/followup queue`']);
    expect(messageToLines(message, dir, ANSI_STYLE)).toEqual(['\x1b[2m…and 3 more — \x1b[36m/followup queue\x1b[39m\x1b[2m\x1b[22m']);
  });

  it('renders the digest with mentions resolved', () => {
    const [first] = digestMessages({
      weekStart: '2026-11-16', from: new Date('2026-11-16T06:00:00Z'), soFar: false, zone: 'America/Chicago', now: new Date('2026-11-23T15:05:00Z'),
      teamMedianValue: null, last: new Map(),
      team: { aged: 0, droppedEarly: 0, droppedAtTwo: 0, repsCounted: 0, repsFollowing: 0, repsTooFew: 1 },
      reps: [{ repId: 'U0MAYA', name: null, away: null, stalled: [], parked: [], closed: 0, closedMedianTouches: null, picks: [],
        figures: { open: 0, stalled: 0, stalledValue: 0, parked: 0, promisesKept: 0, promisesDue: 0, touches: 0, withStep: 0 } }],
    });
    const text = messageToLines(first!, dir, PLAIN_STYLE).join('\n');
    expect(text).toContain('Follow-up digest — Mon 16 Nov – Sun 22 Nov');
    expect(text).toContain('@Maya Fischer');
    expect(text).toContain('Nothing stalled. ✅');
    expect(text).not.toMatch(ANSI_ESCAPE);
  });

  it('renders section fields, images, selects and unknown blocks without failing', () => {
    const lines = messageToLines(
      {
        blocks: [
          { type: 'section', fields: [{ type: 'mrkdwn', text: '*Tier*' }, { type: 'plain_text', text: 'Referral' }], accessory: { type: 'static_select', placeholder: { type: 'plain_text', text: 'Pick' } } },
          { type: 'image', image_url: 'https://x/y.png', alt_text: 'chart' },
          { type: 'rich_text_future_block' },
          { type: 'actions', elements: [{ type: 'button', style: 'danger', text: { type: 'plain_text', text: 'Delete' } }] },
        ],
      },
      dir,
      PLAIN_STYLE,
    );
    expect(lines).toEqual(['Tier  [Pick ▾]', 'Referral', '[image: chart]', '[Delete]']);
  });

  it('falls back to the message text when there are no blocks', () => {
    expect(messageToLines({ text: 'Logged *call*.\nTip: confirm by email.' }, dir, PLAIN_STYLE)).toEqual(['Logged call.', 'Tip: confirm by email.']);
  });
});

describe('choosing the style', () => {
  it('colours a terminal only, and never with NO_COLOR set', () => {
    expect(styleFor({ isTTY: true }, {})).toBe(ANSI_STYLE);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(PLAIN_STYLE);
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN_STYLE);
    expect(styleFor({}, {})).toBe(PLAIN_STYLE);
  });
});
