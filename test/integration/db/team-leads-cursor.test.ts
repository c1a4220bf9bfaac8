import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/client.js';
import { addLead } from '../../../src/db/ops/add-lead.js';
import { ensureRep } from '../../../src/db/ops/ensure-rep.js';
import { logTouch } from '../../../src/db/ops/log-touch.js';
import { loadCoachLeads } from '../../../src/db/queries/coach-leads.js';
import { forEachRepLeads } from '../../../src/db/queries/team-leads-cursor.js';
import { leads, nextSteps } from '../../../src/db/schema.js';
import { dbTargets } from '../../support/db.js';

const T = 'T_CURSOR';
const t0 = new Date('2026-11-02T15:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

describe.each(dbTargets())('team-wide coach input through a cursor on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    const db = database.db;
    for (const [r, rep] of ['U3', 'U1', 'U2'].entries()) {
      await ensureRep(db, T, rep, { tz: 'UTC' }, t0);
      for (let i = 0; i < 7; i++) {
        const lead = await addLead(db, { teamId: T, ownerId: rep, createdBy: rep, name: `L${r}-${i}`, tier: i % 2 ? 'lead' : 'referral', value: i * 100, now: t0 });
        for (let k = 0; k < i % 4; k++) {
          await logTouch(db, { teamId: T, repId: rep, leadId: lead.id, channel: k % 2 ? 'email' : 'call', signals: k === 1 ? ['vague'] : [], now: at(k + 1),
            next: k === 0 ? { action: 'demo', dueAt: at(10), theirCommitment: 'budget', promised: true } : null });
        }
        if (i === 3) await db.update(nextSteps).set({ theirStatus: 'kept' }).where(eq(nextSteps.leadId, lead.id));
        if (i === 6) await db.update(leads).set({ status: 'lost' }).where(eq(leads.id, lead.id));
      }
    }
  });
  afterAll(async () => database?.close());

  it('hands over each rep\'s leads once, in owner order, exactly as the per-rep query loads them', async () => {
    for (const pageSize of [1, 4, 5000]) {
      // The callback gets data only: it must not query (PGlite has one connection, held by the cursor).
      const seen: [string, unknown][] = [];
      await forEachRepLeads(database.db, T, (ownerId, batch) => void seen.push([ownerId, batch]), pageSize);
      expect(seen.map(([owner]) => owner)).toEqual(['U1', 'U2', 'U3']);
      for (const [ownerId, batch] of seen) expect(batch).toEqual(await loadCoachLeads(database.db, { teamId: T, ownerId }));
    }
  });

  it('reads only the reps asked for, when asked (names are bound, never spliced)', async () => {
    const seen: string[] = [];
    await forEachRepLeads(database.db, T, (ownerId) => void seen.push(ownerId), 5000, ['U3', "U1'); drop table leads;--"]);
    expect(seen).toEqual(['U3']);
    await forEachRepLeads(database.db, T, (ownerId) => void seen.push(ownerId), 5000, []);
    expect(seen).toEqual(['U3']);
  });

  it('says nothing for a team without leads', async () => {
    let calls = 0;
    await forEachRepLeads(database.db, 'T_EMPTY', () => void (calls += 1));
    expect(calls).toBe(0);
  });
});
