export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Slack allows about one message a second per channel and a workspace-wide cap; DMs are one channel
// each, so the workspace cap is what binds. Ten a second keeps well under it.
export const DEFAULT_SEND_RATE = 10;

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
