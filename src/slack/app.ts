import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { boltLogger } from '../logger.js';
import { sendArrivalAlert, type AlertDeps } from '../outbound/arrival-alert.js';
import { countRateLimits } from '../outbound/slack-client.js';
import { teamClientsFor, type TeamClients } from '../outbound/team-clients.js';
import { installationCacheFor, type InstallationCache } from '../install/installation-cache.js';
import { markReinstalled } from '../db/ops/install-state.js';
import { checkInstalls } from '../install/check-installs.js';
import { checkToken } from '../outbound/token-check.js';
import { databaseConnections, ledgerBacklog } from '../db/queries/health-gauges.js';
import { InFlight } from '../observability/in-flight.js';
import { createMetrics, registerDatabaseGauges, type Metrics } from '../observability/metrics.js';
import { healthRoutes } from '../http/health-routes.js';
import { observeRequests } from './middleware/observe-requests.js';
import { observeHttp } from '../http/observe-http.js';
import { leadsRoute } from '../http/leads-route.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { rateLimitCommands } from './middleware/rate-limit.js';
import { forgetRefusedTokens } from './middleware/token-refused.js';
import { repContext } from './middleware/rep-context.js';
import { createHome } from './home/redraw.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerOptions } from './listeners/options/index.js';
import { register as registerViews } from './listeners/views/index.js';
import { installerOptionsFor } from './oauth-options.js';
import type { Services } from './services.js';

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  database: Database;
  now?: () => Date;
  /** Each team's client and pacer for arrival alerts and POST /leads' owner look-ups; the environment's token by default. */
  clients?: TeamClients;
  metrics?: Metrics;
  inFlight?: InFlight;
  /** Names this process in the ledger for arrival alerts; serve passes its one claimer, released at shutdown. */
  claimer?: string;
  /** OAuth mode: the installs, read through a cache that serve shares with its jobs' clients; built here when not given. */
  installations?: InstallationCache;
}

