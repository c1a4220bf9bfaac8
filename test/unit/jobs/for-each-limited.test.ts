import { describe, expect, it } from 'vitest';
import { forEachLimited } from '../../../src/jobs/for-each-limited.js';

/** A promise settled from outside, and whether it has been. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('forEachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      done.push(n);
      inFlight -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('after a failure starts no further item, and waits for the ones in flight before throwing the first failure', async () => {
    const slow = deferred();
    const started: string[] = [];
    let slowFinished = false;
    let settled = false;
    const run = forEachLimited(['slow', 'fails', 'never'], 2, async (item) => {
      started.push(item);
      if (item === 'fails') throw new Error('the database went away');
      if (item === 'slow') {
        await slow.promise;
        slowFinished = true;
      }
    }).finally(() => (settled = true));
    const outcome = run.catch((err: Error) => err.message);
    // The failure has happened; the slow item is still in flight, so nothing has settled.
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['slow', 'fails']);
    expect(settled).toBe(false);
    slow.resolve();
    expect(await outcome).toBe('the database went away');
    expect(slowFinished).toBe(true);
    expect(started).toEqual(['slow', 'fails']);
  });
});
