import { and, eq, ne } from 'drizzle-orm';
import type { CoachLead } from '../../coach/types.js';
import type { Queryable } from '../client.js';
import { leads, nextSteps } from '../schema.js';

export interface CoachLeadScope {
  teamId: string;
  /** One rep's leads (R13); omit for the whole team. */
  ownerId?: string;
}

/**
 * One rep's (or a small team's) coach input in one statement. The per-lead aggregates (signals,
 * commitments, touches since progress, last channel) are kept on the lead by every write, so this
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
      touchCount: leads.touchCount,
      firstTouchAt: leads.firstTouchAt,
      lastTouchAt: leads.lastTouchAt,
      lastTouchChannel: leads.lastTouchChannel,
      snoozedUntil: leads.snoozedUntil,
      revivedAt: leads.revivedAt,
      wonAt: leads.wonAt,
      signalCount: leads.signalCount,
      theirKept: leads.theirKept,
      theirMissed: leads.theirMissed,
      touchesSinceProgress: leads.touchesSinceProgress,
      step: {
        id: nextSteps.id,
        theirStatus: nextSteps.theirStatus,
        action: nextSteps.action,
        dueAt: nextSteps.dueAt,
        allDay: nextSteps.allDay,
        promised: nextSteps.promised,
        theirCommitment: nextSteps.theirCommitment,
        origin: nextSteps.origin,
      },
    })
    .from(leads)
    .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
    .where(and(eq(leads.teamId, scope.teamId), scope.ownerId ? eq(leads.ownerId, scope.ownerId) : undefined, ne(leads.status, 'lost')))
    .orderBy(leads.id);
  return rows.map(({ step, ...lead }) => ({ ...lead, openStep: step }));
}
