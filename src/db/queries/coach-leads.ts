import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { CoachLead } from '../../coach/types.js';
import type { Queryable } from '../client.js';
import { leads, nextSteps } from '../schema.js';

export interface CoachLeadScope {
  teamId: string;
  /** One rep's leads (R13); omit for the whole team. */
  ownerId?: string;
  /**
   * Only imported leads still waiting for a planned first contact at this time (docs/rules.md#r2):
   * open, not cold, never touched, no open step, not snoozed. Served by `leads_waiting_imports_idx`.
   */
  waitingForPlan?: Date;
}

/**
 * One rep's (or a small team's) coach input in one statement. The per-lead aggregates (signals,
 * commitments, touches since engagement, last channel) are kept on the lead by every write, so this
 * reads one row per lead and never the touch history: memory stays flat however many touches there are.
 */
export async function loadCoachLeads(db: Queryable, scope: CoachLeadScope): Promise<CoachLead[]> {
  const rows = await db
    .select({
      // Only what the coach reads: fewer columns to move and map for a rep with thousands of leads.
      id: leads.id,
      name: leads.name,
      company: leads.company,
      ownerId: leads.ownerId,
      tier: leads.tier,
      value: leads.value,
      status: leads.status,
      createdAt: leads.createdAt,
      imported: leads.imported,
      inbound: leads.inbound,
      referredBy: leads.referredBy,
      lastOutcome: leads.lastOutcome,
      positiveSignalCount: leads.positiveSignalCount,
      touchCount: leads.touchCount,
      firstTouchAt: leads.firstTouchAt,
      lastTouchAt: leads.lastTouchAt,
      lastTouchChannel: leads.lastTouchChannel,
      snoozedUntil: leads.snoozedUntil,
      snoozeReason: leads.snoozeReason,
      snoozeCount: leads.snoozeCount,
      snoozedDaysTotal: leads.snoozedDaysTotal,
      revivedAt: leads.revivedAt,
      wonAt: leads.wonAt,
      signalCount: leads.signalCount,
      theirKept: leads.theirKept,
      theirMissed: leads.theirMissed,
      touchesSinceEngagement: leads.touchesSinceEngagement,
      step: {
        id: nextSteps.id,
        action: nextSteps.action,
        dueAt: nextSteps.dueAt,
        allDay: nextSteps.allDay,
        promised: nextSteps.promised,
        theirCommitment: nextSteps.theirCommitment,
        theirStatus: nextSteps.theirStatus,
        origin: nextSteps.origin,
      },
    })
    .from(leads)
    .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
    .where(
      and(
        eq(leads.teamId, scope.teamId),
        scope.ownerId ? eq(leads.ownerId, scope.ownerId) : undefined,
        ne(leads.status, 'lost'),
        scope.waitingForPlan ? waitingForPlan(scope.waitingForPlan) : undefined,
      ),
    )
    .orderBy(leads.id);
  return rows.map(({ step, ...lead }) => ({ ...lead, openStep: step }));
}

const waitingForPlan = (now: Date) =>
  and(
    eq(leads.imported, true),
    eq(leads.touchCount, 0),
    eq(leads.status, 'open'),
    ne(leads.tier, 'cold'),
    isNull(nextSteps.id),
    or(isNull(leads.snoozedUntil), lte(leads.snoozedUntil, sql`${now.toISOString()}::timestamptz`)),
  );
