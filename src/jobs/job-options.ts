import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { TeamClients } from '../outbound/team-clients.js';

/** What one run of a job did, counted by outcome (the scheduler logs it and counts it in metrics). */
export interface JobSummary {
  job: string;
  sent: number;
  skipped: number;
  failed: number;
  /** Teams that were owed a message but have no installation (no token): nothing went to them. Left out when none. */
  noInstall?: number;
}

/** What every sending job runs with (the morning DM, the digest, speed-to-lead). */
export interface JobOptions {
  database: Database;
  /** Each team's Slack client and pacer; a team with none is skipped and counted in noInstall. */
  clients: TeamClients;
  logger: Logger;
  /** The time the job acts as of (the tick's clock, or `jobs run --at`). */
  at: Date;
  teamId?: string;
  /** Names this process in the ledger. */
  claimer?: string;
  /** Aborted at shutdown: no new sends start; the one in flight finishes. */
  signal?: AbortSignal;
  /** Sends in flight at once per team (default 1); the pace is each team's pacer's. */
  concurrency?: number;
  leaseMs?: number;
}

// Teams already warned about for want of an installation, per log (one logger serves a process's
// every tick): a team left uninstalled is warned about once, then noted at debug every minute.
const warnedNoInstall = new WeakMap<Logger, Set<string>>();

/**
 * Counts, in the summary's noInstall, each team passed over for want of an installation, once per
 * run, and says which in the log (a warning the first time for the team, then at debug).
 */
export function noInstallCounter(summary: JobSummary, logger: Logger): (teamId: string) => void {
  const counted = new Set<string>();
  const warned = warnedNoInstall.get(logger) ?? new Set<string>();
  warnedNoInstall.set(logger, warned);
  return (teamId) => {
    if (counted.has(teamId)) return;
    counted.add(teamId);
    summary.noInstall = (summary.noInstall ?? 0) + 1;
    const level = warned.has(teamId) ? 'debug' : 'warn';
    warned.add(teamId);
    logger[level]({ job: summary.job, teamId }, 'no Slack installation for this team: its messages wait for one');
  };
}

/** A ledger claimer name for a run that was given none: unique to this process and run. */
export const newClaimer = (): string => `${process.pid}-${randomUUID().slice(0, 8)}`;
