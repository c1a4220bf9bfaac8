import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The app's Prometheus series (GET /metrics, docs/operations.md#http). One registry per process, never the global one. */
export interface Metrics {
  registry: Registry;
  /** Bolt listeners: count and duration of the whole handler, by listener and outcome. */
  requests: Counter<'listener' | 'outcome'>;
  requestSeconds: Histogram<'listener'>;
  /** HTTP: time from the request arriving to the ack leaving, by route and listener. */
  ackSeconds: Histogram<'route' | 'listener'>;
  slowAcks: Counter<'route' | 'listener'>;
  /** Scheduled and alert messages by job and outcome (sent, failed, skipped). */
  messages: Counter<'job' | 'outcome'>;
  /** Teams a job or alert owed a message to but had no installation (token) for, by job. */
  teamsWithoutInstall: Counter<'job'>;
  slackRateLimited: Counter<'method'>;
  commandsThrottled: Counter;
}

// Slack's limit is 3 s; an ack over 1 s is a warning sign long before users see "operation_timeout".
export const SLOW_ACK_SECONDS = 1;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'followup_' });
  const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
  return {
    registry,
    requests: new Counter({ name: 'followup_requests_total', help: 'Slack requests handled, by listener and outcome', labelNames: ['listener', 'outcome'], registers: [registry] }),
    requestSeconds: new Histogram({ name: 'followup_request_duration_seconds', help: 'Time a listener took, ack and follow-up work included', labelNames: ['listener'], buckets: latencyBuckets, registers: [registry] }),
    ackSeconds: new Histogram({ name: 'followup_ack_duration_seconds', help: 'HTTP request to response (the ack Slack waits for)', labelNames: ['route', 'listener'], buckets: latencyBuckets, registers: [registry] }),
    slowAcks: new Counter({ name: 'followup_slow_acks_total', help: `Acks that took over ${SLOW_ACK_SECONDS} s`, labelNames: ['route', 'listener'], registers: [registry] }),
    messages: new Counter({ name: 'followup_messages_total', help: 'Messages from jobs and alerts, by job and outcome', labelNames: ['job', 'outcome'], registers: [registry] }),
    teamsWithoutInstall: new Counter({ name: 'followup_teams_without_install_total', help: 'Teams owed a message with no installation to send it with, by job', labelNames: ['job'], registers: [registry] }),
    slackRateLimited: new Counter({ name: 'followup_slack_rate_limited_total', help: 'Slack Web API calls answered 429', labelNames: ['method'], registers: [registry] }),
    commandsThrottled: new Counter({ name: 'followup_commands_throttled_total', help: 'Commands refused by the per-rep rate limit', registers: [registry] }),
  };
}

/** Gauges read when scraped: they ask the database, so a scrape never blocks on stale state. */
export function registerDatabaseGauges(metrics: Metrics, read: { ledgerBacklog(): Promise<Record<string, number>>; connections(): Promise<Record<string, number>>; poolMax: number }): void {
  new Gauge({
    name: 'followup_ledger_backlog',
    help: 'Deliveries claimed and not yet finished (in flight, or left by a process that died), by kind',
    labelNames: ['kind'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const [kind, n] of Object.entries(await read.ledgerBacklog().catch(() => ({})))) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: 'followup_db_connections',
    help: "The app's database connections by state (all replicas on Postgres)",
    labelNames: ['state'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const [state, n] of Object.entries(await read.connections().catch(() => ({})))) this.set({ state }, n);
    },
  });
  new Gauge({ name: 'followup_db_pool_max', help: 'Connections this process may open', registers: [metrics.registry] }).set(read.poolMax);
}
