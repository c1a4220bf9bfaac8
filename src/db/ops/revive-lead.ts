import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, type Lead } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

export const reviveLeadInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  trigger: z.string().trim().min(1, 'say what happened').max(500),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type ReviveLeadInput = z.input<typeof reviveLeadInput>;

/** R12: a trigger event (a competitor leaves, a price change, a big order) brings a cold prospect back. */
export async function reviveLead(db: Db, raw: ReviveLeadInput): Promise<Lead> {
  const input = reviveLeadInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'revive', 'That lead was already revived.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    if (lead.tier !== 'cold' || lead.status !== 'open') {
      throw new DomainError(`${lead.name} is not a cold prospect: only cold prospects are revived.`, 'invalid');
    }
    const [row] = await tx
      .update(leads)
      .set({ revivedAt: input.now, reviveNote: input.trigger, updatedAt: input.now })
      .where(eq(leads.id, lead.id))
      .returning();
    return row!;
  });
}
