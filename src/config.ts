import cron from 'node-cron';
import { z } from 'zod';
import { setConfiguredSecrets } from './log-scrub.js';
import { parseKeyring, type Keyring } from './secrets/keyring.js';

/** Thrown when the environment is unusable; main.ts prints the message alone and exits 2. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const DEFAULT_DRAIN_SECONDS = 5;

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must start with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[0-9a-zA-Z]{16,}$/.test(v), {
    message: 'must be the signing secret from the app\'s Basic Information page (letters and digits)',
  }),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must start with xapp-',
  }),
  SLACK_API_URL: optionalText
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { message: 'must be an http(s) URL' })
    // WebClient joins method names onto this base, so it must end with a slash.
    .transform((v) => (v === undefined ? undefined : v.endsWith('/') ? v : `${v}/`)),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
  DATA_DIR: optionalText.transform((v) => v ?? './.data'),
  PORT: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535), {
      message: 'must be a port number from 0 to 65535',
    })
    .transform((v) => (v === undefined ? 3000 : Number(v))),
  HOST: optionalText.transform((v) => v ?? '0.0.0.0'),
  // Scheduler knobs. The defaults suit production; tests and demos change them.
  FOLLOWUP_TICK: optionalText
    .refine((v) => v === undefined || cron.validate(v), { message: 'must be a cron expression like "* * * * *"' })
    .transform((v) => v ?? '* * * * *'),
  FOLLOWUP_SEND_RATE: optionalText
    .refine((v) => v === undefined || (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0), { message: 'must be a positive number of messages a second' })
    .transform((v) => (v === undefined ? 10 : Number(v))),
  FOLLOWUP_SEND_CONCURRENCY: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 32), { message: 'must be a whole number from 1 to 32' })
    .transform((v) => (v === undefined ? 1 : Number(v))),
  FOLLOWUP_LEASE_SECONDS: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1), { message: 'must be a whole number of seconds, at least 1' })
    .transform((v) => (v === undefined ? 120 : Number(v))),
  // An uninstalled team's data is kept this long, so a reinstall resumes; then it is purged.
  FOLLOWUP_RETENTION_DAYS: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), { message: 'must be a whole number of days from 1 to 3650' })
    .transform((v) => (v === undefined ? 30 : Number(v))),
  // On SIGTERM, work under way gets this long to finish before the process exits.
  FOLLOWUP_SHUTDOWN_GRACE_SECONDS: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 600), { message: 'must be a whole number of seconds up to 600' })
    .transform((v) => (v === undefined ? 20 : Number(v))),
  // On SIGTERM, /readyz answers 503 this long while requests are still served, so a balancer stops
  // sending before the listener closes. Part of the grace period, not added to it. Unset: 5 s (a
  // balancer polling every 2-5 s, or Kubernetes removing the endpoint, sees it in time), or the
  // grace period if that is shorter. 0 closes at once: no balancer in front, tests, a quick `docker stop`.
  FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: optionalText
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 600), { message: 'must be a whole number of seconds up to 600' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  // The app's clock starts at this instant and runs on from there (tests and demos; never in production).
  FOLLOWUP_CLOCK_START: optionalText
    .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))), { message: 'must be an ISO-8601 time' })
    .transform((v) => (v === undefined ? undefined : new Date(v))),
  // Seal stored tokens and webhook secrets (AES-256-GCM): `kid:base64key,…`, the first one active.
  FOLLOWUP_ENCRYPTION_KEYS: optionalText.transform((v, ctx): Keyring | undefined => {
    if (v === undefined) return undefined;
    try {
      return parseKeyring(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
  // Installs from other workspaces ("Add to Slack"): all three set, or none (docs/architecture.md#installations).
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  // Signs the install link's state: a guessable one lets anyone forge the state an install is checked against.
  SLACK_STATE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters of random text: make one with `openssl rand -hex 32`',
  }),
  // Only these workspaces may install a private deployment: comma-separated team ids. Unset: any.
  FOLLOWUP_ALLOWED_TEAMS: optionalText
    .refine((v) => v === undefined || v.split(',').every((t) => /^T[A-Z0-9]+$/.test(t.trim())), {
      message: 'must be comma-separated Slack team ids like T0123ABCD',
    })
    .transform((v) => (v === undefined ? undefined : v.split(',').map((t) => t.trim()))),
  LOG_LEVEL: optionalText
    .refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
      message: `must be one of ${LOG_LEVELS.join(', ')}`,
    })
    .transform((v) => (v ?? 'info') as (typeof LOG_LEVELS)[number]),
})
  .superRefine((c, ctx) => {
    refuseImpossibleInstallModes(c, ctx);
    if (c.FOLLOWUP_SHUTDOWN_DRAIN_SECONDS !== undefined && c.FOLLOWUP_SHUTDOWN_DRAIN_SECONDS > c.FOLLOWUP_SHUTDOWN_GRACE_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['FOLLOWUP_SHUTDOWN_DRAIN_SECONDS'], message: `must not exceed FOLLOWUP_SHUTDOWN_GRACE_SECONDS (${c.FOLLOWUP_SHUTDOWN_GRACE_SECONDS})` });
    }
  })
  .transform((c) => ({ ...c, FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: c.FOLLOWUP_SHUTDOWN_DRAIN_SECONDS ?? Math.min(DEFAULT_DRAIN_SECONDS, c.FOLLOWUP_SHUTDOWN_GRACE_SECONDS) }));

export type Config = z.infer<typeof envSchema>;

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const OAUTH_NAMES = 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET';

type InstallVariables = Pick<Config, (typeof OAUTH_VARIABLES)[number] | 'SLACK_BOT_TOKEN' | 'FOLLOWUP_ENCRYPTION_KEYS' | 'FOLLOWUP_ALLOWED_TEAMS'>;

/** OAuth mode: any workspace may install the app, each with a token of its own kept in the database. */
export function isOAuthMode(config: Pick<Config, (typeof OAUTH_VARIABLES)[number]>): boolean {
  return OAUTH_VARIABLES.every((name) => config[name] !== undefined);
}

