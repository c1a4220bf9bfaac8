import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { TeamClients } from '../outbound/team-clients.js';
import { runDigest } from './digest.js';
import type { JobSummary } from './job-options.js';
import { runMorning } from './morning.js';
import { runSpeedToLead } from './speed-to-lead.js';
import { purgeUninstalled } from './purge.js';
import type { Metrics } from '../observability/metrics.js';

export interface Scheduler {
  /**
   * Stops ticking and starts no new send; the one in flight may finish, for at most `graceMs`. Its
   * unfinished claims are the caller's to give back (releaseClaimsOf), once for every claimer of the process.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * One tick a minute (every replica ticks; the ledger makes each message go out once). A tick that
 * is still running when the next is due is not doubled.
 */
export interface SchedulerOptions {
  database: Database;
  /** Each team's Slack client and pacer (shared with the app's arrival alerts). */
  clients: TeamClients;
  logger: Logger;
  now?: () => Date;
  cron?: string;
  concurrency?: number;
  leaseMs?: number;
  /** Names this process in the ledger, so its unfinished claims can be given back at shutdown. */
  claimer?: string;
  metrics?: Metrics;
  /** Uninstalled teams' data is purged this many days on; unset: no purge. */
  retentionDays?: number;
  /** Told when a tick has finished, with the time it acted as of (the demo waits on it). */
  onTick?: (at: Date) => void;
}

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const now = opts.now ?? (() => new Date());
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  const runOne = async (job: string, run: () => Promise<JobSummary>) => {
    const started = Date.now();
    try {
      const summary = await run();
      for (const outcome of ['sent', 'skipped', 'failed'] as const) if (summary[outcome]) opts.metrics?.messages.inc({ job, outcome }, summary[outcome]);
      if (summary.noInstall) opts.metrics?.teamsWithoutInstall.inc({ job }, summary.noInstall);
      opts.logger.info({ ...summary, ms: Date.now() - started, outcome: summary.failed ? 'some failed' : 'ok' }, 'job run');
    } catch (err) {
      // One job failing (the database away, say) does not keep the others from their turn.
      opts.logger.error({ job, ms: Date.now() - started, outcome: 'error', err: (err as Error).message }, 'job run');
    }
  };
  const tick = () => {
    if (running || abort.signal.aborted) return;
    const at = now();
    const common = { database: opts.database, clients: opts.clients, logger: opts.logger, at, leaseMs: opts.leaseMs, claimer: opts.claimer, signal: abort.signal };
    running = (async () => {
      await runOne('morning', () => runMorning({ ...common, concurrency: opts.concurrency }));
      await runOne('digest', () => runDigest(common));
      await runOne('speed-to-lead', () => runSpeedToLead(common));
      if (opts.retentionDays !== undefined) await runOne('purge', () => purgeUninstalled({ database: opts.database, at, retentionDays: opts.retentionDays! }));
    })().finally(() => {
      running = null;
      opts.onTick?.(at);
    });
  };
  const task = cron.schedule(opts.cron ?? '* * * * *', tick);
  // A restart catches up at once rather than waiting for the next minute.
  tick();
  return {
    async stop(graceMs = 20_000) {
      await task.stop();
      abort.abort();
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
