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
    .select({ lead: leads, step: nextSteps })
    .from(leads)
    .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
    .where(and(eq(leads.teamId, scope.teamId), scope.ownerId ? eq(leads.ownerId, scope.ownerId) : undefined, ne(leads.status, 'lost')))
    .orderBy(leads.id);
  return rows.map(({ lead, step }) => ({
    id: lead.id,
    name: lead.name,
    company: lead.company,
    ownerId: lead.ownerId,
    tier: lead.tier,
    value: lead.value,
    status: lead.status,
    createdAt: lead.createdAt,
    imported: lead.imported,
    touchCount: lead.touchCount,
    firstTouchAt: lead.firstTouchAt,
    lastTouchAt: lead.lastTouchAt,
    lastTouchChannel: lead.lastTouchChannel,
    snoozedUntil: lead.snoozedUntil,
    revivedAt: lead.revivedAt,
    wonAt: lead.wonAt,
    signalCount: lead.signalCount,
    theirKept: lead.theirKept,
    theirMissed: lead.theirMissed,
    touchesSinceProgress: lead.touchesSinceProgress,
    openStep: step
      ? { action: step.action, dueAt: step.dueAt, allDay: step.allDay, promised: step.promised, theirCommitment: step.theirCommitment, origin: step.origin }
      : null,
  }));
}
