import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { COMMITMENT_OUTCOMES } from '../../domain/vocabulary.js';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';
import { completeOpenStep, insertNextStep, nextStepInput, type ProposeNext } from './log-touch.js';

export const completeStepInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  /** R4: did the prospect do their side? */
  theirs: z.enum(COMMITMENT_OUTCOMES).nullable().default(null),
  next: nextStepInput.nullable().default(null),
  propose: z.custom<ProposeNext>((v) => typeof v === 'function').nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type CompleteStepInput = z.input<typeof completeStepInput>;

export interface CompleteStepResult {
  lead: Lead;
  completed: NextStep;
  next: NextStep | null;
}

/**
 * `/followup done`: the open step is done (kept if by its due time), not a touch. Without a new
 * step the lead is left with none on purpose, so R3 warns.
 */
export async function completeStep(db: Db, raw: CompleteStepInput): Promise<CompleteStepResult> {
  const input = completeStepInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'done', 'That step was already marked done.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const completed = await completeOpenStep(tx, lead.id, input.now);
    if (!completed) throw new DomainError(`${lead.name} has no open next step to mark done.`, 'invalid');
    if (input.theirs) {
      if (!completed.theirCommitment) {
        throw new DomainError(`The step for ${lead.name} had no commitment from the prospect to mark ${input.theirs}.`, 'invalid');
      }
      await tx.update(nextSteps).set({ theirStatus: input.theirs }).where(eq(nextSteps.id, completed.id));
      completed.theirStatus = input.theirs;
    }
    // R9: a kept prospect commitment is progress; R10: a missed one lowers likelihood.
    const tally =
      input.theirs === 'kept'
        ? { theirKept: sql`${leads.theirKept} + 1`, progressAt: input.now, touchesSinceProgress: 0 }
        : input.theirs === 'missed'
          ? { theirMissed: sql`${leads.theirMissed} + 1` }
          : {};
    await tx.update(leads).set({ ...tally, updatedAt: input.now }).where(eq(leads.id, lead.id));
    const wanted = input.next ?? (lead.status === 'won' ? (input.propose?.(lead, { completed, channels: [], referralAsked: false, checkinDays: 90 }) ?? null) : null);
    const next = wanted ? await insertNextStep(tx, lead, input.repId, wanted, input.now) : null;
    return { lead, completed, next };
  });
}
