import { afterAll, beforeAll } from 'vitest';

/**
 * Something the enclosing describe starts before its tests (in beforeAll, after the hooks registered
 * earlier) and stops after them. What this returns stands for the started thing from then on: each
 * property read goes to it, so a describe can hold it in a const.
 */
export function forTheSuite<T extends object>(what: string, start: () => Promise<T>, stop: (started: T) => Promise<unknown>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await stop(started);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!started) throw new Error(`${what} starts in beforeAll: use it from a hook or a test`);
      const value: unknown = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

type Stoppable = { stop(): Promise<unknown> } | { close(): Promise<unknown> } | { cleanup(): Promise<unknown> };

/**
 * Stops each of these in the order given: a serve process or an app (stop), a Slack stand-in
 * (close), a child process's database (cleanup). One that never started (undefined) is passed over.
 */
export async function stopAll(...things: (Stoppable | undefined)[]): Promise<void> {
  for (const thing of things) {
    if (!thing) continue;
    if ('stop' in thing) await thing.stop();
    else if ('close' in thing) await thing.close();
    else await thing.cleanup();
  }
}
