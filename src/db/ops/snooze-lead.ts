import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { leads, type Lead } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

export const snoozeLeadInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  /** The start of the wake-up day in the rep's zone: the lead is back in that morning's DM. */
  until: z.date(),
  reason: z.string().max(500).nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type SnoozeLeadInput = z.input<typeof snoozeLeadInput>;

export async function snoozeLead(db: Db, raw: SnoozeLeadInput): Promise<Lead> {
  const input = snoozeLeadInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'snooze', 'That lead was already snoozed.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const [row] = await tx
      .update(leads)
      .set({ snoozedUntil: input.until, snoozeReason: input.reason, updatedAt: input.now })
      .where(eq(leads.id, lead.id))
      .returning();
    return row!;
  });
}
