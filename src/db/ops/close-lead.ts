import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, type Lead, type NextStep } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';
import { insertNextStep } from './log-touch.js';

const closeInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  note: z.string().max(500).nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export const wonInput = closeInput.extend({
  /** R11: the service check-in the coach schedules after the win. */
  checkIn: z.object({ action: z.string(), dueAt: z.date() }).optional(),
  thanks: z.object({ action: z.string(), dueAt: z.date() }).optional(),
});
export const lostInput = closeInput;
export type WonInput = z.input<typeof wonInput>;
export type LostInput = z.input<typeof lostInput>;

const cancelOpenStep = (tx: Tx, leadId: string, now: Date) =>
  tx
    .update(nextSteps)
    .set({ status: 'cancelled', completedAt: now })
    .where(and(eq(nextSteps.leadId, leadId), eq(nextSteps.status, 'open')));

/** R11: the sale is recorded; the lead stays as a customer whose next step is a check-in. */
export async function closeWon(db: Db, raw: WonInput): Promise<{ lead: Lead; checkIn: NextStep; thanks: NextStep }> {
  const input = wonInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'won', 'That win was already recorded.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    if (lead.status === 'won') throw new DomainError(`${lead.name} is already won.`, 'invalid');
    await cancelOpenStep(tx, lead.id, input.now);
    const [row] = await tx
      .update(leads)
      .set({ status: 'won', wonAt: input.now, tier: 'customer', closeNote: input.note, progressAt: input.now, touchesSinceProgress: 0, snoozedUntil: null, updatedAt: input.now })
      .where(eq(leads.id, lead.id))
      .returning();
    const step = input.thanks ? { ...input.thanks, origin: 'thanks' as const } : { ...input.checkIn!, origin: 'checkin' as const };
    const checkIn = await insertNextStep(tx, lead, input.repId, step, input.now);
    return { lead: row!, checkIn, thanks: checkIn };
  });
}

/** Closed with a reason: it leaves every queue and warning. */
export async function closeLost(db: Db, raw: LostInput): Promise<Lead> {
  const input = lostInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'lost', 'That lead was already closed.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    await cancelOpenStep(tx, lead.id, input.now);
    const [row] = await tx
      .update(leads)
      .set({ status: 'lost', lostAt: input.now, closeNote: input.note, updatedAt: input.now })
      .where(eq(leads.id, lead.id))
      .returning();
    return row!;
  });
}
