import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { ensureRep, findRep } from '../../db/ops/ensure-rep.js';
import { fetchProfile, PROFILE_MAX_AGE_MS } from '../profile.js';
import type { Rep } from '../../db/schema.js';
import { explainFailure } from '../reply.js';
import type { Services } from '../services.js';


declare module '@slack/bolt' {
  interface Context {
    rep?: Rep;
  }
}

export const GUESTS_REFUSED = ':lock: Follow-up Coach is for members of this workspace; guest accounts cannot use it.';

/** Makes sure the team and the calling rep exist, refreshing their Slack profile at most daily. */
export function repContext(services: Services): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ body, client, context, ack, next }) => {
    const { db } = services.database;
    const now = services.now();
    try {
      let rep = await findRep(db, body.team_id, body.user_id);
      const stale = !rep || !rep.tzRefreshedAt || now.getTime() - rep.tzRefreshedAt.getTime() > PROFILE_MAX_AGE_MS;
      if (stale) {
        const profile = await fetchProfile(client, body.user_id, services.logger);
        if (profile || !rep) rep = await ensureRep(db, body.team_id, body.user_id, profile, now);
      }
      context.rep = rep;
      if (rep?.isGuest) {
        await ack({ response_type: 'ephemeral', text: GUESTS_REFUSED });
        return;
      }
    } catch (err) {
      await ack({ response_type: 'ephemeral', text: explainFailure(err, services).text });
      return;
    }
    await next();
  };
}
