// What the coach needs to propose a lead's next step (docs/rules.md#r6, docs/rules.md#r11): the
// channels of its touches, whether a referral was already asked for, and the team's check-in interval.
import { and, asc, eq, sql } from 'drizzle-orm';
import { proposeNextFor } from '../../coach/index.js';
import type { TouchChannel } from '../../domain/vocabulary.js';
import type { Tx } from '../client.js';
import { nextSteps, teams, touches, type Lead, type NextStep } from '../schema.js';
import type { NextStepInput } from './next-step.js';

export interface ProposeContext {
  /** The step this touch or `done` completed, if any. */
  completed: NextStep | null;
  /** Every touch's channel, oldest first, including the one being logged. */
  channels: TouchChannel[];
  /** R11: a referral ask was done for this lead before. */
  referralAsked: boolean;
  /** R11: the team's days between customer check-ins. */
  checkinDays: number;
}
export type ProposeNext = (lead: Lead, ctx: ProposeContext) => NextStepInput;

/** Reads the context after the completed step is marked done and before the new touch is stored. */
export async function proposeContext(tx: Tx, lead: Lead, completed: NextStep | null, logging: TouchChannel | null): Promise<ProposeContext> {
  const past = await tx.select({ channel: touches.channel }).from(touches).where(eq(touches.leadId, lead.id)).orderBy(asc(touches.occurredAt), asc(touches.createdAt));
  const [asked] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(nextSteps)
    .where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.origin, 'referral-ask'), eq(nextSteps.status, 'done')));
  const [team] = await tx.select({ checkinDays: teams.checkinDays }).from(teams).where(eq(teams.id, lead.teamId));
  return {
    completed,
    channels: [...past.map((t) => t.channel), ...(logging ? [logging] : [])],
    referralAsked: (asked?.n ?? 0) > 0,
    checkinDays: team?.checkinDays ?? 90,
  };
}

/** docs/rules.md#r6, #r11: the coach's step when the rep gives none, read in the rep's zone. */
export const proposeFor =
  (clock: { now: Date; zone: string }): ProposeNext =>
  (lead, c) =>
    proposeNextFor(lead, { completedOrigin: c.completed?.origin ?? null, channels: c.channels, referralAsked: c.referralAsked, checkinDays: c.checkinDays }, clock);
