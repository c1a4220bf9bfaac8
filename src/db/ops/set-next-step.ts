import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimRequest } from './claim-request.js';
import { insertNextStep, nextStepInput } from './log-touch.js';

export const setNextStepInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  next: nextStepInput,
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type SetNextStepInput = z.input<typeof setNextStepInput>;

export interface SetNextStepResult {
  lead: Lead;
  /** The open step this one replaced (R3: exactly one open step per lead). */
  replaced: NextStep | null;
  next: NextStep;
}

/** `/followup next`: the lead's dated next step, replacing the open one (which is not counted as done). */
export async function setNextStep(db: Db, raw: SetNextStepInput): Promise<SetNextStepResult> {
  const input = setNextStepInput.parse(raw);
  return db.transaction(async (tx) => {
    if (input.requestKey && !(await claimRequest(tx, input.teamId, input.requestKey, 'next'))) {
      throw new DomainError('That next step was already set.', 'duplicate_request');
    }
    const [lead] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.id, input.leadId), eq(leads.teamId, input.teamId)))
      .for('update');
    if (!lead || lead.ownerId !== input.repId) throw new DomainError('That lead is not one of yours.', 'not_found');
    if (lead.status === 'lost') throw new DomainError(`${lead.name} was closed as lost.`, 'closed');
    const [replaced] = await tx
      .update(nextSteps)
      .set({ status: 'cancelled', completedAt: input.now })
      .where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')))
      .returning();
    const next = await insertNextStep(tx, lead, input.repId, input.next, input.now);
    return { lead, replaced: replaced ?? null, next };
  });
}
