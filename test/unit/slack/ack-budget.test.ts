import { describe, expect, it } from 'vitest';
import { withinAckBudget } from '../../../src/slack/ack-budget.js';

describe("Slack's 3-second budget", () => {
  it('gives the result when the work is quick, and says "late" (letting the work go on) when it is not', async () => {
    expect(await withinAckBudget(Promise.resolve('done'), 50)).toBe('done');
    let finished = false;
    const slow = new Promise<string>((r) => setTimeout(() => ((finished = true), r('later')), 80));
    expect(await withinAckBudget(slow, 20)).toBe('late');
    expect(await slow).toBe('later');
    expect(finished).toBe(true);
  });
});
