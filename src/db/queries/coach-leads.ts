import { and, eq, ne, sql } from 'drizzle-orm';
import type { CoachLead, TouchChannel } from '../../coach/types.js';
import type { Queryable } from '../client.js';
import { leads, nextSteps, touches } from '../schema.js';

export interface CoachLeadScope {
  teamId: string;
  /** One rep's leads (R13); omit for the whole team (a manager's view). */
  ownerId?: string;
}

/**
 * The coach's input for a rep or a team in one statement: per-lead aggregates come from SQL,
 * never raw touch lists, so memory stays flat however many touches there are.
 */
export async function loadCoachLeads(db: Queryable, scope: CoachLeadScope): Promise<CoachLead[]> {
  const rows = await coachLeadsQuery(db, scope);
  return rows.map(toCoachLead);
}

type Row = Awaited<ReturnType<typeof coachLeadsQuery>>[number];

/** The statement itself, for EXPLAIN in the benchmark. */
export function coachLeadsQuery(db: Queryable, scope: CoachLeadScope) {
  // LATERAL: each lead's aggregates come from its own index range (touches by lead, steps by lead),
  // so one rep's load reads that rep's rows rather than hashing whole tables.
  const touchStats = db
    .select({
      signalCount: sql<number>`coalesce(sum(cardinality(${touches.signals})), 0)::int`.as('signal_count'),
      lastChannel: sql<TouchChannel | null>`(array_agg(${touches.channel} order by ${touches.occurredAt} desc, ${touches.id} desc))[1]`.as(
        'last_channel',
      ),
      sinceProgress: sql<number>`(count(*) filter (where ${leads.progressAt} is null or ${touches.occurredAt} > ${leads.progressAt}))::int`.as(
        'since_progress',
      ),
    })
    .from(touches)
    .where(eq(touches.leadId, leads.id))
    .as('touch_stats');
  const commitments = db
    .select({
      kept: sql<number>`(count(*) filter (where ${nextSteps.theirStatus} = 'kept'))::int`.as('their_kept'),
      missed: sql<number>`(count(*) filter (where ${nextSteps.theirStatus} = 'missed'))::int`.as('their_missed'),
    })
    .from(nextSteps)
    .where(and(eq(nextSteps.leadId, leads.id), sql`${nextSteps.theirStatus} in ('kept', 'missed')`))
    .as('commitments');

  const openStep = db
    .select({
      action: nextSteps.action,
      dueAt: nextSteps.dueAt,
      allDay: nextSteps.allDay,
      promised: nextSteps.promised,
      theirCommitment: nextSteps.theirCommitment,
      origin: nextSteps.origin,
    })
    .from(nextSteps)
    .where(and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
    .limit(1)
    .as('open_step');

  return db
    .select({
      lead: {
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
        snoozedUntil: leads.snoozedUntil,
        revivedAt: leads.revivedAt,
        wonAt: leads.wonAt,
      },
      stepAction: openStep.action,
      stepDueAt: openStep.dueAt,
      stepAllDay: openStep.allDay,
      stepPromised: openStep.promised,
      stepTheirCommitment: openStep.theirCommitment,
      stepOrigin: openStep.origin,
      signalCount: touchStats.signalCount,
      lastChannel: touchStats.lastChannel,
      sinceProgress: touchStats.sinceProgress,
      kept: commitments.kept,
      missed: commitments.missed,
    })
    .from(leads)
    .leftJoinLateral(openStep, sql`true`)
    .leftJoinLateral(touchStats, sql`true`)
    .leftJoinLateral(commitments, sql`true`)
    .where(and(eq(leads.teamId, scope.teamId), scope.ownerId ? eq(leads.ownerId, scope.ownerId) : undefined, ne(leads.status, 'lost')))
    .orderBy(leads.id);
}

function toCoachLead({ lead, ...agg }: Row): CoachLead {
  return {
    ...lead,
    lastTouchChannel: agg.lastChannel ?? null,
    signalCount: agg.signalCount ?? 0,
    theirKept: agg.kept ?? 0,
    theirMissed: agg.missed ?? 0,
    touchesSinceProgress: agg.sinceProgress ?? 0,
    openStep:
      agg.stepAction !== null && agg.stepDueAt !== null
        ? {
            action: agg.stepAction,
            dueAt: agg.stepDueAt,
            allDay: agg.stepAllDay ?? true,
            promised: agg.stepPromised ?? false,
            theirCommitment: agg.stepTheirCommitment,
            origin: agg.stepOrigin ?? 'rep',
          }
        : null,
  };
}
