// A touch's `undo` (docs/rules.md#r9): the lead's fields as they were before the touch, read and put
// back in SQL so times keep their full (microsecond) precision and `undo` restores the row exactly.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../client.js';
import { leads, type Lead } from '../schema.js';
import type { TouchUndo } from '../touch-undo.js';

/** The lead's fields a touch may change, as they stand now (call before changing them). */
export async function captureUndo(tx: Tx, leadId: string, completedTheirStatus: TouchUndo['completedTheirStatus']): Promise<TouchUndo> {
  const [row] = rowsOf(
    await tx.execute(sql`
      select jsonb_build_object(
        'touchCount', touch_count, 'tier', tier, 'firstTouchAt', first_touch_at, 'lastTouchAt', last_touch_at,
        'lastTouchChannel', last_touch_channel, 'lastOutcome', last_outcome, 'signalCount', signal_count,
        'positiveSignalCount', positive_signal_count, 'touchesSinceEngagement', touches_since_engagement,
        'engagedAt', engaged_at, 'theirKept', their_kept, 'theirMissed', their_missed, 'updatedAt', updated_at
      ) as undo
      from leads where id = ${leadId}`),
  );
  const undo = (typeof row!.undo === 'string' ? JSON.parse(row!.undo) : row!.undo) as TouchUndo;
  return { ...undo, completedTheirStatus };
}

/** Puts the lead's fields back as `undo` holds them. */
export async function restoreUndo(tx: Tx, leadId: string, undo: TouchUndo): Promise<Lead> {
  const u = sql`${JSON.stringify(undo)}::jsonb`;
  const [row] = await tx
    .update(leads)
    .set({
      touchCount: sql`(${u}->>'touchCount')::int`,
      tier: sql`${u}->>'tier'`,
      firstTouchAt: sql`(${u}->>'firstTouchAt')::timestamptz`,
      lastTouchAt: sql`(${u}->>'lastTouchAt')::timestamptz`,
      lastTouchChannel: sql`${u}->>'lastTouchChannel'`,
      lastOutcome: sql`${u}->>'lastOutcome'`,
      signalCount: sql`(${u}->>'signalCount')::int`,
      positiveSignalCount: sql`(${u}->>'positiveSignalCount')::int`,
      touchesSinceEngagement: sql`(${u}->>'touchesSinceEngagement')::int`,
      engagedAt: sql`(${u}->>'engagedAt')::timestamptz`,
      theirKept: sql`(${u}->>'theirKept')::int`,
      theirMissed: sql`(${u}->>'theirMissed')::int`,
      updatedAt: sql`(${u}->>'updatedAt')::timestamptz`,
    })
    .where(eq(leads.id, leadId))
    .returning();
  return row!;
}
