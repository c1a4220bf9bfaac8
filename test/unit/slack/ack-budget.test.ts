import { describe, expect, it } from 'vitest';
import { ACK_BUDGET_MS, ackBudgetLeft, withinAckBudget } from '../../../src/slack/ack-budget.js';

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

describe('what is left of the budget', () => {
  it('counts from the request\'s arrival, so the middleware before a listener spends from it too', () => {
    expect(ackBudgetLeft(undefined)).toBe(ACK_BUDGET_MS);
    expect(ackBudgetLeft(1000, 1000)).toBe(ACK_BUDGET_MS);
    expect(ackBudgetLeft(1000, 2200)).toBe(ACK_BUDGET_MS - 1200);
    expect(ackBudgetLeft(1000, 9000)).toBe(0);
  });
});
