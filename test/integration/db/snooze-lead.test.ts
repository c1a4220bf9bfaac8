import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { snoozeLead } from '../../../src/db/ops/snooze-lead.js';
import { leads } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenRep } from '../../support/given.js';

const T = 'T_SNOOZE';
const t0 = new Date('2026-11-02T15:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);

describe.each(dbTargets())('R15 snoozing counts the snoozes and their days on $name', (target) => {
  const database = useDatabase(target);

  it('adds each snooze and its days; snoozing again while asleep replaces the days left', async () => {
    const db = database.db;
    await givenRep(db, T, 'U1', 'UTC', t0);
    const lead = await givenLead(db, { team: T, owner: 'U1', name: 'Sleepy', at: t0 });
    const row = async () => (await db.select().from(leads).where(eq(leads.id, lead.id)))[0]!;

    await snoozeLead(db, { teamId: T, repId: 'U1', leadId: lead.id, until: at(10), reason: 'on holiday', now: t0 });
    expect(await row()).toMatchObject({ snoozeCount: 1, snoozedDaysTotal: 10, snoozeReason: 'on holiday' });
    // Day 4, still asleep until day 10: now until day 30. 4 days slept, 26 to come.
    await snoozeLead(db, { teamId: T, repId: 'U1', leadId: lead.id, until: at(30), reason: null, now: at(4) });
    expect(await row()).toMatchObject({ snoozeCount: 2, snoozedDaysTotal: 30, snoozeReason: null });
    // Awake again on day 40: another 35 days, 65 in all.
    await snoozeLead(db, { teamId: T, repId: 'U1', leadId: lead.id, until: at(75), reason: 'budget in spring', now: at(40) });
    expect(await row()).toMatchObject({ snoozeCount: 3, snoozedDaysTotal: 65 });
  });

  it('a refused snooze (someone else\'s lead) counts nothing', async () => {
    const db = database.db;
    await givenRep(db, T, 'U2', 'UTC', t0);
    const lead = await givenLead(db, { team: T, owner: 'U2', name: 'Theirs', at: t0 });
    await expect(snoozeLead(db, { teamId: T, repId: 'U1', leadId: lead.id, until: at(10), now: t0 })).rejects.toThrow(/not your lead/);
    expect((await db.select().from(leads).where(eq(leads.id, lead.id)))[0]).toMatchObject({ snoozeCount: 0, snoozedDaysTotal: 0 });
  });
});
