import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeWon } from '../../../src/db/ops/close-lead.js';
import { completeStep } from '../../../src/db/ops/complete-step.js';
import { logTouch, type ProposeContext } from '../../../src/db/ops/log-touch.js';
import { markCommitment } from '../../../src/db/ops/mark-commitment.js';
import { undoTouch } from '../../../src/db/ops/undo-touch.js';
import { leads, nextSteps, touches } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const T = 'T_ENG';
const t0 = new Date('2026-11-02T15:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);
const leadRow = async (db: Parameters<typeof logTouch>[0], id: string) => (await db.select().from(leads).where(eq(leads.id, id)))[0]!;
const stepRow = async (db: Parameters<typeof logTouch>[0], id: string) => (await db.select().from(nextSteps).where(eq(nextSteps.id, id)))[0]!;

describe.each(dbTargets())('R9 engagement is data on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { U1: 'UTC', U2: 'UTC', U3: 'UTC' }, t0);
  });

  it('counts outbound touches since engagement; an inbound touch, a positive signal or a kept commitment resets them', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Quiet', at: t0, touches: [{ at: at(1) }, { at: at(2) }, { at: at(3) }] });
    expect(lead).toMatchObject({ touchesSinceEngagement: 3, engagedAt: null });
    const inbound = await logTouch(db, { teamId: T, repId: 'U1', leadId: lead.id, channel: 'email', direction: 'inbound', outcome: 'they wrote back', now: at(4) });
    expect(inbound.lead).toMatchObject({ touchesSinceEngagement: 0, engagedAt: at(4), lastOutcome: 'they wrote back', touchCount: 4 });
    expect(inbound.touch.direction).toBe('inbound');
    const out = await logTouch(db, { teamId: T, repId: 'U1', leadId: lead.id, channel: 'call', signals: ['vague'], now: at(5) });
    expect(out.lead).toMatchObject({ touchesSinceEngagement: 1, engagedAt: at(4), signalCount: 1, positiveSignalCount: 0, lastOutcome: null });
    const asked = await logTouch(db, { teamId: T, repId: 'U1', leadId: lead.id, channel: 'call', signals: ['asked-price', 'no-time'], now: at(6) });
    // R10: positive signals are counted apart from poor ones.
    expect(asked.lead).toMatchObject({ touchesSinceEngagement: 0, engagedAt: at(6), signalCount: 2, positiveSignalCount: 1 });
  });

  it('marks the completed step\'s commitment kept or missed when logging, and refuses a mark with no commitment, writing nothing', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Keeper', at: t0, touches: [{ at: at(1) }, { at: at(2), next: { action: 'send deck', dueAt: at(4), theirCommitment: 'share the budget' } }] });
    const kept = await logTouch(db, { teamId: T, repId: 'U1', leadId: lead.id, channel: 'call', theirs: 'kept', now: at(3) });
    expect(kept.completed).toMatchObject({ status: 'done', theirStatus: 'kept' });
    expect(kept.lead).toMatchObject({ theirKept: 1, touchesSinceEngagement: 0, engagedAt: at(3) });
    const before = await leadRow(db, lead.id);
    await expect(logTouch(db, { teamId: T, repId: 'U1', leadId: lead.id, channel: 'call', theirs: 'missed', now: at(3.5) })).rejects.toThrow(
      'had no commitment from the prospect',
    );
    expect(await leadRow(db, lead.id)).toEqual(before);
  });

  it('undo of a touch with a positive signal and a kept commitment restores the whole lead row and the step exactly', async () => {
    const db = database.db;
    const lead = await givenLead(db, {
      team: T, owner: 'U3', name: 'Undo Co', tier: 'new', value: 900, at: t0,
      touches: [{ at: at(1), outcome: 'left a voicemail', signals: ['vague'] }, { at: at(2), next: { action: 'send quote', dueAt: at(5), promised: true, theirCommitment: 'confirm headcount' } }],
    });
    const before = await leadRow(db, lead.id);
    const step = (await db.select().from(nextSteps).where(eq(nextSteps.leadId, lead.id))).find((s) => s.status === 'open')!;
    const stepBefore = await stepRow(db, step.id);
    const now = at(3);
    const logged = await logTouch(db, {
      teamId: T, repId: 'U3', leadId: lead.id, channel: 'meeting', outcome: 'they asked about price', signals: ['asked-price', 'no-time'], theirs: 'kept', now,
      next: { action: 'send contract', dueAt: at(8) },
    });
    expect(logged.lead).not.toEqual(before);
    await undoTouch(db, { teamId: T, repId: 'U3', now: new Date(now.getTime() + 60_000) });
    // Every column, updatedAt included.
    expect(await leadRow(db, lead.id)).toEqual(before);
    expect(await stepRow(db, step.id)).toEqual(stepBefore);
    expect(await db.select().from(nextSteps).where(eq(nextSteps.id, logged.next!.id))).toEqual([]);
    expect(await db.select().from(touches).where(eq(touches.id, logged.touch.id))).toEqual([]);
  });

  it('"They did their part" marks the open step\'s commitment without completing it; a second click changes nothing', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Clicker', at: t0, touches: [{ at: at(1) }, { at: at(2), next: { action: 'demo', dueAt: at(6), theirCommitment: 'invite the CFO' } }] });
    const first = await markCommitment(db, { teamId: T, repId: 'U1', leadId: lead.id, outcome: 'kept', requestKey: 'click-1', now: at(3) });
    expect(first.changed).toBe(true);
    expect(first.step).toMatchObject({ status: 'open', theirStatus: 'kept' });
    expect(first.lead).toMatchObject({ theirKept: 1, touchesSinceEngagement: 0, engagedAt: at(3) });
    const row = await leadRow(db, lead.id);
    const again = await markCommitment(db, { teamId: T, repId: 'U1', leadId: lead.id, outcome: 'missed', requestKey: 'click-2', now: at(4) });
    expect(again.changed).toBe(false);
    expect(await leadRow(db, lead.id)).toEqual(row);
    expect((await stepRow(db, first.step.id)).theirStatus).toBe('kept');
    // Done later with they:kept does not count the kept commitment twice.
    const done = await completeStep(db, { teamId: T, repId: 'U1', leadId: lead.id, theirs: 'kept', now: at(5) });
    expect(done.lead.theirKept).toBe(1);
  });

  it('refuses to mark a commitment when there is no open step or it has none, and not on another rep\'s lead', async () => {
    const db = database.db;
    const bare = await givenLead(db, { team: T, owner: 'U1', name: 'No step', at: t0 });
    await expect(markCommitment(db, { teamId: T, repId: 'U1', leadId: bare.id, outcome: 'kept', now: at(1) })).rejects.toThrow('has no open next step');
    const plain = await givenLead(db, { team: T, owner: 'U1', name: 'Plain step', at: t0, nextStep: { action: 'call', dueAt: at(2) } });
    await expect(markCommitment(db, { teamId: T, repId: 'U1', leadId: plain.id, outcome: 'missed', now: at(1) })).rejects.toThrow('has no commitment from them');
    await expect(markCommitment(db, { teamId: T, repId: 'U2', leadId: plain.id, outcome: 'missed', now: at(1) })).rejects.toThrow("That's not your lead");
  });

  it('gives propose the channels so far, whether a referral was asked for, and the team\'s check-in days', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Emails only', at: t0, touches: [{ at: at(1), channel: 'email' }, { at: at(2), channel: 'email' }] });
    let seen: ProposeContext | null = null;
    const r = await logTouch(db, {
      teamId: T, repId: 'U1', leadId: lead.id, channel: 'message', now: at(3),
      propose: (l, ctx) => {
        seen = ctx;
        return { action: `call instead (touch ${l.touchCount})`, dueAt: at(10), origin: 'coach' };
      },
    });
    expect(seen).toMatchObject({ channels: ['email', 'email', 'message'], referralAsked: false, checkinDays: 90, completed: null });
    expect(r.next).toMatchObject({ action: 'call instead (touch 3)', origin: 'coach' });
  });
});

