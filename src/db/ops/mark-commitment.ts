// TEMP shim (#14): the contract's markCommitment; A's real one replaces it at merge.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

export async function markCommitment(
  db: Db,
  input: { teamId: string; repId: string; leadId: string; outcome: 'kept' | 'missed'; requestKey: string | null; now: Date },
): Promise<{ lead: Lead; step: NextStep; changed: boolean }> {
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const [step] = await tx.select().from(nextSteps).where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')));
    if (!step || !step.theirCommitment) throw new DomainError(`${lead.name} has no open step with a commitment from them.`, 'invalid');
    if (step.theirStatus !== 'pending') return { lead, step, changed: false };
    await claimOnce(tx, input.teamId, input.requestKey, 'mark', 'Already recorded.');
    const [s] = await tx.update(nextSteps).set({ theirStatus: input.outcome }).where(eq(nextSteps.id, step.id)).returning();
    const tally = input.outcome === 'kept' ? { theirKept: sql`${leads.theirKept} + 1`, touchesSinceProgress: 0 } : { theirMissed: sql`${leads.theirMissed} + 1` };
    const [l] = await tx.update(leads).set({ ...tally, updatedAt: input.now }).where(eq(leads.id, lead.id)).returning();
    return { lead: l!, step: s!, changed: true };
  });
}
