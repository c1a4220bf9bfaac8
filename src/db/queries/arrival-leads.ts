import { and, eq, gt, inArray, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads, type Lead } from '../schema.js';

/** What an arrival alert, a speed-to-lead reminder or a manager's note shows of a lead. */
export type AlertLead = Pick<Lead, 'id' | 'name' | 'company' | 'email' | 'phone' | 'tier' | 'value' | 'source' | 'note' | 'createdAt' | 'ownerId' | 'createdBy'>;

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

/**
 * docs/rules.md#r2: a new arrival still untouched — inbound, open, not imported, not cold (R12), not a
 * customer. Leads added by hand without source:inbound, imports and customers never raise an alert.
 */
const untouchedArrival = (teamId: string): SQL =>
  and(
    eq(leads.teamId, teamId),
    eq(leads.touchCount, 0),
    eq(leads.status, 'open'),
    eq(leads.imported, false),
    eq(leads.inbound, true),
    notInArray(leads.tier, ['cold', 'customer'] satisfies Lead['tier'][]),
  )!;

/** Not yet sent, skipped, failed or in flight for the lead's owner under this ledger kind. */
const notSettledForOwner = (kind: string): SQL => sql`not exists (
  select 1 from deliveries d
  where d.kind = ${kind} and d.team_id = ${leads.teamId} and d.target = ${leads.ownerId} and d.period_key = ${leads.id}::text
    and (d.status <> 'claimed' or d.lease_until > now()))`;

/** The lead, if it is a new arrival still untouched whose owner is to be alerted. */
export async function untouchedArrivalToAlert(db: Queryable, teamId: string, leadId: string): Promise<AlertLead | undefined> {
  const [lead] = await db
    .select(alertColumns)
    .from(leads)
    .where(and(untouchedArrival(teamId), eq(leads.id, leadId), eq(leads.alertOwner, true)));
  return lead;
}

/**
 * Arrivals whose owner is still owed the alert under ledger `kind` (a send that failed or a process
 * that died): untouched, come in after `after` and by `until`, oldest first.
 */
export async function arrivalsOwedAlert(db: Queryable, teamId: string, kind: string, after: Date, until: Date): Promise<AlertLead[]> {
  return db
    .select(alertColumns)
    .from(leads)
    .where(and(untouchedArrival(teamId), eq(leads.alertOwner, true), gt(leads.createdAt, after), lte(leads.createdAt, until), notSettledForOwner(kind)))
    .orderBy(leads.createdAt);
}

/**
 * New arrivals (not snoozed at `at`) still untouched that came in after `after` and by `until`, oldest
 * first. docs/rules.md#r2: only inbound leads are held to the hour; one added by hand is never a miss.
 */
export async function untouchedArrivals(db: Queryable, teamId: string, at: Date, after: Date, until: Date): Promise<AlertLead[]> {
  return db
    .select(alertColumns)
    .from(leads)
    .where(
      and(
        untouchedArrival(teamId),
        or(isNull(leads.snoozedUntil), lte(leads.snoozedUntil, at)),
        lte(leads.createdAt, until),
        gt(leads.createdAt, after),
      ),
    )
    .orderBy(leads.createdAt);
}

/** Which of these leads' owners are still owed a message under ledger `kind`. */
export async function leadsOwedToOwner(db: Queryable, leadIds: string[], kind: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(inArray(leads.id, leadIds), notSettledForOwner(kind)));
  return new Set(rows.map((r) => r.id));
}
