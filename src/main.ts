#!/usr/bin/env node
// The command line: reads the command, runs its file under src/cli/, and turns a failure into an
// exit code (2 with one line for what the operator can fix, 1 otherwise).
import { demoCommand } from './cli/demo.js';
import { exportCommand } from './cli/export.js';
import { importCommand } from './cli/import.js';
import { installsCommand } from './cli/installs.js';
import { jobsCommand } from './cli/jobs.js';
import { keysCommand } from './cli/keys.js';
import { manifestCommand } from './cli/manifest.js';
import { migrateCommand } from './cli/migrate.js';
import { serveCommand } from './cli/serve.js';
import { UsageError } from './cli/usage-error.js';
import { printUsage, USAGE } from './cli/usage.js';
import { webhookSecretCommand } from './cli/webhook-secret.js';
import { ConfigError } from './config.js';
import { DataDirBusyError } from './db/data-dir-lock.js';
import { serializeError } from './log-scrub.js';
import { SecretKeyError } from './secrets/sealed.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serveCommand();
    case 'migrate':
      return migrateCommand();
    case 'manifest':
      return manifestCommand(rest);
    case 'jobs':
      return jobsCommand(rest);
    case 'webhook-secret':
      return webhookSecretCommand(rest);
    case 'keys':
      return keysCommand(rest);
    case 'installs':
      return installsCommand(rest);
    case 'demo':
      return demoCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return printUsage();
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError || err instanceof DataDirBusyError || err instanceof SecretKeyError) {
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
