import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { boltLogger } from '../logger.js';
import { healthRoutes } from './health-routes.js';
import { dedupeEvents } from './middleware/dedupe-events.js';
import { register as registerActions } from './listeners/actions/index.js';
import { register as registerCommands } from './listeners/commands/index.js';
import { register as registerEvents } from './listeners/events/index.js';
import { register as registerOptions } from './listeners/options/index.js';
import { register as registerViews } from './listeners/views/index.js';
import type { Services } from './services.js';

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  database: Database;
  now?: () => Date;
}

export interface RunningSlackApp {
  app: App;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  stop(): Promise<void>;
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
  const services: Services = { database, logger, now: opts.now ?? (() => new Date()) };
  const boltLog = boltLogger(logger);
  const customRoutes = healthRoutes(database);

  const receiver: Receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        customRoutes,
        installerOptions: { port: config.PORT },
        logger: boltLog,
        logLevel: BOLT_LEVEL[config.LOG_LEVEL],
      })
    : new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        endpoints: '/slack/events',
        customRoutes,
        logger: boltLog,
        logLevel: BOLT_LEVEL[config.LOG_LEVEL],
        processBeforeResponse: false,
        bodyLimit: BODY_LIMIT,
      });

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
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
  app.error(async (err) => {
    logger.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'unhandled listener error');
  });
  app.use(dedupeEvents(services));
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerOptions(app, services);
  registerEvents(app, services);

  const server = (await app.start(config.SLACK_APP_TOKEN ? config.PORT : { port: config.PORT, host: config.HOST })) as
    | Server
    | undefined;
  const address = server?.address?.();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  logger.info({ port, mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' }, 'followup-coach is listening');
  return {
    app,
    port,
    async stop() {
      await app.stop();
    },
  };
}
