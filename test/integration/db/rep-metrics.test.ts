import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { addLead } from '../../../src/db/ops/add-lead.js';
import { completeStep } from '../../../src/db/ops/complete-step.js';
import { ensureRep } from '../../../src/db/ops/ensure-rep.js';
import { logTouch } from '../../../src/db/ops/log-touch.js';
import { repMetrics } from '../../../src/db/queries/rep-metrics.js';
import { leads } from '../../../src/db/schema.js';
import { dbTargets } from '../../support/db.js';

const T = 'T_METRICS';
const d = (iso: string) => new Date(iso);
// The week of Mon 23 Nov 2026 (UTC), judged on Friday noon.
const WINDOW = { teamId: T, from: d('2026-11-23T00:00:00Z'), to: d('2026-11-30T00:00:00Z'), now: d('2026-11-27T12:00:00Z') };

describe.each(dbTargets())('per-rep metrics on hand-built data ($name)', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    const db = database.db;
    await ensureRep(db, T, 'U1', { tz: 'UTC' }, WINDOW.from);
    await ensureRep(db, T, 'U2', { tz: 'UTC' }, WINDOW.from);
    const add = async (name: string, at: string, over: Record<string, unknown> = {}) =>
      (await addLead(db, { teamId: T, ownerId: 'U1', createdBy: 'U1', name, now: d(at), ...over })).id;
    const touch = (leadId: string, at: string, next: Record<string, unknown> | null = null) =>
      logTouch(db, { teamId: T, repId: 'U1', leadId, channel: 'call', now: d(at), next: next as never });

    // L1: first touch after 30 minutes, 3 touches this week, an open step.
    const l1 = await add('L1', '2026-11-23T09:00:00Z');
    await touch(l1, '2026-11-23T09:30:00Z');
    await touch(l1, '2026-11-24T10:00:00Z');
    await touch(l1, '2026-11-25T10:00:00Z', { action: 'demo', dueAt: d('2026-12-01T23:59:59Z') });
    // L2: first touch after 3 hours (a miss); a promise kept on Wednesday; no step left.
    const l2 = await add('L2', '2026-11-24T09:00:00Z');
    await touch(l2, '2026-11-24T12:00:00Z', { action: 'call back', dueAt: d('2026-11-25T17:00:00Z'), promised: true });
    await completeStep(db, { teamId: T, repId: 'U1', leadId: l2, now: d('2026-11-25T16:00:00Z') });
    // L3: imported last week, never touched.
    await add('L3', '2026-11-20T09:00:00Z', { imported: true });
    // L4: arrived Thursday, still untouched (a miss).
    await add('L4', '2026-11-26T09:00:00Z');
    // L5 won and L6 lost this week.
    const l5 = await add('L5', '2026-11-01T09:00:00Z');
    await db.update(leads).set({ status: 'won', wonAt: d('2026-11-25T10:00:00Z') }).where(eq(leads.id, l5));
    const l6 = await add('L6', '2026-11-01T09:00:00Z');
    await db.update(leads).set({ status: 'lost', lostAt: d('2026-11-26T10:00:00Z') }).where(eq(leads.id, l6));
    // L7: five touches before the week; a promise due Thursday noon, not done (missed).
    const l7 = await add('L7', '2026-11-01T09:00:00Z');
    for (let i = 2; i <= 5; i++) await touch(l7, `2026-11-0${i}T10:00:00Z`);
    await touch(l7, '2026-11-06T10:00:00Z', { action: 'send contract', dueAt: d('2026-11-26T12:00:00Z'), promised: true });
    // U2: one lead touched twice last week.
    const u2 = (await addLead(db, { teamId: T, ownerId: 'U2', createdBy: 'U2', name: 'M1', now: d('2026-11-10T09:00:00Z') })).id;
    for (const at of ['2026-11-11T10:00:00Z', '2026-11-12T10:00:00Z']) await logTouch(db, { teamId: T, repId: 'U2', leadId: u2, channel: 'email', now: d(at) });
  });
  afterAll(async () => database?.close());

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
      speedToLeadMisses: 2, // L2 late, L4 untouched
      touchDistribution: { '0': 2, '1': 1, '2': 0, '3-4': 1, '5+': 1 },
      won: 1,
      lost: 1,
    });
    expect(u2).toMatchObject({ ownerId: 'U2', openLeads: 1, touches: 0, withNextStepPct: 0, promiseKeptPct: null, medianFirstTouchMinutes: null,
      touchDistribution: { '0': 0, '1': 0, '2': 1, '3-4': 0, '5+': 0 } });
  });

  it('narrows to one rep', async () => {
    expect((await repMetrics(database.db, { ...WINDOW, ownerId: 'U2' })).map((m) => m.ownerId)).toEqual(['U2']);
  });
});
