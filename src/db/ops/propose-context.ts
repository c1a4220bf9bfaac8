// What the coach needs to propose a lead's next step (docs/rules.md#r6, docs/rules.md#r11): the
// channels of its touches, whether a referral was already asked for, and the team's check-in interval.
import { sql } from 'drizzle-orm';
import { proposeNextFor } from '../../coach/index.js';
import type { TouchChannel } from '../../domain/vocabulary.js';
import { rowsOf, type Tx } from '../client.js';
import type { Lead, NextStep } from '../schema.js';
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

/** Reads the context after the completed step is marked done and before the new touch is stored: one statement. */
export async function proposeContext(tx: Tx, lead: Lead, completed: NextStep | null, logging: TouchChannel | null): Promise<ProposeContext> {
  const [row] = rowsOf(
    await tx.execute(sql`
      select
        (select coalesce(json_agg(channel order by occurred_at, created_at), '[]'::json) from touches where lead_id = ${lead.id}) as channels,
        exists (select 1 from next_steps where lead_id = ${lead.id} and origin = 'referral-ask' and status = 'done') as referral_asked,
        (select checkin_days from teams where id = ${lead.teamId}) as checkin_days`),
  );
  // The embedded driver hands json over as text, the server's as parsed values.
  const channels = (typeof row!.channels === 'string' ? JSON.parse(row!.channels) : row!.channels) as TouchChannel[];
  return {
    completed,
    channels: [...channels, ...(logging ? [logging] : [])],
    referralAsked: row!.referral_asked === true,
    checkinDays: row!.checkin_days == null ? 90 : Number(row!.checkin_days),
  };
}

/** docs/rules.md#r6, #r11: the coach's step when the rep gives none, read in the rep's zone. */
export const proposeFor =
  (clock: { now: Date; zone: string }): ProposeNext =>
  (lead, c) =>
    proposeNextFor(lead, { completedOrigin: c.completed?.origin ?? null, channels: c.channels, referralAsked: c.referralAsked, checkinDays: c.checkinDays }, clock);
