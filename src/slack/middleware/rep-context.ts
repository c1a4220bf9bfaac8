import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { ensureRep, findRep, type RepProfile } from '../../db/ops/ensure-rep.js';
import type { Rep } from '../../db/schema.js';
import { explainFailure } from '../reply.js';
import type { Services } from '../services.js';

const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
// users.info runs before the ack: it must not eat Slack's 3-second budget.
const PROFILE_TIMEOUT_MS = 1200;

declare module '@slack/bolt' {
  interface Context {
    rep?: Rep;
  }
}

/** Fetches the Slack profile (time zone, admin flags); null when Slack does not answer in time. */
export async function fetchProfile(client: WebClient, userId: string, services: Services): Promise<RepProfile | null> {
  try {
    const res = await Promise.race([
      client.users.info({ user: userId }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('users.info timed out')), PROFILE_TIMEOUT_MS).unref()),
    ]);
    const user = res.user;
    if (!user) return null;
    return {
      tz: user.tz ?? null,
      displayName: user.profile?.display_name || user.real_name || user.name || null,
      isSlackAdmin: Boolean(user.is_admin || user.is_owner),
      isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
    };
  } catch (err) {
    services.logger.warn({ userId, err: (err as Error).message }, 'users.info failed; using stored profile');
    return null;
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
        const profile = await fetchProfile(client, body.user_id, services);
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
