import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CONTACT_ACTION } from '../../../src/coach/index.js';
import { planFirstTouchesFor } from '../../../src/db/ops/plan-first-touches.js';
import { changeSettings } from '../../../src/db/ops/settings.js';
import { leads, nextSteps } from '../../../src/db/schema.js';
import { importLeads } from '../../../src/intake/import-leads.js';
import { csvChunks, csvText } from '../../support/csv.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const T = 'T_PLAN';
const NY = 'America/New_York';
// Wed 25 Nov 2026, 10:00 in New York: inside working hours, so today takes first contacts too.
const now = new Date('2026-11-25T15:00:00Z');
const book = (names: string[], extra: string[][] = []) =>
  csvText([['Name', 'Owner', 'Lifecycle Stage', 'Value', 'Last Contacted', 'Next Step Date'], ...names.map((n) => [n, 'U1', 'Lead', '1000', '', '']), ...extra]);

describe.each(dbTargets())('R2 the first-touch plan for imported books on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { U1: NY }, now);
  });

  const planned = async () => {
    const rows = await database.db
      .select({ name: leads.name, dueAt: nextSteps.dueAt, action: nextSteps.action, allDay: nextSteps.allDay })
      .from(nextSteps)
      .innerJoin(leads, eq(leads.id, nextSteps.leadId))
      .where(and(eq(nextSteps.teamId, T), eq(nextSteps.origin, 'plan'), eq(nextSteps.status, 'open')))
      .orderBy(asc(nextSteps.dueAt), asc(leads.name));
    return rows.map((r) => ({ ...r, day: DateTime.fromJSDate(r.dueAt, { zone: NY }).toFormat('ccc dd') }));
  };
  const perDay = (rows: { day: string }[]) => rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.day]: (m[r.day] ?? 0) + 1 }), {});

  it('spreads never-touched imported leads over working days, at most new-per-day a day, highest priority first', async () => {
    const db = database.db;
    const names = Array.from({ length: 21 }, (_, i) => `Lead ${String(i).padStart(2, '0')}`);
    const summary = await importLeads(db, csvChunks(book(names, [
      ['Big Referral', 'U1', 'Referral', '90000', '', ''],
      ['Called Before', 'U1', 'Lead', '1000', '2026-11-20', ''],
      ['Cold One', 'U1', 'Cold', '1000', '', ''],
      ['Dated', 'U1', 'Lead', '1000', '', '2026-12-02'],
    ])), { teamId: T, defaultOwner: 'U1', now });
    expect(summary).toMatchObject({ created: 25, planned: 22 });
    const rows = await planned();
    expect(rows).toHaveLength(22);
    expect(perDay(rows)).toEqual({ 'Wed 25': 10, 'Thu 26': 10, 'Fri 27': 2 });
    expect(rows[0]).toMatchObject({ name: 'Big Referral', day: 'Wed 25', action: FIRST_CONTACT_ACTION, allDay: true });
    const names2 = rows.map((r) => r.name);
    for (const skipped of ['Called Before', 'Cold One', 'Dated']) expect(names2).not.toContain(skipped);
    // The dated one keeps the step its file gave it.
    const [dated] = await db.select({ origin: nextSteps.origin }).from(nextSteps).innerJoin(leads, eq(leads.id, nextSteps.leadId)).where(and(eq(nextSteps.teamId, T), eq(leads.name, 'Dated')));
    expect(dated?.origin).toBe('rep');
  });

  it('counts first contacts already planned, skips the weekend, and plans nothing twice', async () => {
    const db = database.db;
    await givenLead(db, { team: T, owner: 'U1', name: 'Added by hand', at: now });
    const more = Array.from({ length: 15 }, (_, i) => `More ${String(i).padStart(2, '0')}`);
    const summary = await importLeads(db, csvChunks(book(more)), { teamId: T, defaultOwner: 'U1', now });
    expect(summary.planned).toBe(15);
    const rows = await planned();
    expect(perDay(rows)).toEqual({ 'Wed 25': 10, 'Thu 26': 10, 'Fri 27': 10, 'Mon 30': 7 });
    expect(rows.map((r) => r.name)).not.toContain('Added by hand');
    expect(await planFirstTouchesFor(db, { teamId: T, now, zoneOf: () => NY })).toBe(0);
  });

  it('follows the team\'s working days and new-per-day, and starts tomorrow once today\'s hours are over', async () => {
    const db = database.db;
    await changeSettings(db, { teamId: T, userId: 'U1', team: { newPerDay: 3, workDays: [2, 4] }, now });
    const evening = new Date('2026-11-25T23:30:00Z'); // Wed 18:30 in New York
    await importLeads(db, csvChunks(book(['Late 1', 'Late 2', 'Late 3', 'Late 4'])), { teamId: T, defaultOwner: 'U1', now: evening });
    const late = (await planned()).filter((r) => r.name.startsWith('Late'));
    // Thursday already holds 10 from before, so with 3 a day the next room is on Tuesday and Thursday after.
    expect(perDay(late)).toEqual({ 'Tue 01': 3, 'Thu 03': 1 });
  });
});
