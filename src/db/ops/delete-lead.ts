import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { leads, type Lead } from '../schema.js';
import { lockLead } from './lock-lead.js';

export const deleteLeadInput = z.object({
  teamId: z.string().min(1),
  actorId: z.string().min(1),
  actorIsManager: z.boolean(),
  leadId: z.string().uuid(),
});

/** For prospects who ask to be forgotten: the lead, its touches and next steps are erased (cascade). */
export async function deleteLead(db: Db, raw: z.input<typeof deleteLeadInput>): Promise<Lead> {
  const input = deleteLeadInput.parse(raw);
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.actorId, actorIsManager: input.actorIsManager, allowLost: true });
    await tx.delete(leads).where(eq(leads.id, lead.id));
    return lead;
  });
}
