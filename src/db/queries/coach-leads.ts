import { and, eq, ne, sql } from 'drizzle-orm';
import type { CoachLead } from '../../coach/types.js';
import type { Queryable } from '../client.js';
import { leads, nextSteps } from '../schema.js';

export interface CoachLeadScope {
  teamId: string;
  /** One rep's leads (R13); omit for the whole team. */
  ownerId?: string;
}

/** The lead columns the coach reads, and the open step's (the same list serves the team cursor). */
export const COACH_COLUMNS = sql`l.id, l.name, l.company, l.owner_id, l.tier, l.value, l.status, l.created_at, l.imported,
  l.touch_count, l.first_touch_at, l.last_touch_at, l.last_touch_channel, l.snoozed_until, l.revived_at, l.won_at,
  l.signal_count, l.their_kept, l.their_missed, l.touches_since_progress,
  s.action as step_action, s.due_at as step_due_at, s.all_day as step_all_day, s.promised as step_promised,
  s.their_commitment as step_their_commitment, s.origin as step_origin`;

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
