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

const DAY = 86_400_000;
const days = (ms: number) => Math.max(0, Math.round(ms / DAY));

/**
 * docs/rules.md#r15: each snooze is counted, and its days added to the lead's total. Snoozing a lead that
 * is still snoozed replaces the days it had left, so they are not counted twice.
 */
export function snoozedDaysAfter(lead: Pick<Lead, 'snoozedUntil' | 'snoozedDaysTotal'>, until: Date, now: Date): number {
  const left = lead.snoozedUntil && lead.snoozedUntil > now ? days(lead.snoozedUntil.getTime() - now.getTime()) : 0;
  return Math.max(0, lead.snoozedDaysTotal - left + days(until.getTime() - now.getTime()));
}

export async function snoozeLead(db: Db, raw: SnoozeLeadInput): Promise<Lead> {
  const input = snoozeLeadInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'snooze', 'That lead was already snoozed.');
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const [row] = await tx
      .update(leads)
      .set({
        snoozedUntil: input.until,
        snoozeReason: input.reason,
        snoozeCount: lead.snoozeCount + 1,
        snoozedDaysTotal: snoozedDaysAfter(lead, input.until, input.now),
        updatedAt: input.now,
      })
      .where(eq(leads.id, lead.id))
      .returning();
    return row!;
  });
}
