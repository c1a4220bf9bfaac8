import { describe, expect, it } from 'vitest';
import { digestMessages } from '../../../../src/slack/ui/digest-message.js';

describe('the digest message', () => {
  it('splits a large team over several messages of at most 50 blocks, never dropping a rep', () => {
    const reps = Array.from({ length: 120 }, (_, i) => ({
      summary: { ownerId: `U${i}`, total: 3, byCategory: { 'no-next-step': { count: 3, names: ['A'.repeat(3000), 'B', 'C'] } } },
      metrics: undefined,
    }));
    const messages = digestMessages({ weekLabel: 'week of 23 Nov 2026', reps });
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) expect(((b as { text?: { text: string } }).text?.text ?? '').length).toBeLessThanOrEqual(3000);
    }
    const mentioned = messages.flatMap((m) => JSON.stringify(m.blocks).match(/<@U\d+>/g) ?? []);
    expect(new Set(mentioned).size).toBe(120);
    expect(messages[0]!.text).toBe('Follow-up digest — week of 23 Nov 2026: 360 stalled leads across 120 reps.');
  });
});
