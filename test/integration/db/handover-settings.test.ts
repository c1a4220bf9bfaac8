import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { reassignAll, reassignLead } from '../../../src/db/ops/reassign-lead.js';
import { changeSettings, findTeamSettings } from '../../../src/db/ops/settings.js';
import { teams } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const T = 'T_HAND';
const now = new Date('2026-11-25T15:00:00Z');
const friday = new Date('2026-11-28T04:59:59.999Z');

describe.each(dbTargets())('handover and team settings on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { UM: { tz: 'UTC', manager: true }, UA: 'UTC', UB: 'UTC', UC: 'UTC' }, now);
  });

  it('R13: reassigning gives the new owner\'s handover what it names: the lead, who had it, its open step', async () => {
    const db = database.db;
    const lead = await givenLead(db, { team: T, owner: 'UA', name: 'Handed', at: now, nextStep: { action: 'send proposal', dueAt: friday, promised: true } });
    const moved = await reassignLead(db, { teamId: T, managerId: 'UM', leadId: lead.id, toOwnerId: 'UB', now });
    expect(moved).toMatchObject({ fromOwnerId: 'UA', lead: { ownerId: 'UB' }, openStep: { action: 'send proposal', promised: true } });
    const bare = await givenLead(db, { team: T, owner: 'UA', name: 'No step', at: now });
    expect((await reassignLead(db, { teamId: T, managerId: 'UM', leadId: bare.id, toOwnerId: 'UB', now })).openStep).toBeNull();
  });

  it('reassign all lists every moved lead with its open step, by name, and none of the new owner\'s own', async () => {
    const db = database.db;
    await givenLead(db, { team: T, owner: 'UC', name: 'Zeta', at: now, nextStep: { action: 'call', dueAt: friday } });
    await givenLead(db, { team: T, owner: 'UC', name: 'Alpha', at: now });
    await givenLead(db, { team: T, owner: 'UC', name: 'Gone', at: now, row: { status: 'lost' } });
    const r = await reassignAll(db, { teamId: T, managerId: 'UM', fromOwnerId: 'UC', toOwnerId: 'UB', now });
    expect(r.count).toBe(2);
    expect(r.leads.map((x) => [x.lead.name, x.lead.ownerId, x.openStep?.action ?? null])).toEqual([
      ['Alpha', 'UB', null],
      ['Zeta', 'UB', 'call'],
    ]);
  });

  it('R2/R11: working hours and days, new-per-day and check-in days are team settings with bounds; a bad one changes nothing', async () => {
    const db = database.db;
    expect(await findTeamSettings(db, T)).toMatchObject({ workStart: '09:00', workEnd: '18:00', workDays: [1, 2, 3, 4, 5], newPerDay: 10, checkinDays: 90 });
    const { team } = await changeSettings(db, { teamId: T, userId: 'UM', team: { workStart: '08:30', workEnd: '17:00', workDays: [5, 1, 3, 3], newPerDay: 50, checkinDays: 7 }, now });
    expect(team).toMatchObject({ workStart: '08:30', workEnd: '17:00', workDays: [1, 3, 5], newPerDay: 50, checkinDays: 7 });
    const before = (await db.select().from(teams).where(eq(teams.id, T)))[0];
    for (const bad of [{ newPerDay: 0 }, { newPerDay: 51 }, { checkinDays: 6 }, { checkinDays: 366 }, { workDays: [] }, { workDays: [8] }, { workStart: '9am' }]) {
      await expect(changeSettings(db, { teamId: T, userId: 'UM', team: bad, now })).rejects.toThrow();
    }
    await expect(changeSettings(db, { teamId: T, userId: 'UM', team: { workStart: '17:30' }, now })).rejects.toThrow('Working hours must end after they start (17:30-17:00 does not)');
    expect((await db.select().from(teams).where(eq(teams.id, T)))[0]).toEqual(before);
  });
});
