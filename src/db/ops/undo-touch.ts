import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, touches, type Lead, type Touch } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

// Long enough to catch a slip, short enough that nothing has been built on the touch since.
export const UNDO_WINDOW_MS = 15 * 60_000;

export const undoTouchInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});

/** Takes back the rep's last logged touch (within 15 minutes) and everything it changed. */
export async function undoTouch(db: Db, raw: z.input<typeof undoTouchInput>): Promise<{ lead: Lead; touch: Touch }> {
  const input = undoTouchInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'undo', 'That touch was already undone.');
    const [touch] = await tx
      .select()
      .from(touches)
      .where(and(eq(touches.teamId, input.teamId), eq(touches.repId, input.repId)))
      .orderBy(desc(touches.occurredAt), desc(touches.createdAt))
      .limit(1);
    if (!touch || input.now.getTime() - touch.createdAt.getTime() > UNDO_WINDOW_MS) {
      throw new DomainError('There is no touch of yours from the last 15 minutes to undo.', 'invalid');
    }
    const lead = await lockLead(tx, { teamId: input.teamId, leadId: touch.leadId, actorId: input.repId, allowLost: true });
    if (touch.createdStepId) await tx.delete(nextSteps).where(eq(nextSteps.id, touch.createdStepId));
    if (touch.completedStepId) {
      await tx
        .update(nextSteps)
        .set({ status: 'open', completedAt: null, kept: null })
        .where(and(eq(nextSteps.id, touch.completedStepId), eq(nextSteps.status, 'done')));
    }
    await tx.delete(touches).where(eq(touches.id, touch.id));
    const [previous] = await tx
      .select({ at: touches.occurredAt, channel: touches.channel })
      .from(touches)
      .where(eq(touches.leadId, lead.id))
      .orderBy(desc(touches.occurredAt))
      .limit(1);
    const [row] = await tx
      .update(leads)
      .set({
        touchCount: sql`greatest(${leads.touchCount} - 1, 0)`,
        lastTouchAt: previous?.at ?? null,
        lastTouchChannel: previous?.channel ?? null,
        signalCount: sql`greatest(${leads.signalCount} - ${touch.signals.length}, 0)`,
        touchesSinceProgress: sql`greatest(${leads.touchesSinceProgress} - 1, 0)`,
        firstTouchAt: previous ? lead.firstTouchAt : null,
        tier: touch.promotedTier && lead.tier === 'lead' ? 'new' : lead.tier,
        updatedAt: input.now,
      })
      .where(eq(leads.id, lead.id))
      .returning();
    return { lead: row!, touch };
  });
}
