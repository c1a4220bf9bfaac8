export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Spaces calls to Slack at most `perSecond` apart across all workers, and holds everyone back
 * when Slack answers 429 (Retry-After applies to the workspace, not just the one call).
 */
export class Pacer {
  private next = 0;
  private pausedUntil = 0;
  constructor(private readonly perSecond: number) {}

  async wait(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const start = Math.max(this.next, this.pausedUntil, now);
      if (start <= now) {
        this.next = now + (this.perSecond > 0 ? 1000 / this.perSecond : 0);
        return;
      }
      await sleep(start - now);
    }
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}

/** Runs `fn` over the items with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) await fn(items[i++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
