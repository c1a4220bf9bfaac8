import { beforeAll, describe, expect, it } from 'vitest';
import { logTouch } from '../../../src/db/ops/log-touch.js';
import { completeStep } from '../../../src/db/ops/complete-step.js';
import { loadCoachLeads } from '../../../src/db/queries/coach-leads.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const T = 'T_AGG';
const t0 = new Date('2026-11-02T15:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

describe.each(dbTargets())('coach leads loaded from SQL aggregates on $name', (target) => {
  const database = useDatabase(target);
  let acmeId: string;
  beforeAll(async () => {
    const db = database.db;
    await givenTeam(db, T, { U1: 'UTC', U2: 'UTC' }, t0);
    const acme = await givenLead(db, { team: T, owner: 'U1', name: 'Acme', tier: 'referral', value: 5000, at: t0,
      touches: [{ signals: ['vague'], at: at(1), next: { action: 'send deck', dueAt: at(3), theirCommitment: 'share budget' } }] });
    acmeId = acme.id;
    // They kept their side (progress, R9); the next commitment they miss (R4/R10).
    await completeStep(db, { teamId: T, repId: 'U1', leadId: acme.id, theirs: 'kept', now: at(1.5), next: { action: 'call', dueAt: at(3), theirCommitment: 'book a demo' } });
    await completeStep(db, { teamId: T, repId: 'U1', leadId: acme.id, theirs: 'missed', now: at(1.7) });
    await logTouch(db, { teamId: T, repId: 'U1', leadId: acme.id, channel: 'email', signals: ['vague', 'no-time'], now: at(2) });
    await logTouch(db, { teamId: T, repId: 'U1', leadId: acme.id, channel: 'call', now: at(4), next: { action: 'demo', dueAt: at(9), promised: true } });
    await givenLead(db, { team: T, owner: 'U1', name: 'Untouched', at: at(5) });
    await givenLead(db, { team: T, owner: 'U2', name: 'Other rep', at: at(5) });
    await givenLead(db, { team: T, owner: 'U1', name: 'Gone', at: at(5), row: { status: 'lost' } });
  });

  it('gives one rep\'s non-lost leads with counts, last channel, signals, commitments and the open step', async () => {
    const mine = await loadCoachLeads(database.db, { teamId: T, ownerId: 'U1' });
    expect(mine.map((l) => l.name).sort()).toEqual(['Acme', 'Untouched']);
    const acme = mine.find((l) => l.id === acmeId)!;
    expect(acme).toMatchObject({
      tier: 'referral',
      value: 5000,
      touchCount: 3,
      lastTouchChannel: 'call',
      signalCount: 3,
      theirKept: 1,
      theirMissed: 1,
      touchesSinceEngagement: 2,
    });
    expect(acme.openStep).toMatchObject({ action: 'demo', promised: true, origin: 'rep', theirStatus: null });
    expect(acme.openStep!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(acme.openStep!.dueAt.toISOString()).toBe(at(9).toISOString());
    const untouched = mine.find((l) => l.name === 'Untouched')!;
    expect(untouched).toMatchObject({ touchCount: 0, lastTouchChannel: null, signalCount: 0, touchesSinceEngagement: 0, openStep: null });
  });

  it('gives the whole team for a manager', async () => {
    const team = await loadCoachLeads(database.db, { teamId: T });
    expect(team.map((l) => l.name).sort()).toEqual(['Acme', 'Other rep', 'Untouched']);
  });
});
