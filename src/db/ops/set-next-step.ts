import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';
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
    await claimOnce(tx, input.teamId, input.requestKey, 'next', 'That next step was already set.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const [replaced] = await tx
      .update(nextSteps)
      .set({ status: 'cancelled', completedAt: input.now })
      .where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')))
      .returning();
    const next = await insertNextStep(tx, lead, input.repId, input.next, input.now);
    return { lead, replaced: replaced ?? null, next };
  });
}
