import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.js';
import type { InFlight } from '../../observability/in-flight.js';
import { drawHome } from './draw.js';

export interface HomeDeps {
  database: Database;
  logger: Logger;
  now: () => Date;
  inFlight: InFlight;
}

/** App Home, drawn when a rep opens it and again whenever an operation changed their queue. */
export interface HomeService {
  /** Draws the rep's App Home afresh, counted as work under way; never throws. */
  redraw(client: WebClient, teamId: string, userId: string): Promise<void>;
}

export function createHome(deps: HomeDeps): HomeService {
  // Draws under way, per rep: a change while one runs asks for one more draw after it, so an older
  // draw finishing late never leaves a stale App Home on top.
  const drawing = new Map<string, { done: Promise<void>; again: boolean }>();
  return {
    redraw(client, teamId, userId) {
      const key = `${teamId}:${userId}`;
      const current = drawing.get(key);
      if (current) {
        current.again = true;
        return current.done;
      }
      const entry = { done: Promise.resolve(), again: false };
      // A graceful shutdown waits for the draw, as for any work under way.
      entry.done = deps.inFlight.track(async () => {
        try {
          do {
            entry.again = false;
            await drawHome(deps, client, teamId, userId);
          } while (entry.again);
        } finally {
          drawing.delete(key);
        }
      });
      drawing.set(key, entry);
      return entry.done;
    },
  };
}

/** Redraws each rep an operation reported as changed; the listener does not wait for it. */
export function redrawChanged(home: HomeService, client: WebClient, teamId: string, changed: readonly string[] | undefined): void {
  for (const userId of new Set(changed ?? [])) void home.redraw(client, teamId, userId);
}
