import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError, isUniqueViolation } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

const base = z.object({
  teamId: z.string().min(1),
  managerId: z.string().min(1),
  toOwnerId: z.string().min(1),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export const reassignLeadInput = base.extend({ leadId: z.string().uuid() });
export const reassignAllInput = base.extend({ fromOwnerId: z.string().min(1) });

const nameClash = (err: unknown) =>
  isUniqueViolation(err, 'leads_owner_name_uq')
    ? new DomainError('The new owner already has a lead with that name; rename or close one first. Nothing was moved.', 'duplicate_name')
    : err;

/** R13: reassignment is explicit, and a manager's to make. */
export async function reassignLead(db: Db, raw: z.input<typeof reassignLeadInput>): Promise<{ lead: Lead; fromOwnerId: string; openStep: NextStep | null }> {
  const input = reassignLeadInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await claimOnce(tx, input.teamId, input.requestKey, 'reassign', 'That lead was already reassigned.');
      const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.managerId, actorIsManager: true });
      const [row] = await tx.update(leads).set({ ownerId: input.toOwnerId, updatedAt: input.now }).where(eq(leads.id, lead.id)).returning();
      const [openStep] = await tx.select().from(nextSteps).where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')));
      return { lead: row!, fromOwnerId: lead.ownerId, openStep: openStep ?? null };
    });
  } catch (err) {
    throw nameClash(err);
  }
}

/** A rep who leaves: every lead of theirs that is not lost moves, all or nothing. */
export async function reassignAll(db: Db, raw: z.input<typeof reassignAllInput>): Promise<{ count: number; leads: Array<{ lead: Lead; openStep: NextStep | null }> }> {
  const input = reassignAllInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await claimOnce(tx, input.teamId, input.requestKey, 'reassign', 'Those leads were already reassigned.');
      const moved = await tx
        .update(leads)
        .set({ ownerId: input.toOwnerId, updatedAt: input.now })
        .where(and(eq(leads.teamId, input.teamId), eq(leads.ownerId, input.fromOwnerId), ne(leads.status, 'lost')))
        .returning();
      const out = [];
      for (const lead of moved) {
        const [openStep] = await tx.select().from(nextSteps).where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')));
        out.push({ lead, openStep: openStep ?? null });
      }
      return { count: moved.length, leads: out };
    });
  } catch (err) {
    throw nameClash(err);
  }
}
