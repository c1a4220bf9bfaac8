import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimRequest } from '../../db/ops/claim-request.js';
import type { Services } from '../services.js';

/**
 * Slack retries an event it thinks went unanswered; the retry carries the same event_id.
 * The first delivery is handled, repeats are dropped (they are acked by the receiver all the same).
 */
export function dedupeEvents(services: Services): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { event_id?: string; team_id?: string };
    if (envelope.event_id && envelope.team_id) {
      const first = await claimRequest(services.database.db, envelope.team_id, `event:${envelope.event_id}`, 'event');
      if (!first) return;
    }
    await next();
  };
}
