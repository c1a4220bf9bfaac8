import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { nextSteps, touches, type Lead, type Touch } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';
import { restoreUndo } from './touch-undo-sql.js';

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
      // Only touches the rep logged carry `undo` (a web form's arrival does not).
      .where(and(eq(touches.teamId, input.teamId), eq(touches.repId, input.repId), isNotNull(touches.undo)))
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
        .set({ status: 'open', completedAt: null, kept: null, ...(touch.undo ? { theirStatus: touch.undo.completedTheirStatus } : {}) })
        .where(and(eq(nextSteps.id, touch.completedStepId), eq(nextSteps.status, 'done')));
    }
    await tx.delete(touches).where(eq(touches.id, touch.id));
    // docs/rules.md#r9: the lead as it was before the touch, every field it changed (engagement included).
    const row = await restoreUndo(tx, lead.id, touch.undo!);
    return { lead: row!, touch };
  });
}