// The two modes do not mix: one bot token from the environment, or a token per installed workspace.
function refuseImpossibleInstallModes(c: InstallVariables, ctx: z.RefinementCtx): void {
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const missing = OAUTH_VARIABLES.filter((name) => c[name] === undefined);
  if (missing.length > 0 && missing.length < OAUTH_VARIABLES.length) {
    return refuse(missing[0]!, `is not set: set ${OAUTH_NAMES} together to let workspaces install the app, or none of them`);
  }
  if (missing.length === 0) {
    if (c.SLACK_BOT_TOKEN) return refuse('SLACK_BOT_TOKEN', `must be removed when ${OAUTH_NAMES} are set: each workspace's token comes from its install`);
    if (!c.FOLLOWUP_ENCRYPTION_KEYS) return refuse('FOLLOWUP_ENCRYPTION_KEYS', `is required when ${OAUTH_NAMES} are set: installed tokens are stored encrypted`);
  } else if (c.FOLLOWUP_ALLOWED_TEAMS) {
    refuse('FOLLOWUP_ALLOWED_TEAMS', `applies only to installs from other workspaces (${OAUTH_NAMES}): remove it`);
  }
}
export type LogLevel = Config['LOG_LEVEL'];

export interface ConfigNeeds {
  /** serve needs Slack credentials; migrate, import and friends do not. */
  slack?: boolean;
  /** Jobs send with the bot token but receive nothing, so need no signing secret. */
  botToken?: boolean;
}

/** Parses the environment once; throws ConfigError with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: ConfigNeeds = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  const config = parsed.data;
  setConfiguredSecrets(secretValues(config));
  // In OAuth mode every token comes from an install, so none is needed here.
  if ((needs.slack || needs.botToken) && !config.SLACK_BOT_TOKEN && !isOAuthMode(config)) throw new ConfigError('SLACK_BOT_TOKEN is required (an xoxb- bot token)');
  if (needs.slack) {
    if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
    }
  }
  return config;
}

/** The values no log line may show, also where a library logs a request body at debug. */
function secretValues(config: Config): string[] {
  const keys = [...(config.FOLLOWUP_ENCRYPTION_KEYS?.keys.values() ?? [])].flatMap((k) => [k.toString('base64').replace(/=+$/, ''), k.toString('base64url')]);
  return [config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET, config.SLACK_SIGNING_SECRET, ...keys].filter((v): v is string => v !== undefined);
}

/** The app's clock: real time, or real time shifted to start at FOLLOWUP_CLOCK_START. */
export function clockFrom(config: Pick<Config, 'FOLLOWUP_CLOCK_START'>): () => Date {
  const start = config.FOLLOWUP_CLOCK_START;
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
