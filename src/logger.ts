import pino, { type Logger } from 'pino';
import { LogLevel as BoltLogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { LogLevel } from './config.js';

/** Paths that can carry secrets: tokens, signing secrets, webhook secrets, auth headers. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'webhookSecret',
  '*.webhookSecret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  '*.headers["x-followup-signature"]',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  'DATABASE_URL',
  '*.DATABASE_URL',
];

const TOKEN_PATTERN = /xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

/** Secrets can also hide inside free text (an error message quoting a token); mask them there too. */
export function maskSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[Redacted]');
}

export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'followup-coach' },
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as typeof args;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}

const BOLT_TO_PINO: Record<BoltLogLevel, LogLevel> = {
  [BoltLogLevel.ERROR]: 'error',
  [BoltLogLevel.WARN]: 'warn',
  [BoltLogLevel.INFO]: 'info',
  [BoltLogLevel.DEBUG]: 'debug',
};

/** Bolt wants setLevel/getLevel/setName on its logger; this adapts one pino logger to it. */
export function boltLogger(base: Logger): BoltLogger {
  let log = base.child({ component: 'bolt' });
  const format = (msgs: unknown[]) => maskSecrets(msgs.map((m) => (m instanceof Error ? m.stack ?? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
  return {
    debug: (...msgs) => log.debug(format(msgs)),
    info: (...msgs) => log.info(format(msgs)),
    warn: (...msgs) => log.warn(format(msgs)),
    error: (...msgs) => log.error(format(msgs)),
    setLevel: (level) => {
      log.level = BOLT_TO_PINO[level] ?? 'info';
    },
    getLevel: () => {
      const l = log.level;
      if (l === 'error' || l === 'fatal') return BoltLogLevel.ERROR;
      if (l === 'warn') return BoltLogLevel.WARN;
      if (l === 'debug' || l === 'trace') return BoltLogLevel.DEBUG;
      return BoltLogLevel.INFO;
    },
    setName: (name) => {
      log = base.child({ component: name });
    },
  };
}
