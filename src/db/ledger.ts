import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from './client.js';
import { deliveries, type Delivery } from './schema.js';

export interface DeliveryKey {
  kind: string;
  teamId: string;
  target: string;
  periodKey: string;
}

// Long enough for one send with Slack's retries; a claim older than this belonged to a process that died.
export const LEASE_MS = 2 * 60_000;

/**
 * Claims one message (kind, team, target, period) for this process, atomically: a new row, or one
 * whose lease ran out (its claimer died mid-send). Null when another claim holds it or it is done.
 * No row lock is held afterwards, so Slack is never called inside a transaction.
 */
export async function claimDelivery(db: Queryable, key: DeliveryKey, claimer: string, leaseMs = LEASE_MS): Promise<Delivery | null> {
  const lease = sql`now() + make_interval(secs => ${leaseMs / 1000})`;
  const [row] = await db
    .insert(deliveries)
    .values({ ...key, status: 'claimed', attempts: 1, leaseUntil: lease, claimedBy: claimer })
    .onConflictDoUpdate({
      target: [deliveries.kind, deliveries.teamId, deliveries.target, deliveries.periodKey],
      set: { status: 'claimed', attempts: sql`${deliveries.attempts} + 1`, leaseUntil: lease, claimedBy: claimer, updatedAt: sql`now()` },
      setWhere: sql`${deliveries.status} = 'claimed' and ${deliveries.leaseUntil} < now()`,
    })
    .returning();
  return row ?? null;
}

export async function finishDelivery(
  db: Queryable,
  id: string,
  outcome: { status: 'sent'; slackTs: string } | { status: 'failed' | 'skipped'; error?: string },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: outcome.status,
      slackTs: outcome.status === 'sent' ? outcome.slackTs : null,
      error: outcome.status === 'sent' ? null : (outcome.error ?? null),
      leaseUntil: null,
      updatedAt: sql`now()`,
    })
    .where(eq(deliveries.id, id));
}

/** Gives a claim back (a passing failure): the next tick may try again. */
export async function releaseDelivery(db: Queryable, id: string, error: string): Promise<void> {
  await db.update(deliveries).set({ leaseUntil: sql`now() - interval '1 second'`, error, updatedAt: sql`now()` }).where(eq(deliveries.id, id));
}

/** Which of these targets already have a row for the period (sent, skipped, failed or in flight). */
export async function settledTargets(db: Queryable, kind: string, teamId: string, periodKeys: string[], targets: string[]): Promise<Set<string>> {
  if (targets.length === 0) return new Set();
  const rows = await db
    .select({ target: deliveries.target, periodKey: deliveries.periodKey, status: deliveries.status, leaseUntil: deliveries.leaseUntil })
    .from(deliveries)
    .where(and(eq(deliveries.kind, kind), eq(deliveries.teamId, teamId), inArray(deliveries.periodKey, [...new Set(periodKeys)]), inArray(deliveries.target, targets)));
  const now = Date.now();
  // An expired claim is not settled: its process died and the message is still owed.
  return new Set(
    rows.filter((r) => r.status !== 'claimed' || (r.leaseUntil && r.leaseUntil.getTime() > now)).map((r) => `${r.target}|${r.periodKey}`),
  );
}

/** At shutdown: claims this process holds and will not finish are given back at once, not at lease end. */
export async function releaseClaimsOf(db: Queryable, claimer: string): Promise<number> {
  const rows = await db
    .update(deliveries)
    .set({ leaseUntil: sql`now() - interval '1 second'`, error: 'released at shutdown', updatedAt: sql`now()` })
    .where(and(eq(deliveries.claimedBy, claimer), eq(deliveries.status, 'claimed')))
    .returning({ id: deliveries.id });
  return rows.length;
}
