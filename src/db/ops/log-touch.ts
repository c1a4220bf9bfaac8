import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { STEP_ORIGINS, TOUCH_CHANNELS } from '../../domain/vocabulary.js';
import type { Db, Tx } from '../client.js';
import { leads, nextSteps, touches, type Lead, type NextStep, type Touch } from '../schema.js';
import { claimOnce, lockLead } from './lock-lead.js';

export const nextStepInput = z.object({
  action: z.string().trim().min(1, 'the next step needs an action').max(500),
  dueAt: z.date(),
  allDay: z.boolean().default(true),
  promised: z.boolean().default(false),
  theirCommitment: z.string().trim().max(500).nullable().default(null),
  origin: z.enum(STEP_ORIGINS).default('rep'),
});
export type NextStepInput = z.input<typeof nextStepInput>;

export const logTouchInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  leadId: z.string().uuid(),
  channel: z.enum(TOUCH_CHANNELS),
  outcome: z.string().max(2000).nullable().default(null),
  signals: z.array(z.string().max(40)).max(10).default([]),
  direction: z.enum(['outbound', 'inbound']).default('outbound'),
  theirs: z.enum(['kept', 'missed']).nullable().default(null),
  next: nextStepInput.nullable().default(null),
  /** R6/R11: when no next step is given, the one the coach proposes for this touch number. */
  propose: z.custom<ProposeNext>((v) => typeof v === 'function').nullable().default(null),
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type LogTouchInput = z.input<typeof logTouchInput>;
export type ProposeNext = (
  lead: Lead,
  ctx: { completed: NextStep | null; channels: (typeof TOUCH_CHANNELS)[number][]; referralAsked: boolean; checkinDays: number },
) => NextStepInput;

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
 */
export async function logTouch(db: Db, raw: LogTouchInput): Promise<LogTouchResult> {
  const input = logTouchInput.parse(raw);
  return db.transaction(async (tx) => {
    await claimOnce(tx, input.teamId, input.requestKey, 'log', 'That touch was already logged.');
    const current = await lockLead(tx, { teamId: input.teamId, leadId: input.leadId, actorId: input.repId });

    const [lead] = await tx
      .update(leads)
      .set({
        touchCount: sql`${leads.touchCount} + 1`,
        lastTouchChannel: input.channel,
        signalCount: sql`${leads.signalCount} + ${input.signals.length}`,
        touchesSinceProgress: sql`${leads.touchesSinceProgress} + 1`,
        firstTouchAt: sql`coalesce(${leads.firstTouchAt}, ${input.now.toISOString()}::timestamptz)`,
        lastTouchAt: input.now,
        tier: sql`case when ${leads.tier} = 'new' then 'lead' else ${leads.tier} end`,
        updatedAt: input.now,
      })
      .where(eq(leads.id, current.id))
      .returning();

    const completed = await completeOpenStep(tx, current.id, input.now);
    if (completed && input.theirs && completed.theirCommitment) {
      await tx.update(nextSteps).set({ theirStatus: input.theirs }).where(eq(nextSteps.id, completed.id));
      completed.theirStatus = input.theirs;
    }
    const wanted = input.next ?? input.propose?.(lead!, { completed, channels: [input.channel], referralAsked: false, checkinDays: 90 }) ?? null;
    const next = wanted ? await insertNextStep(tx, current, input.repId, wanted, input.now) : null;
    const [touch] = await tx
      .insert(touches)
      .values({
        teamId: input.teamId,
        leadId: current.id,
        repId: input.repId,
        channel: input.channel,
        outcome: input.outcome,
        signals: input.signals,
        occurredAt: input.now,
        createdAt: input.now,
        // What this touch changed, so `undo` can put it back exactly.
        completedStepId: completed?.id ?? null,
        createdStepId: next?.id ?? null,
        promotedTier: current.tier === 'new',
      })
      .returning();
    return { lead: lead!, touch: touch!, completed, next };
  });
}

export async function completeOpenStep(tx: Tx, leadId: string, now: Date): Promise<NextStep | null> {
  const [done] = await tx
    .update(nextSteps)
    .set({ status: 'done', completedAt: now, kept: sql`${nextSteps.dueAt} >= ${now.toISOString()}::timestamptz` })
    .where(and(eq(nextSteps.leadId, leadId), eq(nextSteps.status, 'open')))
    .returning();
  return done ?? null;
}

export async function insertNextStep(
  tx: Tx,
  lead: Pick<Lead, 'id' | 'teamId'>,
  repId: string,
  raw: NextStepInput,
  now: Date,
): Promise<NextStep> {
  const step = nextStepInput.parse(raw);
  const [row] = await tx
    .insert(nextSteps)
    .values({
      teamId: lead.teamId,
      leadId: lead.id,
      repId,
      action: step.action,
      dueAt: step.dueAt,
      allDay: step.allDay,
      promised: step.promised,
      theirCommitment: step.theirCommitment,
      theirStatus: step.theirCommitment ? 'pending' : null,
      origin: step.origin,
      createdAt: now,
    })
    .returning();
  return row!;
}
