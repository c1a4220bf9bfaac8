#!/usr/bin/env node
import { randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { WebClientEvent } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import { InFlight } from './observability/in-flight.js';
import { createMetrics } from './observability/metrics.js';
import pino from 'pino';
import { clockFrom, ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { teams } from './db/schema.js';
import { DataDirBusyError } from './db/data-dir-lock.js';
import { exportLeads } from './intake/export-leads.js';
import { ImportRefused, importLeads } from './intake/import-leads.js';
import { renderImportSummary } from './intake/import-summary.js';
import { createOwnerResolver } from './intake/resolve-owner.js';
import { createLogger } from './logger.js';
import { runDigest } from './jobs/digest.js';
import { runMorning } from './jobs/morning.js';
import { runSpeedToLead } from './jobs/speed-to-lead.js';
import { purgeUninstalled } from './jobs/purge.js';
import { webhookSecret } from './db/ops/webhook-secret.js';
import { releaseClaimsOf } from './db/ledger.js';
import { startScheduler } from './jobs/scheduler.js';
import { jobSlackClient } from './outbound/slack-client.js';
import { serializeError } from './log-scrub.js';
import { runDemo } from './demo/run-demo.js';
import { startSlackApp } from './slack/app.js';
import { buildManifest, loadManifest } from './slack/manifest.js';

const USAGE = `Usage: followup-coach <command>

Commands:
  serve                         run the Slack app, its HTTP endpoints and the scheduler
  migrate                       apply the database migrations and exit
  jobs run <morning|digest|speed-to-lead|purge> [--at <ISO-8601 time>] [--team <T>]
                                run one scheduler job now, as if the clock read --at; prints a JSON summary
  webhook-secret --team <T> [--rotate]
                                print the team's secret for POST /leads (created the first time;
                                --rotate makes a new one, the old one still works for a day)
  manifest [--url <https://host> | --socket]
                                print the Slack app manifest for your host, or for Socket Mode
  demo [--keep] [--port <n>]    see it work: the app with a sample team and a stand-in for Slack,
                                printing what each person would see; --keep leaves it running
  import <file.csv> --team <T> --owner <U> [--dry-run]
                                import leads from a CRM export (HubSpot, Salesforce, Pipedrive or ours);
                                rows without a known owner go to --owner; prints a summary
  export --team <T> [--owner <U>]
                                write the team's leads as CSV to standard output (import reads it back)
  help                          show this text

Configuration comes from the environment: see README.md.`;

/** A failure the operator should read as one line: no stack trace. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return migrateOnly();
    case 'manifest':
      return printManifest(rest);
    case 'jobs':
      return runJob(rest);
    case 'webhook-secret':
      return printWebhookSecret(rest);
    case 'demo':
      return runDemo(rest);
    case 'import':
      return importFile(rest);
    case 'export':
      return exportTeam(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

async function migrateOnly(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    logger.info({ database: database.kind }, 'migrations applied');
  } finally {
    await database.close();
  }
  return 0;
}

async function serve(): Promise<number> {
  const config = loadConfig(process.env, { slack: true });
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const now = clockFrom(config);
  const metrics = createMetrics();
  const inFlight = new InFlight();
  const claimer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const jobClient = jobSlackClient(config, logger);
  jobClient.on(WebClientEvent.RATE_LIMITED, (_retryAfter: number, { url }: { url: string }) => metrics.slackRateLimited.inc({ method: url.replace(/^.*\//, '') }));
  const running = await startSlackApp({ config, logger, database, now, alertClient: jobClient, metrics, inFlight, claimer }).catch(async (err) => {
    await database.close();
    throw err;
  });

  const scheduler = startScheduler({
    database,
    client: jobClient,
    logger,
    now,
    cron: config.FOLLOWUP_TICK,
    sendRate: config.FOLLOWUP_SEND_RATE,
    concurrency: config.FOLLOWUP_SEND_CONCURRENCY,
    leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000,
    claimer,
    metrics,
    retentionDays: config.FOLLOWUP_RETENTION_DAYS,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal means "now".
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    const graceMs = config.FOLLOWUP_SHUTDOWN_GRACE_SECONDS * 1000;
    const drainMs = config.FOLLOWUP_SHUTDOWN_DRAIN_SECONDS * 1000;
    logger.info({ signal, graceMs, drainMs }, 'shutting down: readiness is 503, work under way may finish');
    // Readiness first, while the listener still serves, so a balancer stops sending before it closes;
    // no scheduled send starts from now. The drain is part of the grace period.
    running.beginShutdown();
    const schedulerStopped = scheduler.stop(graceMs).catch((err: Error) => logger.warn({ err: err.message }, 'stopping the scheduler failed'));
    await new Promise((r) => setTimeout(r, drainMs));
    logger.info({ ms: Date.now() - started }, 'drain over: closing the listener');
    await Promise.all([
      running.stop(graceMs - drainMs).catch((err: Error) => logger.warn({ err: err.message }, 'stopping the app failed')),
      schedulerStopped,
    ]);
    // One claimer for the scheduler and the arrival alerts: whatever either left unfinished goes back
    // now, so another replica or the restart sends it at once rather than when the lease runs out.
    const released = await releaseClaimsOf(database.db, claimer).catch(() => 0);
    if (released) logger.warn({ released }, 'gave back claims this process will not finish');
    await database.close().catch((err: Error) => logger.warn({ err: err.message }, 'closing the database failed'));
    logger.info({ ms: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return new Promise<number>(() => {});
}

const JOBS = ['morning', 'digest', 'speed-to-lead', 'purge'] as const;

async function runJob(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { at: { type: 'string' }, team: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [verb, job] = positionals;
  if (verb !== 'run' || !job || !(JOBS as readonly string[]).includes(job)) {
    throw new UsageError(`Usage: followup-coach jobs run <${JOBS.join('|')}> [--at <ISO-8601 time>] [--team <T>]`);
  }
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime()) || (values.at && !/^\d{4}-\d{2}-\d{2}T/.test(values.at))) {
    throw new UsageError(`--at must be an ISO-8601 time like 2026-12-01T13:00:00Z, not "${values.at}".`);
  }
  const config = loadConfig(process.env, { botToken: true });
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    const common = { database, client: jobSlackClient(config, logger), logger, at, teamId: values.team, leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000 };
    const sendRate = config.FOLLOWUP_SEND_RATE;
    const summary =
      job === 'purge'
        ? await purgeUninstalled({ database, at, retentionDays: config.FOLLOWUP_RETENTION_DAYS })
        : job === 'digest'
        ? await runDigest(common)
        : job === 'speed-to-lead'
          ? await runSpeedToLead({ ...common, sendRate })
          : await runMorning({ ...common, sendRate, concurrency: config.FOLLOWUP_SEND_CONCURRENCY });
    console.log(JSON.stringify(summary));
  } finally {
    await database.close();
  }
  return 0;
}

async function printWebhookSecret(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { team: { type: 'string' }, rotate: { type: 'boolean' } }, strict: true });
  if (!values.team || !/^[TE][A-Z0-9]{1,20}$/.test(values.team)) {
    throw new UsageError('Usage: followup-coach webhook-secret --team <T…> [--rotate]  (the Slack team id, e.g. T0123ABCD)');
  }
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    console.log(await webhookSecret(database.db, values.team, { rotate: values.rotate, now: new Date() }));
  } finally {
    await database.close();
  }
  return 0;
}

const IMPORT_USAGE = 'Usage: followup-coach import <file.csv> --team <T> --owner <U> [--dry-run]';
const EXPORT_USAGE = 'Usage: followup-coach export --team <T> [--owner <U>]';

/** The database (no Slack needed), and an owner resolver that asks Slack only when a token is set. */
async function openForIntake(teamId: string) {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  const now = clockFrom(config);
  const client = config.SLACK_BOT_TOKEN ? jobSlackClient(config, logger) : null;
  const resolver = createOwnerResolver({ db: database.db, teamId, client, logger, now });
  /** A rep of the team named by Slack id, e-mail or display name; else a one-line refusal. */
  const ownerOf = async (flag: string, raw: string) => {
    const found = await resolver.resolve(raw);
    if ('error' in found) throw new UsageError(`${flag} ${raw}: ${found.error}.`);
    return found.userId;
  };
  return { database, resolver, now, ownerOf };
}

/** parseArgs, with an unknown or malformed option reported as one line with the command's usage. */
function parseCommand<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} ${usage}`);
  }
}

async function importFile(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    { args, options: { team: { type: 'string' }, owner: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true },
    IMPORT_USAGE,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length || !values.team || !values.owner) throw new UsageError(IMPORT_USAGE);
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    // reported below
  }
  if (!isFile) throw new UsageError(`Cannot read "${file}": no such file.`);
  const { database, resolver, now, ownerOf } = await openForIntake(values.team);
  try {
    const defaultOwner = await ownerOf('--owner', values.owner);
    const summary = await importLeads(database.db, createReadStream(file), {
      teamId: values.team,
      defaultOwner,
      dryRun: values['dry-run'] ?? false,
      now: now(),
      resolveOwner: resolver,
    }).catch((err: unknown) => {
      throw err instanceof ImportRefused ? new UsageError(`Refused ${file}: ${err.message}.`) : err;
    });
    console.log(renderImportSummary(summary));
  } finally {
    await database.close();
  }
  return 0;
}

async function exportTeam(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    { args, options: { team: { type: 'string' }, owner: { type: 'string' } }, allowPositionals: true, strict: true },
    EXPORT_USAGE,
  );
  if (positionals.length || !values.team) throw new UsageError(EXPORT_USAGE);
  const { database, ownerOf } = await openForIntake(values.team);
  try {
    const [team] = await database.db.select({ id: teams.id }).from(teams).where(eq(teams.id, values.team));
    if (!team) throw new UsageError(`Unknown team "${values.team}": nothing of it is stored here.`);
    const owner = values.owner ? await ownerOf('--owner', values.owner) : undefined;
    await exportLeads(database.db, values.team, process.stdout, { owner }).catch((err: NodeJS.ErrnoException) => {
      // `export … | head` closes the pipe early: not a failure.
      if (err.code !== 'EPIPE') throw err;
    });
  } finally {
    await database.close();
  }
  return 0;
}

async function printManifest(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, socket: { type: 'boolean' } },
    strict: true,
  });
  if (values.url && values.socket) throw new UsageError('Choose one: --url <https://host> or --socket.');
  let manifest;
  try {
    manifest = buildManifest(await loadManifest(), { url: values.url, socket: values.socket });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  console.log(JSON.stringify(manifest, null, 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError || err instanceof DataDirBusyError) {
      console.error(err.message);
      process.exit(2);
    }
    // Scrubbed like a log line: a failed query's message carries the values it was bound to.
    const e = serializeError(err instanceof Error ? err : new Error(String(err)));
    const cause = e.cause as { message?: string; code?: string } | undefined;
    const code = e.code ?? cause?.code;
    console.error(`followup-coach: ${String(e.message)}${cause?.message ? `: ${cause.message}` : ''}${code ? ` (${String(code)})` : ''}`);
    process.exit(1);
  },
);
