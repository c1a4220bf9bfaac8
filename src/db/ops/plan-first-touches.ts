import { and, eq, gte, ne } from 'drizzle-orm';
import { FIRST_CONTACT_ACTION, inZone, planFirstTouches, startOfLocalDay, type CoachLead } from '../../coach/index.js';
import type { Db } from '../client.js';
import { loadCoachLeads } from '../queries/coach-leads.js';
import { nextSteps, teams } from '../schema.js';
import { insertImportedSteps, type ImportedStep } from './import-batch.js';

export interface PlanFirstTouchesInput {
  teamId: string;
  /** One rep's leads; omit for every rep of the team. */
  ownerId?: string;
  now: Date;
  /** The rep's IANA zone: plan days are their local days. Null: not this rep, not now. */
  zoneOf: (ownerId: string) => string | null | Promise<string | null>;
}

/**
 * The first-touch plan (docs/rules.md#r2): imported leads with no history are not all due now; each
 * gets an open step (origin `plan`) on one of the coming working days, highest priority first, at most
 * the team's new-per-day a rep a day counting first contacts already planned. Returns how many it planned.
 */
export async function planFirstTouchesFor(db: Db, input: PlanFirstTouchesInput): Promise<number> {
  // Imported, open, not cold, never touched, not snoozed, no open step: usually none, so this comes first.
  const leads = await loadCoachLeads(db, { teamId: input.teamId, ownerId: input.ownerId, waitingForPlan: input.now });
  if (leads.length === 0) return 0;
  const [team] = await db.select().from(teams).where(eq(teams.id, input.teamId));
  if (!team) return 0;
  const byOwner = new Map<string, CoachLead[]>();
  for (const lead of leads) {
    const list = byOwner.get(lead.ownerId);
    if (list) list.push(lead);
    else byOwner.set(lead.ownerId, [lead]);
  }
  let planned = 0;
  for (const [ownerId, waiting] of byOwner) {
    const zone = await input.zoneOf(ownerId);
    if (zone === null) continue;
    const already = await plannedPerDay(db, input.teamId, ownerId, startOfLocalDay(input.now, zone), zone);
    const plan = planFirstTouches(waiting, already, { start: team.workStart, end: team.workEnd, days: team.workDays }, team.newPerDay, { now: input.now, zone });
    const steps: ImportedStep[] = plan.map((p) => ({
      teamId: input.teamId,
      leadId: p.leadId,
      repId: ownerId,
      action: FIRST_CONTACT_ACTION,
      dueAt: p.dueAt,
      allDay: true,
      promised: false,
      theirCommitment: null,
      origin: 'plan',
      createdAt: input.now,
    }));
    // One statement per rep; a step someone set meanwhile wins (one open step per lead, R3).
    if (steps.length) await insertImportedSteps(db, steps);
    planned += steps.length;
  }
  return planned;
}

/** First contacts already planned for the rep, by local day (yyyy-mm-dd), from today on. */
async function plannedPerDay(db: Db, teamId: string, ownerId: string, from: Date, zone: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ dueAt: nextSteps.dueAt })
    .from(nextSteps)
    .where(and(eq(nextSteps.teamId, teamId), eq(nextSteps.repId, ownerId), eq(nextSteps.origin, 'plan'), ne(nextSteps.status, 'cancelled'), gte(nextSteps.dueAt, from)));
  const perDay = new Map<string, number>();
  for (const r of rows) {
    const day = inZone(r.dueAt, zone).toISODate()!;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return perDay;
}
