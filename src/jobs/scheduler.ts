import cron from 'node-cron';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { runDigest } from './digest.js';
import { runMorning, type JobSummary } from './morning.js';
import { runSpeedToLead } from './speed-to-lead.js';

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * One tick a minute (every replica ticks; the ledger makes each message go out once). A tick that
 * is still running when the next is due is not doubled.
 */
export interface SchedulerOptions {
  database: Database;
  client: WebClient;
  logger: Logger;
  now?: () => Date;
  cron?: string;
  sendRate?: number;
  concurrency?: number;
  leaseMs?: number;
  /** Told when a tick has finished, with the time it acted as of (the demo waits on it). */
  onTick?: (at: Date) => void;
}

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    const started = Date.now();
    const at = now();
    const common = { database: opts.database, client: opts.client, logger: opts.logger, at, leaseMs: opts.leaseMs };
    const report = (summary: JobSummary) => {
      if (summary.sent + summary.failed > 0) opts.logger.info({ ...summary, ms: Date.now() - started }, 'job run');
    };
    running = runMorning({ ...common, sendRate: opts.sendRate, concurrency: opts.concurrency })
      .then(report)
      .then(() => runDigest(common))
      .then(report)
      .then(() => runSpeedToLead({ ...common, sendRate: opts.sendRate }))
      .then(report)
      .catch((err: Error) => opts.logger.error({ err: err.message }, 'job failed'))
      .finally(() => {
        running = null;
        opts.onTick?.(at);
      });
  };
  const task = cron.schedule(opts.cron ?? '* * * * *', tick);
  // A restart catches up at once rather than waiting for the next minute.
  tick();
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
