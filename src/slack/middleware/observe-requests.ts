import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { USAGE } from '../parse/usage.js';
import type { Services } from '../services.js';
import { slackIdentity } from './slack-identity.js';

/** Per HTTP request: which listener handled it, so the transport's ack timing can be labelled. */
export const requestScope = new AsyncLocalStorage<{ listener?: string }>();

declare module '@slack/bolt' {
  interface Context {
    /** Set by middleware that answers on its own (throttled, duplicate, guest). */
    outcome?: string;
    /** When the request reached the app (performance clock): the ack budget counts from here. */
    arrivedAt?: number;
  }
}

type Body = {
  command?: string;
  text?: string;
  type?: string;
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
  action_id?: string;
  event?: { type?: string };
};

// Only our own names become labels: typed words never do, so the series stay few.
const ownName = (s: string | undefined) => (s && /^[a-z_:./-]{1,40}$/i.test(s) ? s : 'other');

/** A bounded label naming the listener: `command:/followup log`, `action:lead_done`, `event:app_home_opened`. */
export function listenerName(body: Body): string {
  if (body.command) {
    const sub = (body.text ?? '').trim().split(/\s+/)[0]?.toLowerCase() || 'help';
    return `command:${ownName(body.command)} ${Object.hasOwn(USAGE, sub) ? sub : 'other'}`;
  }
  switch (body.type) {
    case 'block_actions':
      return `action:${ownName(body.actions?.[0]?.action_id)}`;
    case 'view_submission':
    case 'view_closed':
      return `view:${ownName(body.view?.callback_id)}`;
    case 'block_suggestion':
      return `options:${ownName(body.action_id)}`;
    case 'event_callback':
      return `event:${ownName(body.event?.type)}`;
    default:
      return ownName(body.type);
  }
}

/** One JSON log line and the metrics for every Slack request: team, rep, listener, duration, outcome. */
export function observeRequests(services: Services): Middleware<AnyMiddlewareArgs> {
  const { metrics } = services;
  return async ({ body, context, next }) => {
    const b = body as Body;
    const listener = listenerName(b);
    const scope = requestScope.getStore();
    if (scope) scope.listener = listener;
    const started = performance.now();
    context.arrivedAt = started;
    // Bolt acks before the listener finishes: the handler's own work is counted until it ends.
    const leave = services.inFlight.enter();
    let outcome = 'ok';
    try {
      await next();
      outcome = context.outcome ?? 'ok';
    } catch (err) {
      outcome = 'error';
      throw err;
    } finally {
      leave();
      const ms = performance.now() - started;
      metrics.requests.inc({ listener, outcome });
      metrics.requestSeconds.observe({ listener }, ms / 1000);
      const { teamId, userId } = slackIdentity(body);
      services.logger.info({ team: teamId, rep: userId, listener, ms: Math.round(ms), outcome }, 'request');
    }
  };
}
