import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { COMMITMENT_OUTCOMES } from '../../domain/vocabulary.js';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

export const markCommitmentInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  outcome: z.enum(COMMITMENT_OUTCOMES),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type MarkCommitmentInput = z.input<typeof markCommitmentInput>;

/**
 * "They did their part" / "They didn't" (docs/rules.md#r4, docs/rules.md#r9): the open step's pending
 * prospect commitment becomes kept or missed; the rep's step stays open. Kept is engagement (touches
 * since engagement back to 0). Already marked: `changed: false` and nothing is written, so a second
 * click changes nothing.
 */
export async function markCommitment(db: Db, raw: MarkCommitmentInput): Promise<{ lead: Lead; step: NextStep; changed: boolean }> {
  const input = markCommitmentInput.parse(raw);
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const [step] = await tx
      .select()
      .from(nextSteps)
      .where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')))
      .for('update');
    if (!step) throw new DomainError(`${lead.name} has no open next step, so there is no commitment of theirs to mark.`, 'invalid');
    if (!step.theirCommitment) throw new DomainError(`The next step for ${lead.name} has no commitment from them to mark.`, 'invalid');
    if (step.theirStatus !== 'pending') return { lead, step, changed: false };
    // A repeated Slack click: the first one already wrote; this one writes nothing.
    if (input.requestKey) await claimOnce(tx, input.teamId, input.requestKey, 'their-part', 'That was already recorded.');
    const [marked] = await tx.update(nextSteps).set({ theirStatus: input.outcome }).where(eq(nextSteps.id, step.id)).returning();
    const [row] = await tx
      .update(leads)
      .set(
        input.outcome === 'kept'
          ? { theirKept: sql`${leads.theirKept} + 1`, touchesSinceEngagement: 0, engagedAt: input.now, updatedAt: input.now }
          : { theirMissed: sql`${leads.theirMissed} + 1`, updatedAt: input.now },
      )
      .where(eq(leads.id, lead.id))
      .returning();
    return { lead: row!, step: marked!, changed: true };
  });
}
