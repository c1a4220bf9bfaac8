import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError, isUniqueViolation } from '../errors.js';
import { leads, type Lead } from '../schema.js';
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
export async function reassignLead(db: Db, raw: z.input<typeof reassignLeadInput>): Promise<{ lead: Lead; fromOwnerId: string }> {
  const input = reassignLeadInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await claimOnce(tx, input.teamId, input.requestKey, 'reassign', 'That lead was already reassigned.');
      const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.managerId, actorIsManager: true });
      const [row] = await tx.update(leads).set({ ownerId: input.toOwnerId, updatedAt: input.now }).where(eq(leads.id, lead.id)).returning();
      return { lead: row!, fromOwnerId: lead.ownerId };
    });
  } catch (err) {
    throw nameClash(err);
  }
}

/** A rep who leaves: every lead of theirs that is not lost moves, all or nothing. */
export async function reassignAll(db: Db, raw: z.input<typeof reassignAllInput>): Promise<number> {
  const input = reassignAllInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      await claimOnce(tx, input.teamId, input.requestKey, 'reassign', 'Those leads were already reassigned.');
      const moved = await tx
        .update(leads)
        .set({ ownerId: input.toOwnerId, updatedAt: input.now })
        .where(and(eq(leads.teamId, input.teamId), eq(leads.ownerId, input.fromOwnerId), ne(leads.status, 'lost')))
        .returning({ id: leads.id });
      return moved.length;
    });
  } catch (err) {
    throw nameClash(err);
  }
}
