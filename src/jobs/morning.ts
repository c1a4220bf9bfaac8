import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { and, eq, isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import { buildQueue } from '../coach/queue.js';
import type { Database, Db } from '../db/client.js';
import { forEachRepLeads } from '../db/queries/team-leads-cursor.js';
import { reps, teams } from '../db/schema.js';
import { morningMessage, type MorningMessage } from '../slack/ui/morning-message.js';
import { claimDelivery, finishDelivery, releaseDelivery, settledTargets } from './ledger.js';
import { morningDue } from './morning-schedule.js';
import { refreshStaleZones } from './refresh-zones.js';
import { forEachLimited, Pacer } from './pacer.js';
import { PERMANENT_SLACK_ERRORS, postDm, slackErrorCode, TEAM_GONE_ERRORS } from './post-dm.js';

export interface JobSummary {
  job: string;
  sent: number;
  skipped: number;
  failed: number;
}

export interface MorningOptions {
  database: Database;
  client: WebClient;
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

// Slack allows about one message a second per channel and a workspace-wide cap; DMs are one channel
// each, so the workspace cap is what binds. Ten a second keeps well under it.
export const DEFAULT_SEND_RATE = 10;
// One send in flight: a crash mid-send can then repeat at most that one message (DESIGN §2).
// Larger installs may trade that for speed with FOLLOWUP_SEND_CONCURRENCY.
const DEFAULT_CONCURRENCY = 1;
export interface Plan {
  userId: string;
  periodKey: string;
  message: MorningMessage | null;
}

/**
 * The morning DM (DESIGN §2): each rep whose local DM time has come today (weekdays, up to 4 hours
 * late) gets their ranked queue once — every send is claimed in the delivery ledger first, so
 * several replicas and a restart after a crash still send each rep one DM.
 */
export async function runMorning(opts: MorningOptions): Promise<JobSummary> {
  const summary: JobSummary = { job: 'morning', sent: 0, skipped: 0, failed: 0 };
  const claimer = opts.claimer ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pacer = new Pacer(opts.sendRate ?? DEFAULT_SEND_RATE);
  for (const teamId of await activeTeamIds(opts.database.db, opts.teamId)) {
    await refreshStaleZones(opts.database.db, opts.client, opts.logger, teamId, opts.at);
    const plans = await planMorning(opts.database.db, teamId, opts.at);
    const gone = new AbortController();
    const teamOpts = { ...opts, signal: anySignal(opts.signal, gone.signal) };
    await forEachLimited(plans, opts.concurrency ?? DEFAULT_CONCURRENCY, (plan) => deliver(teamOpts, teamId, plan, claimer, summary, pacer, () => gone.abort()));
  }
  return summary;
}

export async function activeTeamIds(db: Db, only?: string): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(isNull(teams.uninstalledAt), only ? eq(teams.id, only) : undefined));
  return rows.map((r) => r.id);
}

/**
 * Who is owed this morning's DM in a team, and what it says: a fixed number of statements per team
 * (the reps, the ledger, one cursor pass over the leads), whatever its size.
 */
export async function planMorning(db: Db, teamId: string, at: Date): Promise<Plan[]> {
  const teamReps = await db.select().from(reps).where(eq(reps.teamId, teamId));
  const due = new Map<string, { periodKey: string; zone: string }>();
  for (const rep of teamReps) {
    const when = morningDue(rep, at);
    if (when) due.set(rep.userId, { periodKey: when.periodKey, zone: rep.tz ?? 'UTC' });
  }
  if (due.size === 0) return [];
  const settled = await settledTargets(db, 'morning', teamId, [...due.values()].map((d) => d.periodKey), [...due.keys()]);
  for (const [userId, d] of due) if (settled.has(`${userId}|${d.periodKey}`)) due.delete(userId);
  if (due.size === 0) return [];

  // Plan from one cursor pass over the team; send afterwards (the cursor holds the connection).
  const plans: Plan[] = [];
  await forEachRepLeads(db, teamId, (ownerId, leads) => {
    const d = due.get(ownerId);
    if (!d) return;
    const clock = { now: at, zone: d.zone };
    plans.push({ userId: ownerId, periodKey: d.periodKey, message: morningMessage(buildQueue(leads, clock), clock) });
    due.delete(ownerId);
  }, undefined, [...due.keys()]);
  // Due reps who own no leads have nothing to hear about.
  for (const [userId, d] of due) plans.push({ userId, periodKey: d.periodKey, message: null });
  return plans;
}

const anySignal = (...signals: (AbortSignal | undefined)[]) => AbortSignal.any(signals.filter((s): s is AbortSignal => !!s));

async function deliver(opts: MorningOptions, teamId: string, plan: Plan, claimer: string, summary: JobSummary, pacer: Pacer, teamGone: () => void): Promise<void> {
  const { db } = opts.database;
  if (opts.signal?.aborted) return;
  const claim = await claimDelivery(db, { kind: 'morning', teamId, target: plan.userId, periodKey: plan.periodKey }, claimer, opts.leaseMs);
  if (!claim) return;
  const log = opts.logger.child({ job: 'morning', teamId, rep: plan.userId, period: plan.periodKey });
  if (!plan.message) {
    // Nothing due and no warnings: no message (and no re-planning this rep every minute).
    await finishDelivery(db, claim.id, { status: 'skipped', error: 'nothing due' });
    summary.skipped += 1;
    return;
  }
  try {
    const ts = await postDm(opts.client, pacer, log, plan.userId, plan.message);
    await finishDelivery(db, claim.id, { status: 'sent', slackTs: ts });
    summary.sent += 1;
    log.info('morning DM sent');
  } catch (err) {
    const code = slackErrorCode(err);
    if (TEAM_GONE_ERRORS.has(code)) teamGone();
    if (PERMANENT_SLACK_ERRORS.has(code)) {
      await finishDelivery(db, claim.id, { status: 'failed', error: code });
      log.warn({ error: code }, 'morning DM failed');
    } else {
      await releaseDelivery(db, claim.id, code);
      log.warn({ error: code }, 'morning DM failed; a later tick will retry');
    }
    summary.failed += 1;
  }
}
