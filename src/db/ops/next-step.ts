// A lead's dated next step (docs/rules.md#r3): the input every write validates, completing the open
// one, and setting a new one.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { STEP_ORIGINS } from '../../domain/vocabulary.js';
import type { Tx } from '../client.js';
import { nextSteps, type Lead, type NextStep } from '../schema.js';

export const nextStepInput = z.object({
  action: z.string().trim().min(1, 'the next step needs an action').max(500),
  dueAt: z.date(),
  allDay: z.boolean().default(true),
  promised: z.boolean().default(false),
  theirCommitment: z.string().trim().max(500).nullable().default(null),
  origin: z.enum(STEP_ORIGINS).default('rep'),
});
export type NextStepInput = z.input<typeof nextStepInput>;

/** The open step done now, kept when done by its due time (docs/rules.md#r5's promise-kept %). */
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
