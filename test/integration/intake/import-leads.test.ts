import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../../src/db/client.js';
import { closeLost } from '../../../src/db/ops/close-lead.js';
import { leads, nextSteps, reps, teams } from '../../../src/db/schema.js';
import { ImportRefused, importLeads, type ImportOptions } from '../../../src/intake/import-leads.js';
import { csvChunks, csvText } from '../../support/csv.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const now = new Date('2026-11-25T15:00:00Z');
const friday = new Date('2026-11-28T04:59:59.999Z');
let teamSeq = 0;

/** Everything about a team's leads and steps that an import could change, in a stable order. */
async function snapshot(db: Db, teamId: string) {
  const rows = await db.select().from(leads).where(eq(leads.teamId, teamId)).orderBy(asc(leads.createdAt), asc(leads.name), asc(leads.id));
  const steps = await db.select().from(nextSteps).where(eq(nextSteps.teamId, teamId)).orderBy(asc(nextSteps.leadId), asc(nextSteps.createdAt));
  const repRows = await db.select().from(reps).where(eq(reps.teamId, teamId)).orderBy(asc(reps.userId));
  return { rows, steps, repRows };
}

describe.each(dbTargets())('importLeads on $name', (target) => {
  const database = useDatabase(target);
  let db: Db;
  let T: string;
  const run = (csv: string, opts: Partial<ImportOptions> = {}) => importLeads(db, csvChunks(csv), { teamId: T, defaultOwner: 'U0ANA', now, ...opts });
  const leadsOf = async () => db.select().from(leads).where(eq(leads.teamId, T)).orderBy(asc(leads.createdAt), asc(leads.name));
  const lead = async (name: string) => (await db.select().from(leads).where(and(eq(leads.teamId, T), eq(leads.name, name))))[0]!;

  beforeAll(async () => {
    db = database.db;
  });
  beforeEach(async () => {
    T = `TIMPORT${++teamSeq}`;
    await givenTeam(db, T, {
      U0ANA: { tz: 'America/New_York', displayName: 'Ana Lopez', email: 'ana@coach.example' },
      U0BO: { tz: 'Europe/Berlin', displayName: 'Bo Berg', email: 'bo@coach.example' },
    }, now);
  });

  it('creates imported leads that raise no speed-to-lead alert, owned as the file says', async () => {
    const summary = await run(csvText([
      ['Name', 'Email', 'Owner', 'Lifecycle Stage', 'Value', 'Create Date'],
      ['Acme Corp', 'jo@acme.example', 'bo@coach.example', 'Customer', '$12,000.00', '2026-10-01'],
      ['Beta Labs', '', 'Bo Berg', '', '', ''],
      ['Gamma', '', 'Zed Unknown', 'Lead', '', ''],
    ]));
    expect(summary).toEqual({
      created: 3, updated: 0, skipped: 0, rejected: [], dryRun: false, rows: 3, planned: 3,
      ownerNotes: [{ line: 4, reason: 'owner \'Zed Unknown\': no rep goes by "Zed Unknown"; use their e-mail or Slack id; given to U0ANA' }],
    });
    const rows = await leadsOf();
    expect(rows.map((l) => [l.name, l.ownerId, l.tier, l.value, l.imported, l.alertOwner, l.createdBy, l.createdAt.toISOString()])).toEqual([
      // Bo is in Berlin: a bare created date is the start of his day.
      ['Acme Corp', 'U0BO', 'customer', 12000, true, false, 'U0ANA', '2026-09-30T22:00:00.000Z'],
      ['Beta Labs', 'U0BO', 'lead', null, true, false, 'U0ANA', now.toISOString()],
      ['Gamma', 'U0ANA', 'lead', null, true, false, 'U0ANA', now.toISOString()],
    ]);
  });

  it('matches by external id, then e-mail (any owner), then owner + name, and updates only what differs', async () => {
    await givenLead(db, { team: T, owner: 'U0BO', name: 'Hooked', at: now, row: { externalId: 'crm-7' } });
    await givenLead(db, { team: T, owner: 'U0BO', name: 'Mailed Co', email: 'Jo@Mailed.example', company: 'Mailed', at: now });
    const named = await givenLead(db, { team: T, owner: 'U0ANA', name: 'Named Inc', tier: 'referral', value: 500, at: now, touches: 1, nextStep: { action: 'call back', dueAt: friday } });

    const summary = await run(csvText([
      ['external id', 'name', 'email', 'owner', 'company', 'value', 'tier', 'status', 'touch count', 'next step', 'next step date'],
      // The external id wins over a different name and e-mail; status and touches are ours to keep.
      ['crm-7', 'Renamed in CRM', 'new@hooked.example', 'U0ANA', 'Hooked Holdings', '', '', 'lost', '9', '', ''],
      // E-mail, case-insensitively, whoever owns it: owner unchanged, nothing differs but the value.
      ['', 'Another Name', 'jo@mailed.example', 'U0ANA', 'Mailed', '750', '', '', '', '', ''],
      // Owner + name, case-insensitively: tier and value updated; it has a next step, so no new one.
      ['', 'NAMED INC', '', 'U0ANA', '', '900', 'customer', '', '', 'new step', '2026-12-10'],
      // The same name for another owner is another lead.
      ['', 'Named Inc', '', 'U0BO', '', '', '', '', '', '', ''],
    ]));
    expect(summary).toMatchObject({ created: 1, updated: 3, skipped: 0, rejected: [] });

    expect(await lead('Hooked')).toMatchObject({ ownerId: 'U0BO', company: 'Hooked Holdings', email: 'new@hooked.example', status: 'open', touchCount: 0 });
    expect(await lead('Mailed Co')).toMatchObject({ ownerId: 'U0BO', value: 750, email: 'Jo@Mailed.example' });
    const namedNow = (await db.select().from(leads).where(eq(leads.id, named.id)))[0]!;
    expect(namedNow).toMatchObject({ ownerId: 'U0ANA', tier: 'customer', value: 900, touchCount: 1 });
    const steps = await db.select().from(nextSteps).where(and(eq(nextSteps.leadId, named.id), eq(nextSteps.status, 'open')));
    expect(steps.map((s) => s.action)).toEqual(['call back']);
    const bo = await db.select().from(leads).where(and(eq(leads.teamId, T), eq(leads.ownerId, 'U0BO'), eq(leads.name, 'Named Inc')));
    expect(bo).toHaveLength(1);
  });

  it('adds a next step to a matched lead that has none, never to a lost one; a touched lead is never new again', async () => {
    const bare = await givenLead(db, { team: T, owner: 'U0ANA', name: 'Bare', at: now, touches: [{ channel: 'email' }] });
    const gone = await givenLead(db, { team: T, owner: 'U0ANA', name: 'Gone', at: now });
    await closeLost(db, { teamId: T, repId: 'U0ANA', leadId: gone.id, now });
    const summary = await run(csvText([
      ['name', 'owner', 'Lead Status', 'next step', 'next step date', 'promised'],
      ['Bare', 'U0ANA', 'New', 'send deck', '2026-12-03', 'yes'],
      ['Gone', 'U0ANA', '', 'revive?', '2026-12-03', ''],
    ]));
    expect(summary).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(await lead('Bare')).toMatchObject({ tier: 'lead', touchCount: 1 });
    const [step] = await db.select().from(nextSteps).where(and(eq(nextSteps.leadId, bare.id), eq(nextSteps.status, 'open')));
    expect(step).toMatchObject({ action: 'send deck', dueAt: new Date('2026-12-04T04:59:59.999Z'), allDay: true, promised: true, repId: 'U0ANA' });
    expect(await db.select().from(nextSteps).where(and(eq(nextSteps.leadId, gone.id), eq(nextSteps.status, 'open')))).toEqual([]);
  });

  it('matches an open row to an open lead first, else to a lost one; keeps a lost and an open record of one file apart', async () => {
    const old = await givenLead(db, { team: T, owner: 'U0ANA', name: 'Lost Cause', at: now });
    await closeLost(db, { teamId: T, repId: 'U0ANA', leadId: old.id, now });
    const file = csvText([
      ['name', 'owner', 'status', 'company'],
      ['Lost Cause', 'U0ANA', 'open', 'LC Ltd'],
      ['Twice', 'U0ANA', 'lost', 'Twice Old'],
      ['Twice', 'U0ANA', 'open', 'Twice New'],
    ]);
    expect(await run(file)).toMatchObject({ created: 2, updated: 1, skipped: 0 });
    // The lost lead took the company; it stays lost (our store decides status).
    expect(await lead('Lost Cause')).toMatchObject({ id: old.id, status: 'lost', company: 'LC Ltd' });
    const twice = (await leadsOf()).filter((l) => l.name === 'Twice').map((l) => [l.status, l.company]);
    expect(twice.sort()).toEqual([['lost', 'Twice Old'], ['open', 'Twice New']]);
    expect(await run(file)).toMatchObject({ created: 0, updated: 0, skipped: 3 });
  });

  it('is idempotent, in-file duplicates across batches included: the second import changes nothing', async () => {
    const file = csvText([
      ['Name', 'Email', 'Phone', 'Company', 'Owner', 'Lead Source', 'Last Contacted', 'Deal - Next activity date'],
      ['Acme', 'jo@acme.example', '', 'Acme Corp', 'U0ANA', 'Customer Referral', '2026-11-20', '2026-12-01'],
      ['Beta', 'b@beta.example', '555', 'Beta', 'U0BO', 'Web', '', ''],
      // The same person again, later in the file and in another batch: fills the empty phone only.
      ['Acme Again', 'JO@ACME.EXAMPLE', '+1 555 0100', 'Acme Holdings', 'U0BO', 'Cold call', '', '2026-12-09'],
      ['Beta', 'other@beta.example', '', 'Beta GmbH', 'U0BO', '', '', ''],
      ['Delta', '', '', '', '', '', '', ''],
    ]);
    const first = await run(file, { batchSize: 2 });
    expect(first).toMatchObject({ created: 3, updated: 1, skipped: 1, rows: 5 });
    expect(await lead('Acme')).toMatchObject({ phone: '+1 555 0100', company: 'Acme Corp', tier: 'referral', ownerId: 'U0ANA', touchCount: 1 });
    expect(await lead('Beta')).toMatchObject({ email: 'b@beta.example', company: 'Beta' });
    const before = await snapshot(db, T);
    for (const batchSize of [2, 1, 1000]) {
      expect(await run(file, { batchSize })).toMatchObject({ created: 0, updated: 0, skipped: 5, rejected: [] });
    }
    expect(await snapshot(db, T)).toEqual(before);
  });

  it('never lets a bad row stop the others, in any batch', async () => {
    const summary = await run(
      csvText([
        ['name', 'email', 'value', 'created'],
        ['Good 1', '', '10', ''],
        ['', 'x@y.example', '', ''],
        ['Bad mail', 'foo', '', ''],
        ['Good 2', '', '€ 1.000,50', ''],
        ['Bad value', '', 'lots', ''],
        ['Bad date', '', '', 'someday'],
        ['Good 3', '', '', '2026-01-02'],
      ]),
      { batchSize: 2 },
    );
    expect(summary).toMatchObject({ created: 3, rows: 7 });
    expect(summary.rejected).toEqual([
      { line: 3, reason: 'no name' },
      { line: 4, reason: "e-mail 'foo' is not an address" },
      { line: 6, reason: "value 'lots' is not a number" },
      { line: 7, reason: "created date 'someday' is not a date" },
    ]);
    expect((await leadsOf()).map((l) => [l.name, l.value])).toEqual([
      ['Good 3', null],
      ['Good 1', 10],
      ['Good 2', 1000.5],
    ]);
  });

  it('writes nothing on a dry run, and still sees in-file duplicates across batches', async () => {
    const file = csvText([
      ['name', 'email', 'owner'],
      ['Acme', 'jo@acme.example', 'U0ANA'],
      ['Acme Two', 'jo@acme.example', 'U0ANA'],
      ['Beta', '', 'U0BO'],
      ['Bad', 'nope', ''],
    ]);
    const before = await snapshot(db, T);
    const dry = await run(file, { dryRun: true, batchSize: 1 });
    expect(dry).toMatchObject({ created: 2, updated: 0, skipped: 1, dryRun: true, rows: 4 });
    expect(dry.rejected).toEqual([{ line: 5, reason: "e-mail 'nope' is not an address" }]);
    expect(await snapshot(db, T)).toEqual(before);
    // The real import does what the dry run said it would.
    expect(await run(file, { batchSize: 1 })).toEqual({ ...dry, dryRun: false, planned: 2 });
  });

  it('R11: stores who referred each lead, and fills it in on a matched lead that has none', async () => {
    await givenLead(db, { team: T, owner: 'U0ANA', name: 'Known Co', email: 'known@co.example', at: now });
    const summary = await run(csvText([
      ['Name', 'Email', 'Referred By'],
      ['Fresh Co', 'fresh@co.example', 'Dana at Beta'],
      ['Known Co', 'known@co.example', 'Sam (customer)'],
    ]));
    expect(summary).toMatchObject({ created: 1, updated: 1 });
    expect((await leadsOf()).map((l) => [l.name, l.referredBy])).toEqual([['Fresh Co', 'Dana at Beta'], ['Known Co', 'Sam (customer)']]);
  });

  it('refuses, writing nothing, a file without a name column, a binary file, and a default owner who is not a rep', async () => {
    const before = await snapshot(db, T);
    await expect(run('Email,Company\na@b.example,Acme\n')).rejects.toThrow(new ImportRefused('no name column (Name, First Name + Last Name, or a deal title); the headers are "Email", "Company"'));
    await expect(importLeads(db, csvChunks(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), { teamId: T, defaultOwner: 'U0ANA', now })).rejects.toBeInstanceOf(ImportRefused);
    await expect(run('name\nAcme\n', { defaultOwner: 'U0NOBODY' })).rejects.toThrow(/U0NOBODY is not one of the team's reps/);
    await expect(run('')).rejects.toThrow(/the file is empty/);
    expect(await snapshot(db, T)).toEqual(before);
  });

  it.skipIf(target.name === 'pglite')('skips a row whose name a concurrent add takes first, and imports the rest', async () => {
    // Another connection adds "Race Co" and holds its transaction open until the import waits on it.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let added!: () => void;
    const addedSignal = new Promise<void>((r) => (added = r));
    const blocker = db.transaction(async (tx) => {
      await tx.insert(leads).values({ teamId: T, ownerId: 'U0ANA', createdBy: 'U0ANA', name: 'Race Co', createdAt: now, updatedAt: now });
      added();
      await gate;
    });
    await addedSignal;
    const importing = run(csvText([['name', 'owner'], ['Race Co', 'U0ANA'], ['Calm Co', 'U0ANA']]));
    // Wait until the import's insert is blocked on the unique index, then let the add commit.
    for (let i = 0; ; i++) {
      const waiting = rowsOf(await db.execute(sql`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%insert into leads (%' and pid <> pg_backend_pid()`));
      if (Number(waiting[0]!.n) > 0) break;
      if (i > 200) throw new Error('the import never waited on the concurrent add');
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await blocker;
    expect(await importing).toMatchObject({ created: 1, updated: 0, skipped: 1, rejected: [] });
    const race = await db.select().from(leads).where(and(eq(leads.teamId, T), eq(leads.name, 'Race Co')));
    expect(race.map((l) => l.imported)).toEqual([false]);
  });

  it('leaves the team untouched when the team itself is unknown', async () => {
    await expect(importLeads(db, csvChunks('name\nAcme\n'), { teamId: 'T0NOSUCH', defaultOwner: 'U0ANA', now })).rejects.toBeInstanceOf(ImportRefused);
    expect(await db.select().from(teams).where(eq(teams.id, 'T0NOSUCH'))).toEqual([]);
  });
});
