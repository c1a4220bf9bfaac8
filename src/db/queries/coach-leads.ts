import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { CoachLead, TouchChannel } from '../../coach/types.js';
import type { Queryable } from '../client.js';
import { leads, nextSteps, touches } from '../schema.js';

export interface CoachLeadScope {
  teamId: string;
  /** One rep's leads (R13); omit for the whole team (a manager's view). */
  ownerId?: string;
}

/**
 * The coach's input for a rep or a team in three set-based queries' worth of work (one statement
 * with two grouped CTEs): per-lead aggregates come from SQL, never raw touch lists, so memory stays
 * flat however many touches there are.
 */
export async function loadCoachLeads(db: Queryable, scope: CoachLeadScope): Promise<CoachLead[]> {
  const inScope = (extra?: SQL) =>
    and(eq(leads.teamId, scope.teamId), scope.ownerId ? eq(leads.ownerId, scope.ownerId) : undefined, ne(leads.status, 'lost'), extra);

  const touchStats = db.$with('touch_stats').as(
    db
      .select({
        leadId: touches.leadId,
        signalCount: sql<number>`coalesce(sum(cardinality(${touches.signals})), 0)::int`.as('signal_count'),
        lastChannel: sql<TouchChannel | null>`(array_agg(${touches.channel} order by ${touches.occurredAt} desc, ${touches.id} desc))[1]`.as(
          'last_channel',
        ),
        sinceProgress: sql<number>`(count(*) filter (where ${leads.progressAt} is null or ${touches.occurredAt} > ${leads.progressAt}))::int`.as(
          'since_progress',
        ),
      })
      .from(touches)
      .innerJoin(leads, eq(leads.id, touches.leadId))
      .where(inScope())
      .groupBy(touches.leadId),
  );
  const commitments = db.$with('commitments').as(
    db
      .select({
        leadId: nextSteps.leadId,
        kept: sql<number>`(count(*) filter (where ${nextSteps.theirStatus} = 'kept'))::int`.as('their_kept'),
        missed: sql<number>`(count(*) filter (where ${nextSteps.theirStatus} = 'missed'))::int`.as('their_missed'),
      })
      .from(nextSteps)
      .innerJoin(leads, eq(leads.id, nextSteps.leadId))
      .where(inScope(sql`${nextSteps.theirStatus} in ('kept', 'missed')`))
      .groupBy(nextSteps.leadId),
  );

  const rows = await db
    .with(touchStats, commitments)
    .select({
      lead: leads,
      step: nextSteps,
      signalCount: touchStats.signalCount,
      lastChannel: touchStats.lastChannel,
      sinceProgress: touchStats.sinceProgress,
      kept: commitments.kept,
      missed: commitments.missed,
    })
    .from(leads)
    .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
    .leftJoin(touchStats, eq(touchStats.leadId, leads.id))
    .leftJoin(commitments, eq(commitments.leadId, leads.id))
    .where(inScope())
    .orderBy(leads.id);

  return rows.map(({ lead, step, ...agg }) => ({
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
    lastTouchChannel: agg.lastChannel ?? null,
    snoozedUntil: lead.snoozedUntil,
    revivedAt: lead.revivedAt,
    wonAt: lead.wonAt,
    signalCount: agg.signalCount ?? 0,
    theirKept: agg.kept ?? 0,
    theirMissed: agg.missed ?? 0,
    touchesSinceProgress: agg.sinceProgress ?? 0,
    openStep: step
      ? {
          action: step.action,
          dueAt: step.dueAt,
          allDay: step.allDay,
          promised: step.promised,
          theirCommitment: step.theirCommitment,
          origin: step.origin,
        }
      : null,
  }));
}
