import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { and, eq, gt, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Logger } from 'pino';
import { SPEED_TO_LEAD_MS } from '../coach/warnings.js';
import type { Database, Db } from '../db/client.js';
import { leads, reps, type Lead } from '../db/schema.js';
import { arrivalAlert, speedToLeadManagerNote, speedToLeadReminder, type AlertMessage, type ArrivalLead } from '../slack/ui/arrival-alert.js';
import { claimDelivery, finishDelivery, releaseDelivery, settledTargets } from './ledger.js';
import { activeTeamIds, DEFAULT_SEND_RATE, type JobSummary, type MorningOptions } from './morning.js';
import { Pacer } from './pacer.js';
import { PERMANENT_SLACK_ERRORS, postDm, slackErrorCode } from './post-dm.js';

// Ledger kinds: each (lead, person) is told once.
export const KIND = { arrival: 'lead-arrival', reminder: 'speed-to-lead-reminder', manager: 'speed-to-lead-manager' } as const;
// A lead older than this is the digest's business (R15), not an alert's: a first deploy or a long
// outage does not page anyone about last month's leads.
export const ALERT_HORIZON_MS = 24 * 60 * 60 * 1000;

export interface SpeedToLeadSummary extends JobSummary {
  arrivals: number;
  reminders: number;
  managerNotes: number;
}

export interface AlertDeps {
  database: Database;
  client: WebClient;
  logger: Logger;
  pacer: Pacer;
  claimer: string;
  leaseMs?: number;
  signal?: AbortSignal;
}

type Outcome = 'sent' | 'failed' | 'none';

const alertColumns = {
  id: leads.id,
  name: leads.name,
  company: leads.company,
  email: leads.email,
  phone: leads.phone,
  tier: leads.tier,
  value: leads.value,
  source: leads.source,
  note: leads.note,
  createdAt: leads.createdAt,
  ownerId: leads.ownerId,
  createdBy: leads.createdBy,
};

const untouchedArrival = (teamId: string): SQL =>
  and(eq(leads.teamId, teamId), eq(leads.touchCount, 0), eq(leads.status, 'open'), eq(leads.imported, false))!;

/** Not yet sent, skipped, failed or in flight for the lead's owner under this ledger kind. */
const notSettledForOwner = (kind: string): SQL => sql`not exists (
  select 1 from deliveries d
  where d.kind = ${kind} and d.team_id = ${leads.teamId} and d.target = ${leads.ownerId} and d.period_key = ${leads.id}::text
    and (d.status <> 'claimed' or d.lease_until > now()))`;

/**
 * Claims (target, lead) for each lead, sends one message for those this process won, and settles
 * them all with its outcome. A 429 is waited out; a passing failure gives the claims back.
 */
async function sendGrouped(deps: AlertDeps, kind: string, teamId: string, target: string, group: ArrivalLead[], build: (claimed: ArrivalLead[]) => AlertMessage): Promise<Outcome> {
  const { db } = deps.database;
  if (deps.signal?.aborted) return 'none';
  const claimed: { lead: ArrivalLead; deliveryId: string }[] = [];
  for (const lead of group) {
    const claim = await claimDelivery(db, { kind, teamId, target, periodKey: lead.id }, deps.claimer, deps.leaseMs);
    if (claim) claimed.push({ lead, deliveryId: claim.id });
  }
  if (claimed.length === 0) return 'none';
  const log = deps.logger.child({ job: 'speed-to-lead', kind, teamId, target, leads: claimed.length });
  try {
    const ts = await postDm(deps.client, deps.pacer, log, target, build(claimed.map((c) => c.lead)));
    for (const c of claimed) await finishDelivery(db, c.deliveryId, { status: 'sent', slackTs: ts });
    log.info('speed-to-lead message sent');
    return 'sent';
  } catch (err) {
    const code = slackErrorCode(err);
    for (const c of claimed) {
      if (PERMANENT_SLACK_ERRORS.has(code)) await finishDelivery(db, c.deliveryId, { status: 'failed', error: code });
      else await releaseDelivery(db, c.deliveryId, code);
    }
    log.warn({ error: code }, 'speed-to-lead message failed');
    return 'failed';
  }
}

/**
 * R2, at once: the owner of a lead they did not add themselves (web form, someone else's add,
 * round-robin) is told now. Once per lead (ledger); a lead already touched needs no alert.
 */
export async function sendArrivalAlert(deps: AlertDeps, teamId: string, leadId: string): Promise<Outcome> {
  const [lead] = await deps.database.db
    .select(alertColumns)
    .from(leads)
    .where(and(untouchedArrival(teamId), eq(leads.id, leadId), eq(leads.alertOwner, true)));
  if (!lead) return 'none';
  return sendGrouped(deps, KIND.arrival, teamId, lead.ownerId, [lead], ([one]) => arrivalAlert(one!));
}

