import { performance } from 'node:perf_hooks';

// Slack drops a request not answered within 3 seconds; past this budget we answer at once
// and deliver the outcome another way (response_url, a DM).
export const ACK_BUDGET_MS = 2500;

/**
 * What is left of the budget for a request that arrived at `arrivedAt` (performance clock): the
 * middleware before a listener (the rep looked up, a Slack profile refreshed) spends from it too.
 */
export function ackBudgetLeft(arrivedAt: number | undefined, now = performance.now()): number {
  return arrivedAt === undefined ? ACK_BUDGET_MS : Math.max(0, ACK_BUDGET_MS - (now - arrivedAt));
}

/** The work's result if it is ready within the budget, else 'late' (the work goes on). */
export async function withinAckBudget<T>(work: Promise<T>, ms = ACK_BUDGET_MS): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
