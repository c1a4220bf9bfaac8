import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { claimRequest } from '../../db/ops/claim-request.js';
import type { Services } from '../services.js';
import { slackIdentity } from './slack-identity.js';

/**
 * Slack retries an event it thinks went unanswered; the retry carries the same event_id.
 * The first delivery is handled, repeats are dropped (they are acked by the receiver all the same).
 */
export function dedupeEvents(services: Services): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    const { teamId } = slackIdentity(body);
    if (eventId && teamId) {
      const first = await claimRequest(services.database.db, teamId, `event:${eventId}`, 'event');
      if (!first) return;
    }
    await next();
  };
}
