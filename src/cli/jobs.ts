// `followup-coach jobs run <job>`: one scheduler job now, as if the clock read --at.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { runDigest } from '../jobs/digest.js';
import { runMorning } from '../jobs/morning.js';
import { purgeUninstalled } from '../jobs/purge.js';
import { runSpeedToLead } from '../jobs/speed-to-lead.js';
import { createLogger } from '../logger.js';
import { UsageError } from './usage-error.js';
import { commandTeamClients } from './team-clients.js';
import { withDatabase } from './with-database.js';

const JOBS = ['morning', 'digest', 'speed-to-lead', 'purge'] as const;

export async function jobsCommand(args: string[]): Promise<number> {
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
  await withDatabase(config, async (database) => {
    const common = { database, clients: commandTeamClients(config, logger, database), logger, at, teamId: values.team, leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000 };
    const summary =
      job === 'purge'
        ? await purgeUninstalled({ database, at, retentionDays: config.FOLLOWUP_RETENTION_DAYS })
        : job === 'digest'
        ? await runDigest(common)
        : job === 'speed-to-lead'
          ? await runSpeedToLead(common)
          : await runMorning({ ...common, concurrency: config.FOLLOWUP_SEND_CONCURRENCY });
    console.log(JSON.stringify(summary));
  });
  return 0;
}
