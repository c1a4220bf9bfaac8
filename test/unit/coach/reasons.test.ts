import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  confirmByEmail,
  contradicts,
  CONTRADICTIONS,
  pickReasons,
  REASON_KINDS,
  shortOutcome,
  touchedTooRecently,
  type Reason,
} from '../../../src/coach/index.js';
import { ago, clock, DAY, dueToday, HOUR, lead, overdue1, todayAt } from './fixtures.js';

const item = (l: ReturnType<typeof lead>) => buildQueue([l], clock).items[0]!;

describe('R8 don\'t pester', () => {
  it('says "give them room" on a step the coach proposed, within 2 days of a touch', () => {
    expect(touchedTooRecently(lead({ lastTouchAt: ago(20 * HOUR), openStep: dueToday({ origin: 'coach' }) }), clock)?.text).toBe(
      'touched 20 hours ago: give them room',
    );
    expect(touchedTooRecently(lead({ lastTouchAt: ago(3 * DAY), openStep: dueToday({ origin: 'coach' }) }), clock)).toBeNull();
  });

  it('never on a step the rep set, nor one the prospect asked for', () => {
    expect(touchedTooRecently(lead({ lastTouchAt: ago(20 * HOUR), openStep: dueToday() }), clock)).toBeNull();
    const asked = dueToday({ origin: 'coach', theirCommitment: 'asked us to call back', theirStatus: 'pending' });
    expect(touchedTooRecently(lead({ lastTouchAt: ago(20 * HOUR), openStep: asked }), clock)).toBeNull();
  });
});

describe('R14 confirm calls in writing', () => {
  it('after a call, the item reminds to confirm by e-mail for 3 days', () => {
    expect(confirmByEmail(lead({ lastTouchChannel: 'call', lastTouchAt: ago(HOUR) }), clock)).not.toBeNull();
    expect(confirmByEmail(lead({ lastTouchChannel: 'call', lastTouchAt: ago(4 * DAY) }), clock)).toBeNull();
    expect(confirmByEmail(lead({ lastTouchChannel: 'email', lastTouchAt: ago(HOUR) }), clock)).toBeNull();
  });
});

describe('queue reasons: at most three, most severe first, never two that contradict', () => {
  it('a crowded item keeps the three most severe, in order', () => {
    const crowded = lead({
      touchCount: 6,
      touchesSinceEngagement: 5,
      lastTouchChannel: 'call',
      lastTouchAt: ago(20 * HOUR),
      openStep: overdue1({ promised: true, action: 'send quote', origin: 'coach' }),
    });
    expect(item(crowded).reasons).toEqual([
      'promised send quote overdue 1 day',
      '5 touches with no reply — try another way or close it',
      'confirm by email what was agreed on the call',
    ]);
  });

  it('"give them room" never stands beside a call to act now', () => {
    const afterCall = lead({ lastTouchChannel: 'call', lastTouchAt: ago(20 * HOUR), openStep: dueToday({ origin: 'coach', action: 'send recap' }) });
    expect(item(afterCall).reasons).toEqual(['send recap due today', 'confirm by email what was agreed on the call']);
    const afterEmail = { ...afterCall, lastTouchChannel: 'email' as const };
    expect(item(afterEmail).reasons).toEqual(['send recap due today', 'touched 20 hours ago: give them room']);
  });

  it('each listed contradiction is enforced both ways, and nothing else is dropped', () => {
    for (const [a, b] of CONTRADICTIONS) {
      const ra: Reason = { kind: a, text: a };
      const rb: Reason = { kind: b, text: b };
      const first = REASON_KINDS.indexOf(a) < REASON_KINDS.indexOf(b) ? a : b;
      expect(pickReasons([ra, rb]).map((r) => r.kind)).toEqual([first]);
      expect(pickReasons([rb, ra]).map((r) => r.kind)).toEqual([first]);
    }
    expect(pickReasons([{ kind: 'due', text: 'x' }, { kind: 'give-room', text: 'y' }])).toHaveLength(2);
    expect(contradicts('due', 'change-approach')).toBe(false);
  });

  it('the signal reason shows only when there is room within the three', () => {
    const full = [
      { kind: 'promise-overdue', text: 'a' },
      { kind: 'change-approach', text: 'b' },
      { kind: 'confirm-by-email', text: 'c' },
      { kind: 'signals-down', text: 'd' },
    ] as Reason[];
    expect(pickReasons(full).map((r) => r.text)).toEqual(['a', 'b', 'c']);
  });

  it('reasons contain no rule ids', () => {
    const l = lead({ touchCount: 2, lastTouchAt: ago(15 * DAY), lastTouchChannel: 'call', openStep: todayAt(7, { promised: true }) });
    for (const r of item(l).reasons) expect(r).not.toMatch(/\bR\d+\b/);
  });
});

describe('queue items carry the last outcome and the prospect\'s side', () => {
  it('the last outcome is cut to 80 characters', () => {
    expect(shortOutcome('  agreed a demo  ')).toBe('agreed a demo');
    const long = 'x'.repeat(200);
    expect(shortOutcome(long)!.length).toBe(80);
    expect(shortOutcome(long)!.endsWith('…')).toBe(true);
    expect(item(lead({ lastOutcome: long, openStep: dueToday() })).lastOutcome).toHaveLength(80);
    expect(item(lead({ lastOutcome: null, openStep: dueToday() })).lastOutcome).toBeNull();
  });

  it('isNew marks never-touched leads', () => {
    const fresh = lead({ touchCount: 0, lastTouchAt: null, openStep: null, inbound: true, createdAt: ago(HOUR / 2) });
    expect(item(fresh).isNew).toBe(true);
    expect(item(lead({ openStep: dueToday() })).isNew).toBe(false);
  });
});
