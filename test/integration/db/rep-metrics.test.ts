import { beforeAll, describe, expect, it } from 'vitest';
import { completeStep } from '../../../src/db/ops/complete-step.js';
import { repMetrics } from '../../../src/db/queries/rep-metrics.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam, type LeadSpec } from '../../support/given.js';

const T = 'T_METRICS';
const d = (iso: string) => new Date(iso);
// The week of Mon 23 Nov 2026 (UTC), judged on Friday noon.
const WINDOW = { teamId: T, from: d('2026-11-23T00:00:00Z'), to: d('2026-11-30T00:00:00Z'), now: d('2026-11-27T12:00:00Z') };

describe.each(dbTargets())('per-rep metrics on hand-built data ($name)', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    const db = database.db;
    await givenTeam(db, T, { U1: 'UTC', U2: 'UTC' }, WINDOW.from);
    const add = async (name: string, at: string, over: Partial<LeadSpec> = {}) => (await givenLead(db, { team: T, owner: 'U1', name, at: d(at), ...over })).id;
    const calls = (...at: string[]) => at.map((t) => ({ at: d(t) }));

    // L1: arrived inbound (R2), first touch after 30 minutes, 3 touches this week, an open step.
    await add('L1', '2026-11-23T09:00:00Z', { inbound: true, touches: calls('2026-11-23T09:30:00Z', '2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z'),
      nextStep: { action: 'demo', dueAt: d('2026-12-01T23:59:59Z') } });
    // L2: inbound, first touch after 3 hours (a miss); a promise kept on Wednesday; no step left.
    const l2 = await add('L2', '2026-11-24T09:00:00Z', { inbound: true, touches: calls('2026-11-24T12:00:00Z'),
      nextStep: { action: 'call back', dueAt: d('2026-11-25T17:00:00Z'), promised: true } });
    await completeStep(db, { teamId: T, repId: 'U1', leadId: l2, now: d('2026-11-25T16:00:00Z') });
    // L3: imported last week, never touched.
    await add('L3', '2026-11-20T09:00:00Z', { imported: true });
    // L4: arrived inbound Thursday, still untouched (a miss).
    await add('L4', '2026-11-26T09:00:00Z', { inbound: true });
    // L5 won and L6 lost this week.
    await add('L5', '2026-11-01T09:00:00Z', { row: { status: 'won', wonAt: d('2026-11-25T10:00:00Z') } });
    await add('L6', '2026-11-01T09:00:00Z', { row: { status: 'lost', lostAt: d('2026-11-26T10:00:00Z') } });
    // L7: five touches before the week; a promise due Thursday noon, not done (missed).
    await add('L7', '2026-11-01T09:00:00Z', { touches: calls('2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z', '2026-11-04T10:00:00Z', '2026-11-05T10:00:00Z', '2026-11-06T10:00:00Z'),
      nextStep: { action: 'send contract', dueAt: d('2026-11-26T12:00:00Z'), promised: true } });
    // U2: one lead touched twice last week.
    await givenLead(db, { team: T, owner: 'U2', name: 'M1', at: d('2026-11-10T09:00:00Z'), touches: [
      { channel: 'email', at: d('2026-11-11T10:00:00Z') }, { channel: 'email', at: d('2026-11-12T10:00:00Z') }] });
    // M2: added by hand this week, touched 5 hours later: R2 holds only inbound leads to the hour, so no miss.
    await givenLead(db, { team: T, owner: 'U2', name: 'M2', at: d('2026-11-24T09:00:00Z'), touches: [{ at: d('2026-11-24T14:00:00Z') }] });
  });

  it('computes each metric as worked out by hand', async () => {
    const [u1, u2] = await repMetrics(database.db, WINDOW);
    expect(u1).toEqual({
      ownerId: 'U1',
      openLeads: 5, // L1 L2 L3 L4 L7
      touches: 4, // L1 ×3, L2 ×1 this week
      withNextStepPct: 40, // L1, L7 of 5
      promiseKeptPct: 50, // L2 kept, L7 missed
      promisesDue: 2,
      medianFirstTouchMinutes: 105, // 30 and 180
      speedToLeadMisses: 2, // L2 late, L4 untouched (both inbound)
      touchDistribution: { '0': 2, '1': 1, '2': 0, '3-4': 1, '5+': 1 },
      won: 1,
      lost: 1,
    });
    expect(u2).toMatchObject({ ownerId: 'U2', openLeads: 2, touches: 1, withNextStepPct: 0, promiseKeptPct: null, medianFirstTouchMinutes: null,
      speedToLeadMisses: 0, touchDistribution: { '0': 0, '1': 1, '2': 1, '3-4': 0, '5+': 0 } });
  });

  it('narrows to one rep', async () => {
    expect((await repMetrics(database.db, { ...WINDOW, ownerId: 'U2' })).map((m) => m.ownerId)).toEqual(['U2']);
  });
});
