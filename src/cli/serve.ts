// `followup-coach serve`: the Slack app, its HTTP endpoints and the scheduler, until a signal stops them.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { clockFrom, loadConfig } from '../config.js';
import { releaseClaimsOf } from '../db/ledger.js';
import { startScheduler } from '../jobs/scheduler.js';
import { createLogger } from '../logger.js';
import { InFlight } from '../observability/in-flight.js';
import { createMetrics } from '../observability/metrics.js';
import { startSlackApp } from '../slack/app.js';
import { installationCacheFor } from '../install/installation-cache.js';
import { commandTeamClients } from './team-clients.js';
import { sealSecretsAtStart } from './secrets-at-start.js';
import { openMigrated } from './with-database.js';

export async function serveCommand(): Promise<number> {
  const config = loadConfig(process.env, { slack: true });
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openMigrated(config);
  await sealSecretsAtStart(database, config, logger, { warnWithoutKeys: true }).catch(async (err) => {
    await database.close();
    throw err;
  });
  const now = clockFrom(config);
  const metrics = createMetrics();
  const inFlight = new InFlight();
  const claimer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  // One set of team clients for the scheduler and the arrival alerts: a team's sends share its pace.
  // In OAuth mode they share the installs' cache with the app, so an uninstall drops the token for both.
  const installations = installationCacheFor(config, database.db);
  const clients = commandTeamClients(config, logger, database, metrics, installations);
  const running = await startSlackApp({ config, logger, database, now, clients, installations, metrics, inFlight, claimer }).catch(async (err) => {
    await database.close();
    throw err;
  });

  const scheduler = startScheduler({
    database,
    clients,
    logger,
    now,
    cron: config.FOLLOWUP_TICK,
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
