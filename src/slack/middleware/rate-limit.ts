import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Metrics } from '../../observability/metrics.js';

// Generous: a burst of 120 commands, then 2 a second, per rep. A person typing never meets it; a
// script looping on /followup does.
export const COMMAND_BURST = 120;
export const COMMANDS_PER_SECOND = 2;
const MAX_TRACKED = 50_000;

export const THROTTLED = ":hourglass: That's a lot of commands at once — give it a few seconds and try again. Nothing was changed.";

/**
 * Per-rep token bucket, in this process's memory: best-effort by design (each replica keeps its own),
 * since it only guards against runaway scripts.
 */
export function rateLimitCommands(metrics: Metrics, now: () => number = Date.now): Middleware<SlackCommandMiddlewareArgs> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async ({ body, ack, context, next }) => {
    const key = `${body.team_id}:${body.user_id}`;
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
