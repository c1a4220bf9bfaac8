/**
 * Knows which scheduler ticks have finished, so the story can wait until everything owed at a moment
 * has been sent — rather than guessing with sleeps.
 */
export interface TickWatch {
  /** The scheduler's onTick. */
  finished(at: Date): void;
  /** Resolves once a tick that acted as of `moment` or later has finished. */
  after(moment: Date, timeoutMs?: number): Promise<void>;
}

export function tickWatch(): TickWatch {
  let latest = -Infinity;
  let waiters: { moment: number; resolve: () => void }[] = [];
  return {
    finished(at) {
      latest = Math.max(latest, at.getTime());
      waiters = waiters.filter((w) => (w.moment <= latest ? (w.resolve(), false) : true));
    },
    after(moment, timeoutMs = 30_000) {
      if (moment.getTime() <= latest) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no scheduler tick finished for ${moment.toISOString()} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ moment: moment.getTime(), resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}
