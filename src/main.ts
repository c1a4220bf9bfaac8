#!/usr/bin/env node
import { createReadStream, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { eq } from 'drizzle-orm';
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
import { startScheduler } from './jobs/scheduler.js';
import { jobSlackClient } from './jobs/slack-client.js';
import { startSlackApp } from './slack/app.js';
import { buildManifest, loadManifest } from './slack/manifest.js';

const USAGE = `Usage: followup-coach <command>

Commands:
  serve                         run the Slack app, its HTTP endpoints and the scheduler
  migrate                       apply the database migrations and exit
  jobs run <morning|digest> [--at <ISO-8601 time>] [--team <T>]
                                run one scheduler job now, as if the clock read --at; prints a JSON summary
  manifest [--url <https://host> | --socket]
                                print the Slack app manifest for your host, or for Socket Mode
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
  const running = await startSlackApp({ config, logger, database, now }).catch(async (err) => {
    await database.close();
    throw err;
  });

  const scheduler = startScheduler({
    database,
    client: jobSlackClient(config, logger),
    logger,
    now,
    cron: config.FOLLOWUP_TICK,
    sendRate: config.FOLLOWUP_SEND_RATE,
    concurrency: config.FOLLOWUP_SEND_CONCURRENCY,
    leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal means "now".
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await running.stop().catch((err) => logger.warn({ err: err.message }, 'stopping the app failed'));
    await scheduler.stop().catch((err) => logger.warn({ err: err.message }, 'stopping the scheduler failed'));
    await database.close().catch((err) => logger.warn({ err: err.message }, 'closing the database failed'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return new Promise<number>(() => {});
}

const JOBS = ['morning', 'digest'] as const;

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
    const summary =
      job === 'digest'
        ? await runDigest(common)
        : await runMorning({ ...common, sendRate: config.FOLLOWUP_SEND_RATE, concurrency: config.FOLLOWUP_SEND_CONCURRENCY });
    console.log(JSON.stringify(summary));
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
    const e = err as Error & { code?: string };
    console.error(`followup-coach: ${e.message ?? String(err)}${e.code ? ` (${e.code})` : ''}`);
    process.exit(1);
  },
);
