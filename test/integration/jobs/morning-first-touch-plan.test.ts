import { describe, expect, it, vi } from 'vitest';
import { givenOverdueReps, givenRep, OVERDUE_DMS_DUE_AT } from '../../support/given.js';
import { dbTargets, useDatabase } from '../../support/db.js';

// The first-touch plan itself is the database layer's (src/db/ops/plan-first-touches.ts, tested there);
// here: the morning job asks for it for each rep owed a DM, in their own zone, before their queue is built.
const planned = vi.hoisted(() => [] as { teamId: string; ownerId?: string; now: Date; zone: string; beforeQueue: boolean }[]);
const queueBuilt = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/db/ops/plan-first-touches.js', () => ({
  planFirstTouchesFor: async (_db: unknown, input: { teamId: string; ownerId?: string; now: Date; zoneOf: (id: string) => string }) => {
    planned.push({ teamId: input.teamId, ownerId: input.ownerId, now: input.now, zone: input.zoneOf(input.ownerId!), beforeQueue: queueBuilt.count === 0 });
    return { planned: 0 };
  },
}));
vi.mock('../../../src/coach/index.js', async (original) => {
  const coach = await original<typeof import('../../../src/coach/index.js')>();
  return { ...coach, buildQueue: (...args: Parameters<typeof coach.buildQueue>) => ((queueBuilt.count += 1), coach.buildQueue(...args)) };
});
const { planMorning } = await import('../../../src/jobs/morning.js');

const TEAM = 'T0PLAN';

describe.each(dbTargets())('R2: the morning job plans first touches before the queue, on $name', (target) => {
  const database = useDatabase(target);

  it('asks for the plan of each rep owed a DM, in their zone, before any queue is built; not for reps whose morning has not come', async () => {
    planned.length = 0;
    queueBuilt.count = 0;
    await givenOverdueReps(database.db, TEAM, ['U0NY1', 'U0NY2']);
    await givenRep(database.db, TEAM, 'U0LA', 'America/Los_Angeles', new Date('2026-11-20T15:00:00Z'));
    const at = new Date(OVERDUE_DMS_DUE_AT);
    const plans = await planMorning(database.db, TEAM, at);
    expect(plans.map((p) => p.userId).sort()).toEqual(['U0NY1', 'U0NY2']);
    expect(planned.map((p) => p.ownerId).sort()).toEqual(['U0NY1', 'U0NY2']);
    for (const p of planned) expect(p).toMatchObject({ teamId: TEAM, now: at, zone: 'America/New_York', beforeQueue: true });
    expect(queueBuilt.count).toBe(2);
  });
});
