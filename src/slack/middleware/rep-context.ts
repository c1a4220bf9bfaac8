import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Rep } from '../../db/schema.js';
import { answerFailure } from '../failure.js';
import { currentRep } from '../profile.js';
import type { Services } from '../services.js';
import { tell } from '../surface.js';
import { slackIdentity } from './slack-identity.js';

declare module '@slack/bolt' {
  interface Context {
    /** The rep who acted, ensured by repContext; absent when no one did (app_uninstalled). */
    rep?: Rep;
  }
}

export const GUESTS_REFUSED = ':lock: Follow-up Coach is for members of this workspace; guest accounts cannot use it.';

/**
 * For every request, whatever its kind: reads team and user one way, makes sure the team and the
 * rep exist (their Slack profile refreshed at most daily), and sets context.teamId, context.userId
 * and context.rep. Guests are refused and a failure answered on the surface the request came from.
 */
export function repContext(services: Services): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, client, context, next } = args;
    const { teamId, userId } = slackIdentity(body);
    if (teamId) context.teamId = teamId;
    if (userId) context.userId = userId;
    // No one acted (app_uninstalled, tokens_revoked): the listener goes on without a rep.
    if (!teamId || !userId) return next();
    let rep: Rep;
    try {
      rep = await currentRep(services.database.db, client, services.logger, { teamId, userId }, services.now());
    } catch (err) {
      return answerFailure(args, services.logger, err);
    }
    if (rep.isGuest) {
      context.outcome = 'guest';
      return tell(args, services.logger, GUESTS_REFUSED);
    }
    context.rep = rep;
    await next();
  };
}

/** The rep repContext found: a listener for requests someone made has one, or the app is misassembled. */
export function repOf(context: Context): Rep {
  if (!context.rep) throw new Error('no rep in the context: repContext must run before this listener');
  return context.rep;
}