const byOwner = (rows: ArrivalLead[]): Map<string, ArrivalLead[]> => {
  const groups = new Map<string, ArrivalLead[]>();
  for (const row of rows) groups.set(row.ownerId, [...(groups.get(row.ownerId) ?? []), row]);
  return groups;
};

/**
 * The speed-to-lead job (`jobs run speed-to-lead`, every scheduler tick): arrival alerts still owed
 * (a send that failed or a process that died), then, for new leads untouched an hour after they came
 * in, a reminder to the owner and a note to the team's managers — each exactly once per lead.
 */
export async function runSpeedToLead(opts: Omit<MorningOptions, 'concurrency'>): Promise<SpeedToLeadSummary> {
  const summary: SpeedToLeadSummary = { job: 'speed-to-lead', sent: 0, skipped: 0, failed: 0, arrivals: 0, reminders: 0, managerNotes: 0 };
  const deps: AlertDeps = {
    database: opts.database,
    client: opts.client,
    logger: opts.logger,
    pacer: new Pacer(opts.sendRate ?? DEFAULT_SEND_RATE),
    claimer: opts.claimer ?? `${process.pid}-${randomUUID().slice(0, 8)}`,
    leaseMs: opts.leaseMs,
    signal: opts.signal,
  };
  const count = (outcome: Outcome, field: 'arrivals' | 'reminders' | 'managerNotes') => {
    if (outcome === 'sent') {
      summary.sent += 1;
      summary[field] += 1;
    } else if (outcome === 'failed') summary.failed += 1;
  };
  const { db } = opts.database;
  const hourAgo = new Date(opts.at.getTime() - SPEED_TO_LEAD_MS);
  for (const teamId of await activeTeamIds(db, opts.teamId)) {
    const owed = await db
      .select(alertColumns)
      .from(leads)
      .where(and(untouchedArrival(teamId), eq(leads.alertOwner, true), gt(leads.createdAt, hourAgo), lte(leads.createdAt, opts.at), notSettledForOwner(KIND.arrival)))
      .orderBy(leads.createdAt);
    for (const lead of owed) count(await sendGrouped(deps, KIND.arrival, teamId, lead.ownerId, [lead], ([one]) => arrivalAlert(one!)), 'arrivals');

    const missed = await missedLeads(db, teamId, opts.at);
    if (missed.length === 0) continue;
    const owedReminder = new Set(
      (
        await db
          .select({ id: leads.id })
          .from(leads)
          .where(and(inArray(leads.id, missed.map((l) => l.id)), notSettledForOwner(KIND.reminder)))
      ).map((r) => r.id),
    );
    for (const [ownerId, group] of byOwner(missed.filter((l) => owedReminder.has(l.id)))) {
      count(await sendGrouped(deps, KIND.reminder, teamId, ownerId, group, (claimed) => speedToLeadReminder(claimed, opts.at)), 'reminders');
    }
    for (const managerId of await managersOf(db, teamId, opts.at)) {
      // A manager's own leads are covered by their reminder.
      const theirs = missed.filter((l) => l.ownerId !== managerId);
      const settled = await settledTargets(db, KIND.manager, teamId, theirs.map((l) => l.id), [managerId]);
      const group = theirs.filter((l) => !settled.has(`${managerId}|${l.id}`));
      if (group.length) count(await sendGrouped(deps, KIND.manager, teamId, managerId, group, (claimed) => speedToLeadManagerNote(claimed, opts.at)), 'managerNotes');
    }
  }
  return summary;
}

/** R2's misses: new arrivals (not imported, not cold, not snoozed) untouched an hour after they came in. */
async function missedLeads(db: Db, teamId: string, at: Date): Promise<ArrivalLead[]> {
  return db
    .select(alertColumns)
    .from(leads)
    .where(
      and(
        untouchedArrival(teamId),
        ne(leads.tier, 'cold' satisfies Lead['tier']),
        or(isNull(leads.snoozedUntil), lte(leads.snoozedUntil, at)),
        lte(leads.createdAt, new Date(at.getTime() - SPEED_TO_LEAD_MS)),
        gt(leads.createdAt, new Date(at.getTime() - ALERT_HORIZON_MS)),
      ),
    )
    .orderBy(leads.createdAt);
}

async function managersOf(db: Db, teamId: string, at: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: reps.userId })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), eq(reps.isManager, true), eq(reps.isGuest, false), or(isNull(reps.dmsPausedUntil), lte(reps.dmsPausedUntil, at))));
  return rows.map((r) => r.userId);
}
