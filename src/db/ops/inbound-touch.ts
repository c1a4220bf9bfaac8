import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { leads, touches, type Lead } from '../schema.js';
import { claimRequest } from './claim-request.js';

/**
 * A web form or CRM sent a lead we already hold (POST /leads): the prospect reached out again, an
 * inbound touch (docs/rules.md#r9: engagement, so the touches since engagement go back to 0). The
 * rep's open step stays open. A lead still waiting for its first contact, or closed as lost, gets no
 * touch: the rep has yet to reach them (docs/rules.md#r2). The same signed request twice records one.
 * The touch carries no `undo`: it is not the rep's to take back.
 */
export async function recordInboundArrival(
  db: Db,
  input: { teamId: string; leadId: string; note: string | null; source: string | null; requestKey: string; now: Date },
): Promise<Lead> {
  return db.transaction(async (tx) => {
    const [lead] = await tx.select().from(leads).where(eq(leads.id, input.leadId)).for('update');
    if (!lead || lead.teamId !== input.teamId || lead.touchCount === 0 || lead.status === 'lost') return lead!;
    if (!(await claimRequest(tx, input.teamId, `lead-webhook:${input.requestKey}`, 'lead-webhook'))) return lead;
    const outcome = input.note ?? (input.source ? `came in again through ${input.source}` : 'came in again');
    const [row] = await tx
      .update(leads)
      .set({
        touchCount: sql`${leads.touchCount} + 1`,
        lastTouchAt: input.now,
        lastTouchChannel: 'message',
        lastOutcome: outcome,
        touchesSinceEngagement: 0,
        engagedAt: input.now,
        updatedAt: input.now,
      })
      .where(eq(leads.id, lead.id))
      .returning();
    await tx.insert(touches).values({
      teamId: lead.teamId,
      leadId: lead.id,
      repId: lead.ownerId,
      channel: 'message',
      direction: 'inbound',
      outcome,
      occurredAt: input.now,
      createdAt: input.now,
    });
    return row!;
  });
}
