import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../../src/db/schema.js';
import { planMorning } from '../../../src/jobs/morning.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenOverdueReps, givenRep, OVERDUE_DMS_DUE_AT } from '../../support/given.js';

// The plan itself is tested with the database layer (plan-first-touches); here: the morning job makes
// it for the reps owed a DM, in their own zone, before their queue is built — and for no one else.
const TEAM = 'T0PLAN';

describe.each(dbTargets())('R2: the morning job plans first touches before the queue, on $name', (target) => {
  const database = useDatabase(target);
  const planOf = (owner: string) =>
    database.db.select().from(nextSteps).where(and(eq(nextSteps.repId, owner), eq(nextSteps.origin, 'plan'), eq(nextSteps.status, 'open')));

  it("plans the imports of reps whose morning has come, and their DM holds today's share; a rep still asleep is left alone", async () => {
    const cameIn = new Date('2026-11-20T15:00:00Z');
    await givenOverdueReps(database.db, TEAM, ['U0NY1', 'U0NY2']);
    await givenRep(database.db, TEAM, 'U0LA', 'America/Los_Angeles', cameIn);
    for (const owner of ['U0NY1', 'U0NY2', 'U0LA']) {
      for (let i = 1; i <= 12; i++) {
        await givenLead(database.db, { team: TEAM, owner, name: `Imported ${i} of ${owner}`, tier: 'new', value: 100 * i, at: cameIn, row: { imported: true } });
      }
    }
    // Wed 25 Nov, 08:00 in New York; 05:00 in Los Angeles.
    const plans = await planMorning(database.db, TEAM, new Date(OVERDUE_DMS_DUE_AT));
    expect(plans.map((p) => p.userId).sort()).toEqual(['U0NY1', 'U0NY2']);

    for (const owner of ['U0NY1', 'U0NY2']) {
      const planned = await planOf(owner);
      expect(planned).toHaveLength(12);
      // Today (Wednesday) ends at 04:59:59.999Z on Thursday in New York: 10 today, the 2 smallest tomorrow.
      const today = planned.filter((s) => s.dueAt.toISOString() === '2026-11-26T04:59:59.999Z');
      expect(today).toHaveLength(10);
      const dm = JSON.stringify(plans.find((p) => p.userId === owner)!.message!.blocks);
      expect(dm).toContain('first contact planned for today');
      expect(dm).toContain(`Imported 12 of ${owner}`);
    }
    expect(await planOf('U0LA')).toEqual([]);
  });
});
