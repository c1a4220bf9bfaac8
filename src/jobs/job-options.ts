import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { SlackClient } from '../outbound/slack-client.js';

/** What one run of a job did, counted by outcome (the scheduler logs it and counts it in metrics). */
export interface JobSummary {
  job: string;
  sent: number;
  skipped: number;
  failed: number;
}

/** What every sending job runs with (the morning DM, the digest, speed-to-lead). */
export interface JobOptions {
  database: Database;
  client: SlackClient;
  logger: Logger;
  /** The time the job acts as of (the tick's clock, or `jobs run --at`). */
  at: Date;
  teamId?: string;
  /** Names this process in the ledger. */
  claimer?: string;
  /** Aborted at shutdown: no new sends start; the one in flight finishes. */
  signal?: AbortSignal;
  /** Messages a second to Slack, workspace-wide (default 10), and sends in flight at once (default 1). */
  sendRate?: number;
  concurrency?: number;
  leaseMs?: number;
}

/** A ledger claimer name for a run that was given none: unique to this process and run. */
export const newClaimer = (): string => `${process.pid}-${randomUUID().slice(0, 8)}`;