export interface RunningSlackApp {
  app: App;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  metrics: Metrics;
  inFlight: InFlight;
  /** Readiness answers 503 from now on, while requests are still served: a balancer stops sending before the listener closes. */
  beginShutdown(): void;
  /** Stops taking requests and lets work under way finish, for at most `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

// Slack wants an answer within 3 s: retries here are short and few. A rate-limited call waits as told.
const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 1500 };
const BODY_LIMIT = 256 * 1024;

const BOLT_LEVEL: Record<string, LogLevel> = {
  fatal: LogLevel.ERROR,
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
  trace: LogLevel.DEBUG,
  silent: LogLevel.ERROR,
};

export async function startSlackApp(opts: SlackAppOptions): Promise<RunningSlackApp> {
  const { config, logger, database } = opts;
  const metrics = opts.metrics ?? createMetrics();
  const inFlight = opts.inFlight ?? new InFlight();
  const state = { stopping: false };
  const now = opts.now ?? (() => new Date());
  const services: Services = { database, logger, now, metrics, inFlight, home: createHome({ database, logger, now, inFlight }) };
  registerDatabaseGauges(metrics, { ledgerBacklog: () => ledgerBacklog(database), connections: () => databaseConnections(database), poolMax: database.poolMax });
  const boltLog = boltLogger(logger);
  // OAuth mode: every workspace's token comes from its install (docs/architecture.md#installations).
  const installations = opts.installations ?? installationCacheFor(config, database.db);
  services.installations = installations;
  if (installations) services.tokenStatus = (token) => checkToken(config, logger, token);
  const clients = opts.clients ?? teamClientsFor(config, logger, installations, metrics);
  const installer = installations ? await installerOptionsFor(config, logger, database, installations, now) : undefined;
  const alerts: AlertDeps = {
    database,
    clients,
    logger,
    claimer: opts.claimer ?? `${process.pid}-${randomUUID().slice(0, 8)}`,
    leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000,
  };
  // A failed alert is owed still: the speed-to-lead job sends it on its next tick.
  services.notifyArrival = (teamId, leadId) =>
    void inFlight
      .track(() => sendArrivalAlert(alerts, teamId, leadId, now()))
      .then((outcome) => {
        if (outcome === 'no-install') metrics.teamsWithoutInstall.inc({ job: 'lead-arrival' });
        else if (outcome !== 'none') metrics.messages.inc({ job: 'lead-arrival', outcome });
      })
      .catch((err: Error) => logger.warn({ teamId, err: err.message }, 'arrival alert failed; the job will retry'));
  const customRoutes = [
    ...healthRoutes(database, metrics, state),
    leadsRoute({ db: database.db, clients, logger, now: services.now, keyring: config.FOLLOWUP_ENCRYPTION_KEYS ?? null, onArrival: services.notifyArrival }),
  ];

  const receiver: Receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        customRoutes,
        ...installer,
        // The install pages and custom routes are served over HTTP on PORT beside the socket.
        installerOptions: { ...installer?.installerOptions, port: config.PORT },
        logger: boltLog,
        logLevel: BOLT_LEVEL[config.LOG_LEVEL],
      })
    : new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        endpoints: '/slack/events',
        customRoutes,
        ...installer,
        logger: boltLog,
        logLevel: BOLT_LEVEL[config.LOG_LEVEL],
        processBeforeResponse: false,
        bodyLimit: BODY_LIMIT,
      });

  const app = new App({
    // In OAuth mode there is none: Bolt's installer authorizes each request with its team's install.
    token: installer ? undefined : config.SLACK_BOT_TOKEN,
    receiver,
    logger: boltLog,
    // Without it Bolt resets the logger's level to its own default.
    logLevel: BOLT_LEVEL[config.LOG_LEVEL],
    deferInitialization: true,
    clientOptions: {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
      retryConfig: RETRY_CONFIG,
      timeout: 10_000,
    },
  });
  await app.init();
  countRateLimits(app.client, metrics);
  // A token that works for a team marked uninstalled means it was installed again: it resumes.
  const auth = config.SLACK_BOT_TOKEN ? await app.client.auth.test().catch(() => null) : null;
  if (auth?.team_id && (await markReinstalled(database.db, auth.team_id, services.now()))) logger.info({ team: auth.team_id }, 'team reinstalled: its jobs resume');
  // In OAuth mode each install's own token, in the background.
  if (installations) {
    const keyring = config.FOLLOWUP_ENCRYPTION_KEYS!;
    void inFlight
      .track(() => checkInstalls({ database, keyring, logger, now: services.now, tokenStatus: services.tokenStatus! }))
      .catch((err: Error) => logger.warn({ err: err.message }, 'checking the installs with Slack failed'));
  }
  app.error(async (err) => {
    logger.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'unhandled listener error');
  });
  // For every request, in this order: observed, events deduplicated, commands rate-limited (before
  // any database work), then the rep who acted ensured and put on the context for the listener.
  app.use(observeRequests(services));
  if (installations) app.use(forgetRefusedTokens(installations));
  app.use(dedupeEvents(services));
  app.use(rateLimitCommands(metrics));
  app.use(repContext(services));
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerOptions(app, services);
  registerEvents(app, services);

  const server = (await app.start(config.SLACK_APP_TOKEN ? config.PORT : { port: config.PORT, host: config.HOST })) as
    | Server
    | undefined;
  if (server) {
    observeHttp(server, metrics, inFlight);
    // While draining, each answer closes its connection: keep-alive clients reconnect, to another replica.
    server.prependListener('request', (_req, res) => {
      if (state.stopping) res.setHeader('connection', 'close');
    });
  }
  const address = server?.address?.();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  logger.info({ port, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' }, 'followup-coach is listening');
  return {
    app,
    port,
    metrics,
    inFlight,
    beginShutdown() {
      state.stopping = true;
    },
    async stop(graceMs = 20_000) {
      state.stopping = true;
      // Closing the listener waits for open requests; past the grace period their sockets are cut.
      const closed = app.stop().catch((err: Error) => logger.warn({ err: err.message }, 'closing the listener failed'));
      const drained = await inFlight.drained(graceMs);
      if (!drained) {
        logger.warn({ inFlight: inFlight.size }, 'shutdown grace period over; cutting what is left');
        server?.closeAllConnections?.();
      }
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}
