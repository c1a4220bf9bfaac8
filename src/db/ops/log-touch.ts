import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ALL_SIGNALS, COMMITMENT_OUTCOMES, isOneOf, isPositiveSignal, TOUCH_CHANNELS, TOUCH_DIRECTIONS } from '../../domain/vocabulary.js';
import type { Db } from '../client.js';
import { DomainError } from '../errors.js';
import { leads, nextSteps, touches, type Lead, type NextStep, type Touch } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';
import { completeOpenStep, insertNextStep, nextStepInput } from './next-step.js';
import { proposeContext, type ProposeNext } from './propose-context.js';
import { captureUndo } from './touch-undo-sql.js';

export { completeOpenStep, insertNextStep, nextStepInput, type NextStepInput } from './next-step.js';
export type { ProposeContext, ProposeNext } from './propose-context.js';

export const logTouchInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  channel: z.enum(TOUCH_CHANNELS),
  /** R9: inbound when the prospect reached out. */
  direction: z.enum(TOUCH_DIRECTIONS).default('outbound'),
  outcome: z.string().max(2000).nullable().default(null),
  /** R10: poor-prospect and positive signals. */
  signals: z.array(z.string().refine((v) => isOneOf(ALL_SIGNALS, v), 'not a signal I know')).max(12).default([]),
  /** R4: what became of the prospect's side of the step this touch completes. */
  theirs: z.enum(COMMITMENT_OUTCOMES).nullable().default(null),
  next: nextStepInput.nullable().default(null),
  /** R6/R11: when no next step is given, the one the coach proposes. */
  propose: z.custom<ProposeNext>((v) => typeof v === 'function').nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type LogTouchInput = z.input<typeof logTouchInput>;

export interface LogTouchResult {
  lead: Lead;
  touch: Touch;
  /** The next step this touch completed, if one was open. */
  completed: NextStep | null;
  next: NextStep | null;
}

/**
 * One transaction: the touch, the lead's counters, the open next step completed (kept when done by
 * its due time — R5's promise-kept %), and the new next step (R3). A first touch turns `new` into `lead`.
 * docs/rules.md#r9: an inbound touch, a positive signal or a kept commitment is engagement and resets
 * the touches since engagement; any other touch adds one. The touch keeps the lead's fields as they
 * were (`undo`), so undo restores them exactly.
 */
export async function logTouch(db: Db, raw: LogTouchInput): Promise<LogTouchResult> {
  const input = logTouchInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'log', 'That touch was already logged.');
    const current = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });
    const completed = await completeOpenStep(tx, current.id, input.now);
    const undo = await captureUndo(tx, current.id, completed?.theirStatus ?? null);

    // R4: the prospect's side of the completed step, counted once (a second mark of the same changes nothing).
    let theirs: 'kept' | 'missed' | null = null;
    if (input.theirs) {
      if (!completed?.theirCommitment) {
        throw new DomainError(`${current.name} had no commitment from the prospect to mark ${input.theirs}, so nothing was logged.`, 'invalid');
      }
      if (completed.theirStatus === 'pending') {
        theirs = input.theirs;
        await tx.update(nextSteps).set({ theirStatus: theirs }).where(eq(nextSteps.id, completed.id));
        completed.theirStatus = theirs;
      }
    }
    const positive = input.signals.filter(isPositiveSignal).length;
    const engaged = input.direction === 'inbound' || positive > 0 || theirs === 'kept';
    const [lead] = await tx
      .update(leads)
      .set({
        touchCount: sql`${leads.touchCount} + 1`,
        lastTouchChannel: input.channel,
        lastOutcome: input.outcome,
        signalCount: sql`${leads.signalCount} + ${input.signals.length - positive}`,
        positiveSignalCount: sql`${leads.positiveSignalCount} + ${positive}`,
        ...(engaged ? { touchesSinceEngagement: 0, engagedAt: input.now } : { touchesSinceEngagement: sql`${leads.touchesSinceEngagement} + 1` }),
        ...(theirs === 'kept' ? { theirKept: sql`${leads.theirKept} + 1` } : theirs === 'missed' ? { theirMissed: sql`${leads.theirMissed} + 1` } : {}),
        firstTouchAt: sql`coalesce(${leads.firstTouchAt}, ${input.now.toISOString()}::timestamptz)`,
        lastTouchAt: input.now,
        tier: sql`case when ${leads.tier} = 'new' then 'lead' else ${leads.tier} end`,
        updatedAt: input.now,
      })
      .where(eq(leads.id, current.id))
      .returning();

    const wanted = input.next ?? (input.propose ? input.propose(lead!, await proposeContext(tx, lead!, completed, input.channel)) : null);
    const next = wanted ? await insertNextStep(tx, current, input.repId, wanted, input.now) : null;
    const [touch] = await tx
      .insert(touches)
      .values({
        teamId: input.teamId,
        leadId: current.id,
        repId: input.repId,
        channel: input.channel,
        direction: input.direction,
        outcome: input.outcome,
        signals: input.signals,
        occurredAt: input.now,
        createdAt: input.now,
        // What this touch changed, so `undo` can put it back exactly.
        completedStepId: completed?.id ?? null,
        createdStepId: next?.id ?? null,
        promotedTier: current.tier === 'new',
        undo,
      })
      .returning();
    return { lead: lead!, touch: touch!, completed, next };
  });
}
