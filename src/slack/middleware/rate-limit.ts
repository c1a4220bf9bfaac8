import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Metrics } from '../../observability/metrics.js';
import { slackIdentity } from './slack-identity.js';

// Generous: a burst of 120 commands, then 2 a second, per rep. A person typing never meets it; a
// script looping on /followup does.
export const COMMAND_BURST = 120;
export const COMMANDS_PER_SECOND = 2;
const MAX_TRACKED = 50_000;

export const THROTTLED = ":hourglass: That's a lot of commands at once — give it a few seconds and try again. Nothing was changed.";

/**
 * Per-rep token bucket over slash commands, in this process's memory: best-effort by design (each
 * replica keeps its own), since it only guards against runaway scripts. Runs before the rep is looked
 * up, so a throttled command costs the database nothing. Other requests pass.
 */
export function rateLimitCommands(metrics: Metrics, now: () => number = Date.now): Middleware<AnyMiddlewareArgs> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (args) => {
    if (!('command' in args.body)) return args.next();
    const { body, ack, context, next } = args as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
    const { teamId, userId } = slackIdentity(body);
    const key = `${teamId}:${userId}`;
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: COMMAND_BURST, at: t };
    bucket.tokens = Math.min(COMMAND_BURST, bucket.tokens + ((t - bucket.at) / 1000) * COMMANDS_PER_SECOND);
    bucket.at = t;
    // Refreshed reps move to the end: the oldest are evicted first when the map is full.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > MAX_TRACKED) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      metrics.commandsThrottled.inc();
      context.outcome = 'throttled';
      await ack({ response_type: 'ephemeral', text: THROTTLED });
      return;
    }
    bucket.tokens -= 1;
    await next();
  };
}
