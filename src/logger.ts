import pino, { type Logger } from 'pino';
import { LogLevel as BoltLogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { LogLevel } from './config.js';
import { scrub, serializeError } from './log-scrub.js';

export { maskSecrets } from './log-scrub.js';

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
  'webhookSecretPrevious',
  '*.webhookSecretPrevious',
  // Slack's OAuth answers (oauth.v2.access).
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  // The keys that seal stored secrets (docs/operations.md#encryption-keys).
  'FOLLOWUP_ENCRYPTION_KEYS',
  '*.FOLLOWUP_ENCRYPTION_KEYS',
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
  // OAuth installs: the app's client secret and the key that signs install links.
  'clientSecret',
  '*.clientSecret',
  'stateSecret',
  '*.stateSecret',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  '*.SLACK_CLIENT_SECRET',
  '*.SLACK_STATE_SECRET',
];

export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'followup-coach' },
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      // Child bindings skip the hook; an error bound there is scrubbed here.
      serializers: { err: (err: unknown) => scrub(err) },
      hooks: {
        // Every message and merging object, whatever the call site put in it (an error, its message).
        logMethod(args, method) {
          // An error given first is pino's `{ err }`, its message the line's msg: keep that, scrubbed.
          const [first, ...rest] = args as unknown[];
          const scrubbed = [scrub(first instanceof Error ? { err: first } : first), ...rest.map((a) => scrub(a))];
          method.apply(this, scrubbed as typeof args);
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
  const text = (m: unknown) => {
    if (m instanceof Error) {
      const e = serializeError(m);
      return String(e.stack ?? e.message);
    }
    return typeof m === 'string' ? m : JSON.stringify(scrub(m));
  };
  // The joined text goes through the logger's hook, which scrubs it.
  const format = (msgs: unknown[]) => msgs.map(text).join(' ');
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
