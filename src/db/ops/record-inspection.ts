import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, reps } from '../schema.js';
import { inspections, type Inspection } from '../schema-manager.js';
import { claimOnce } from './lock-lead.js';

export const recordInspectionInput = z.object({
  teamId: z.string().min(1),
  managerId: z.string().min(1),
  leadId: z.string().uuid(),
  /** What the manager wants the rep to know; the rep sees it. */
  note: z.string().max(1000).nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type RecordInspectionInput = z.input<typeof recordInspectionInput>;

/** The lead as the manager saw it, kept with the inspection (times as ISO strings, UTC). */
export interface InspectedState {
  name: string;
  status: string;
  tier: string;
  value: number | null;
  touchCount: number;
  lastTouchAt: string | null;
  openStep: string | null;
  openStepDueAt: string | null;
}

export const NOT_A_MANAGER = 'Only a manager can record looking at a lead, so nothing was recorded.';

/**
 * A manager looked at a lead ("don't assume — look"): who, which, when, their note and the lead's
 * state at that moment. Managers only; a repeated submission records nothing twice.
 */
export async function recordInspection(db: Db, raw: RecordInspectionInput): Promise<Inspection> {
  const input = recordInspectionInput.parse(raw);
  return db.transaction(async (tx) => {
    const [manager] = await tx.select({ isManager: reps.isManager }).from(reps).where(and(eq(reps.teamId, input.teamId), eq(reps.userId, input.managerId)));
    if (!manager?.isManager) throw new DomainError(NOT_A_MANAGER, 'invalid');
    await claimOnce(tx, input.teamId, input.requestKey, 'inspect', 'That look was already recorded.');
    const [lead] = await tx.select().from(leads).where(and(eq(leads.id, input.leadId), eq(leads.teamId, input.teamId)));
    if (!lead) throw new DomainError('That lead is gone, so nothing was recorded.', 'not_found');
    if (lead.ownerId === input.managerId) throw new DomainError('That is your own lead: looking is for someone else’s, so nothing was recorded.', 'invalid');
    const [step] = await tx.select().from(nextSteps).where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')));
    const state: InspectedState = {
      name: lead.name,
      status: lead.status,
      tier: lead.tier,
      value: lead.value,
      touchCount: lead.touchCount,
      lastTouchAt: lead.lastTouchAt?.toISOString() ?? null,
      openStep: step?.action ?? null,
      openStepDueAt: step?.dueAt.toISOString() ?? null,
    };
    const [row] = await tx
      .insert(inspections)
      .values({ teamId: input.teamId, leadId: lead.id, managerId: input.managerId, repId: lead.ownerId, inspectedAt: input.now, note: input.note, leadState: state })
      .returning();
    return row!;
  });
}
