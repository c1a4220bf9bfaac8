import { WebClient, WebClientEvent } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { boltLogger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';

/** The Web API client outbound sends go through; jobs name it by this type, not by @slack/web-api. */
export type SlackClient = WebClient;

/**
 * The scheduler's own Web API client: no automatic retries, because a retried chat.postMessage
 * whose first try did arrive would post twice. The delivery ledger owns retries instead. The token
 * is the environment's, or a team's installation's (team-clients.ts).
 */
export function jobSlackClient(config: Config, logger: Logger, token: string | undefined = config.SLACK_BOT_TOKEN): SlackClient {
  return new WebClient(token, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logger: boltLogger(logger),
  });
}

/** Counts every 429 Slack answers this client, by Web API method, in followup_slack_rate_limited_total. */
export function countRateLimits(client: SlackClient, metrics: Metrics): void {
  client.on(WebClientEvent.RATE_LIMITED, (_retryAfter: number, { url }: { url: string }) => metrics.slackRateLimited.inc({ method: url.replace(/^.*\//, '') }));
}
