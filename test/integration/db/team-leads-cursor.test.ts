import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoachLeads } from '../../../src/db/queries/coach-leads.js';
import { forEachRepLeads } from '../../../src/db/queries/team-leads-cursor.js';
import { nextSteps } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenRep } from '../../support/given.js';

const T = 'T_CURSOR';
const t0 = new Date('2026-11-02T15:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

describe.each(dbTargets())('team-wide coach input through a cursor on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    const db = database.db;
    for (const [r, rep] of ['U3', 'U1', 'U2'].entries()) {
      await givenRep(db, T, rep, 'UTC', t0);
      for (let i = 0; i < 7; i++) {
        // Touch 1 sets a promised step with their commitment; touch 2 (a vague e-mail) completes it.
        const touches = Array.from({ length: i % 4 }, (_, k) => ({ channel: k % 2 ? ('email' as const) : ('call' as const), signals: k === 1 ? ['vague'] : k === 2 ? ['asked-price'] : [], outcome: k === 0 ? `talked to ${rep}` : undefined, at: at(k + 1),
          ...(k === 0 ? { next: { action: 'demo', dueAt: at(10), theirCommitment: 'budget', promised: true } } : {}) }));
        const lead = await givenLead(db, { team: T, owner: rep, name: `L${r}-${i}`, tier: i % 2 ? 'lead' : 'referral', value: i * 100, at: t0, touches,
          inbound: i === 2, referredBy: i === 1 ? `Dana for ${rep}` : null,
          ...(i === 6 ? { row: { status: 'lost' as const } } : {}),
          ...(i === 5 ? { row: { snoozedUntil: at(20), snoozeReason: `holiday ${rep}`, snoozeCount: 3, snoozedDaysTotal: 45 } } : {}) });
        // Their side of that step, kept: history no operation writes without a `done`.
        if (i === 3) await db.update(nextSteps).set({ theirStatus: 'kept' }).where(eq(nextSteps.leadId, lead.id));
      }
    }
  });

  it('hands over each rep\'s leads once, in owner order, exactly as the per-rep query loads them', async () => {
    // The fields #14 added are really there to compare (not all defaults).
    const all = await loadCoachLeads(database.db, { teamId: T });
    expect(all.filter((l) => l.inbound)).toHaveLength(3);
    expect(all.filter((l) => l.referredBy?.startsWith('Dana'))).toHaveLength(3);
    expect(all.filter((l) => l.positiveSignalCount > 0 && l.lastOutcome === null).length).toBeGreaterThan(0);
    expect(all.some((l) => l.openStep?.theirStatus === 'pending' && l.openStep.id)).toBe(true);
    expect(all.filter((l) => l.snoozeCount === 3 && l.snoozedDaysTotal === 45 && l.snoozeReason?.startsWith('holiday'))).toHaveLength(3);
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
