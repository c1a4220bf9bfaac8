import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { addLead, type AddLeadInput } from '../../src/db/ops/add-lead.js';
import { ensureRep } from '../../src/db/ops/ensure-rep.js';
import { logTouch, type NextStepInput } from '../../src/db/ops/log-touch.js';
import { setNextStep } from '../../src/db/ops/set-next-step.js';
import { changeSettings } from '../../src/db/ops/settings.js';
import { leads, type Lead, type Rep } from '../../src/db/schema.js';
import type { TouchChannel } from '../../src/domain/vocabulary.js';
import type { StandInUser } from './slack-stand-in.js';

// Test data written through the app's own operations (src/db/ops), so every row is one the app
// could have made. Only what no operation sets in one go (a lead closed or snoozed before the test
// begins, an external id, a note) is written straight onto the row.

/** A rep's Slack profile: their zone alone, or more; `manager` appoints them as `settings manager:` does. */
export type RepSpec = string | { tz?: string | null; displayName?: string; email?: string; manager?: boolean };

/** A rep (and their team, on first sight) as Slack's profile makes them; `at` is when the profile was read. */
export async function givenRep(db: Db, teamId: string, userId: string, spec: RepSpec = {}, at = new Date()): Promise<Rep> {
  const { manager, ...profile } = typeof spec === 'string' ? { tz: spec } : spec;
  const rep = await ensureRep(db, teamId, userId, profile, at);
  if (!manager) return rep;
  return (await changeSettings(db, { teamId, userId, addManagers: [userId], now: at })).rep;
}

/** A team's reps, `{ userId: zone or profile }`; returns them as Slack stand-in users (id, zone, e-mail). */
export async function givenTeam(db: Db, teamId: string, team: Record<string, RepSpec>, at = new Date()): Promise<StandInUser[]> {
  const users: StandInUser[] = [];
  for (const [userId, spec] of Object.entries(team)) {
    const rep = await givenRep(db, teamId, userId, spec, at);
    users.push({ id: userId, ...(rep.tz ? { tz: rep.tz } : {}), ...(rep.email ? { email: rep.email } : {}) });
  }
  return users;
}

/** One touch of a lead's history; without `at`, it is logged when the lead came in. */
export interface TouchSpec {
  at?: Date;
  channel?: TouchChannel;
  outcome?: string;
  signals?: string[];
  /** Who reached out: the rep (outbound, the default) or the prospect (inbound). */
  direction?: 'outbound' | 'inbound';
  /** The step this touch sets (it completes the one open before, as logging does). */
  next?: NextStepInput;
}

export interface LeadSpec extends Omit<AddLeadInput, 'teamId' | 'ownerId' | 'createdBy' | 'now' | 'requestKey'> {
  team: string;
  owner: string;
  /** Who added it; the owner by default (someone else's add alerts the owner, R2). */
  createdBy?: string;
  /** When it came in. Default: now. */
  at?: Date;
  /** Its history, logged by the owner in order: a number of calls when it came in, or each touch. */
  touches?: number | TouchSpec[];
  /** The open step: set by the last touch, or on its own when there is none. */
  nextStep?: NextStepInput;
  /**
   * Written onto the row after its history: what no operation sets in one go (status with its time,
   * snoozedUntil, externalId, note). A lead closed with no history is inserted closed: no operation
   * makes one, and a lost lead may share its name with an open one.
   */
  row?: Partial<typeof leads.$inferInsert>;
}

/** A lead with its touches and next step, as the owner would have logged them. */
export async function givenLead(db: Db, spec: LeadSpec): Promise<Lead> {
  const { team, owner, createdBy = owner, at = new Date(), touches = 0, nextStep, row, ...fields } = spec;
  const history: TouchSpec[] = typeof touches === 'number' ? Array.from({ length: touches }, () => ({})) : touches;
  if (row?.status && row.status !== 'open' && history.length === 0 && !nextStep) {
    const [closed] = await db.insert(leads).values({ ...fields, teamId: team, ownerId: owner, createdBy, createdAt: at, updatedAt: at, ...row }).returning();
    return closed!;
  }
  let lead = await addLead(db, { ...fields, teamId: team, ownerId: owner, createdBy, now: at });
  for (const [i, touch] of history.entries()) {
    const next = i === history.length - 1 && nextStep ? nextStep : (touch.next ?? null);
    ({ lead } = await logTouch(db, { teamId: team, repId: owner, leadId: lead.id, channel: touch.channel ?? 'call', direction: touch.direction, outcome: touch.outcome, signals: touch.signals, next, now: touch.at ?? at }));
  }
  if (nextStep && history.length === 0) await setNextStep(db, { teamId: team, repId: owner, leadId: lead.id, next: nextStep, now: at });
  if (!row) return lead;
  const [written] = await db.update(leads).set(row).where(eq(leads.id, lead.id)).returning();
  return written!;
}

// Wed 25 Nov 2026, 08:00:30 in New York: the morning DM of every overdue rep below is due.
export const OVERDUE_DMS_DUE_AT = '2026-11-25T13:00:30Z';

/** Reps in New York (`n` of them, U00000…, or these ids), each with one promised step overdue: each is owed exactly one morning DM. */
export async function givenOverdueReps(db: Db, teamId: string, who: number | string[]): Promise<string[]> {
  const ids = typeof who === 'number' ? Array.from({ length: who }, (_, i) => `U${String(i).padStart(5, '0')}`) : who;
  const at = new Date('2026-11-20T15:00:00Z');
  for (const id of ids) {
    await givenRep(db, teamId, id, 'America/New_York', at);
    await givenLead(db, {
      team: teamId, owner: id, name: `Lead of ${id}`, tier: 'lead', value: 1000, at, touches: 1,
      nextStep: { action: 'call back', dueAt: new Date('2026-11-24T04:59:59.999Z'), promised: true },
    });
  }
  return ids;
}