describe.each(dbTargets())('R11 after the sale, one step at a time, on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { U1: 'UTC' }, t0);
  });

  it('a win sets the thank-you step; done on a customer always sets the next aftercare step', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Winner', tier: 'lead', at: t0, touches: 2, referredBy: 'Dana at Beta' });
    expect(lead.referredBy).toBe('Dana at Beta');
    const won = await closeWon(db, { teamId: T, repId: 'U1', leadId: lead.id, now: at(1), thanks: { action: 'thank them for the order', dueAt: at(2) } });
    expect(won.thanks).toMatchObject({ origin: 'thanks', status: 'open', action: 'thank them for the order' });
    expect(won.lead).toMatchObject({ status: 'won', tier: 'customer', touchesSinceEngagement: 0, engagedAt: at(1) });
    const origins: (string | null)[] = [];
    const propose = (_l: unknown, ctx: ProposeContext) => {
      origins.push(ctx.completed?.origin ?? null);
      const origin = ctx.completed?.origin === 'thanks' ? 'checkin' : ctx.completed?.origin === 'checkin' && !ctx.referralAsked ? 'referral-ask' : 'checkin';
      return { action: origin === 'referral-ask' ? 'ask who else could use this' : 'service check-in', dueAt: at(40), origin } as const;
    };
    const afterThanks = await completeStep(db, { teamId: T, repId: 'U1', leadId: lead.id, propose, now: at(2) });
    expect(afterThanks.next).toMatchObject({ origin: 'checkin', status: 'open' });
    const afterCheckin = await completeStep(db, { teamId: T, repId: 'U1', leadId: lead.id, propose, now: at(31) });
    expect(afterCheckin.next).toMatchObject({ origin: 'referral-ask' });
    const afterAsk = await completeStep(db, { teamId: T, repId: 'U1', leadId: lead.id, propose, now: at(33) });
    expect(afterAsk.next).toMatchObject({ origin: 'checkin' });
    expect(origins).toEqual(['thanks', 'checkin', 'referral-ask']);
  });

  it('done on an open lead with no next step leaves it with none (R3 warns)', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Open one', at: t0, nextStep: { action: 'call', dueAt: at(2) } });
    const done = await completeStep(db, { teamId: T, repId: 'U1', leadId: lead.id, propose: () => ({ action: 'x', dueAt: at(9) }), now: at(1) });
    expect(done.next).toBeNull();
  });
});
