import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../src/db/client.js';
import { closeWon } from '../../src/db/ops/close-lead.js';
import { leads, nextSteps, reps } from '../../src/db/schema.js';
import { packageRoot } from '../../src/paths.js';
import { runCli } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenLead, givenTeam, type LeadSpec } from '../support/given.js';
import { BOT_TOKEN } from '../support/serve-process.js';
import { startSlackStandIn, type SlackStandIn, type StandInUser } from '../support/slack-stand-in.js';

const fixture = (name: string) => join(packageRoot(), 'test', 'fixtures', 'imports', name);
const CLOCK = '2026-11-25T15:00:00Z';
const now = new Date(CLOCK);
// Carla is in the Slack workspace (found by e-mail) but not yet a rep of any team.
const SLACK_USERS: StandInUser[] = [
  { id: 'U0ANA', tz: 'America/New_York', real_name: 'Ana Lopez', email: 'ana@coach.example' },
  { id: 'U0BO', tz: 'Europe/Berlin', real_name: 'Bo Berg', email: 'bo@coach.example' },
  { id: 'U0CARLA', tz: 'America/Los_Angeles', real_name: 'Carla Ruiz', email: 'carla@coach.example' },
];
const TEAMS = { hubspot: 'T0HUB', salesforce: 'T0SF', pipedrive: 'T0PIPE', dry: 'T0DRY', copy: 'T0COPY', many: 'T0MANY' } as const;

/** Rejected line numbers and reasons, as the CLI prints them. */
const rejectedLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('• line ')).map((l) => l.slice(2));

describe.each(await processDbTargets('fc-import-'))('`import` and `export` on $name', (target) => {
  const slack: Record<string, SlackStandIn> = {};
  const dir = mkdtempSync(join(tmpdir(), 'fc-import-files-'));
  const cli = (args: string[], team: string | null) =>
    runCli(args, { LOG_LEVEL: 'warn', FOLLOWUP_CLOCK_START: CLOCK, ...target.env, ...(team && slack[team] ? { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack[team]!.url } : {}) });
  const importFile = (file: string, team: string, ...flags: string[]) => cli(['import', file, '--team', team, '--owner', 'U0ANA', ...flags], team);
  const exportTeam = async (team: string) => {
    const out = await cli(['export', '--team', team], team);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    return out.stdout;
  };
  const withDb = <T>(fn: (db: Db) => Promise<T>): Promise<T> => withDatabase(target, fn);
  const countLeads = (team: string) => withDb(async (db) => Number(rowsOf(await db.execute(sql`select count(*)::int as n from leads where team_id = ${team}`))[0]!.n));

  beforeAll(async () => {
    for (const team of [TEAMS.hubspot, TEAMS.salesforce, TEAMS.pipedrive, TEAMS.dry]) {
      slack[team] = await startSlackStandIn({ teamId: team, users: SLACK_USERS });
    }
    await seedDatabase(target, async (db) => {
      for (const team of Object.values(TEAMS)) {
        await givenTeam(db, team, {
          U0ANA: { tz: 'America/New_York', displayName: 'Ana Lopez', email: 'ana@coach.example' },
          U0BO: { tz: 'Europe/Berlin', displayName: 'Bo Berg', email: 'bo@coach.example' },
        }, now);
      }
      // Salesforce: a lead someone added in Slack, which the file completes (matched by e-mail).
      await givenLead(db, { team: TEAMS.salesforce, owner: 'U0ANA', name: 'Will Berg', email: 'will@existing.example', at: now });
    });
  }, 60_000);

  afterAll(async () => {
    for (const s of Object.values(slack)) await s.close();
    await target.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a HubSpot contacts export, reporting its bad rows by line', async () => {
    const out = await importFile(fixture('hubspot-contacts.csv'), TEAMS.hubspot);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('14 rows read: 7 created, 0 updated, 1 skipped (already up to date), 6 rejected.');
    expect(rejectedLines(out.stdout)).toEqual([
      'line 7: no name',
      "line 8: e-mail 'bad-at-example.com' is not an address",
      "line 9: value 'lots' is not a number",
      "line 10: created date '31/31/2026' is not a date",
      'line 11: has 4 fields, the header has 13',
      'line 12: broken quoting (a stray or unclosed ")',
      'line 6: owner \'Zed Unknown\': no rep goes by "Zed Unknown"; use their e-mail or Slack id; given to U0ANA',
    ]);
    expect(slack[TEAMS.hubspot]!.violations).toEqual([]);
    await withDb(async (db) => {
      const rows = await db.select().from(leads).where(eq(leads.teamId, TEAMS.hubspot)).orderBy(asc(leads.createdAt));
      expect(rows.map((l) => [l.name, l.tier, l.ownerId, l.value, l.touchCount, l.imported, l.alertOwner])).toEqual([
        ['Lee Evans', 'customer', 'U0ANA', 48500.5, 1, true, false],
        ['Sam Cole', 'cold', 'U0ANA', null, 0, true, false],
        ['Jo Smith', 'customer', 'U0ANA', 12000, 1, true, false],
        ['Max Power', 'lead', 'U0BO', 5000, 0, true, false],
        // Found in Slack by e-mail, and now a rep of the team.
        ['Priya Patel', 'lead', 'U0CARLA', 250000, 1, true, false],
        ['Ola Nordmann', 'lead', 'U0BO', 7500, 0, true, false],
        ['Mia Wong', 'lead', 'U0ANA', null, 0, true, false],
      ]);
      // The duplicate row (line 14) did not overwrite the first one.
      expect(rows.find((l) => l.name === 'Jo Smith')).toMatchObject({ company: 'Acme Corp', phone: '+1 555 0100', email: 'jo@acme.example' });
      const carla = await db.select().from(reps).where(and(eq(reps.teamId, TEAMS.hubspot), eq(reps.userId, 'U0CARLA')));
      expect(carla.map((r) => [r.tz, r.email])).toEqual([['America/Los_Angeles', 'carla@coach.example']]);
    });
  }, 60_000);

  it('imports a Salesforce leads report (CRLF, US dates, a multi-line description), completing a lead added in Slack', async () => {
    const out = await importFile(fixture('salesforce-leads.csv'), TEAMS.salesforce);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('13 rows read: 6 created, 1 updated, 0 skipped (already up to date), 6 rejected.');
    expect(rejectedLines(out.stdout)).toEqual([
      'line 7: no name',
      "line 8: created date 'next tuesday' is not a date",
      "line 9: e-mail 'ray@wingtip' is not an address",
      "line 10: value '1,2,3' is not a number",
      'line 11: has 6 fields, the header has 18',
      'line 15: broken quoting (a stray or unclosed ")',
      "line 13: owner 'dan@gone.example': dan@gone.example is not in this Slack workspace; given to U0ANA",
    ]);
    await withDb(async (db) => {
      const rows = await db.select().from(leads).where(eq(leads.teamId, TEAMS.salesforce)).orderBy(asc(leads.createdAt));
      expect(rows.map((l) => [l.name, l.tier, l.status, l.ownerId, l.value])).toEqual([
        ['Vera Lind', 'lead', 'open', 'U0ANA', 75000],
        ['Omar Haddad', 'cold', 'lost', 'U0ANA', null],
        ['Pia Schultz', 'cold', 'open', 'U0ANA', null],
        ['Nina Brooks', 'referral', 'open', 'U0BO', 250000],
        ['Uma Khan', 'referral', 'open', 'U0CARLA', null],
        ['Yan Ito', 'referral', 'open', 'U0ANA', null],
        // "Working - Contacted" says it is an existing lead.
        ['Will Berg', 'lead', 'open', 'U0ANA', null],
      ]);
      const nina = rows.find((l) => l.name === 'Nina Brooks')!;
      expect(nina).toMatchObject({
        note: 'Met at the\npartner summit;\nwants a demo\nNext step: Send proposal',
        createdAt: new Date('2026-11-02T23:00:00Z'),
        lastTouchAt: new Date('2026-11-19T23:00:00Z'),
        touchCount: 1,
      });
      expect(rows.find((l) => l.name === 'Omar Haddad')!.lostAt).toEqual(new Date('2026-10-15T04:00:00Z'));
      expect(rows.find((l) => l.name === 'Will Berg')).toMatchObject({ company: 'Existing Co', imported: false, externalId: null });
    });
  }, 60_000);

  it('imports a Pipedrive deals export (semicolons, European amounts, next activities)', async () => {
    const out = await importFile(fixture('pipedrive-deals.csv'), TEAMS.pipedrive);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('12 rows read: 6 created, 0 updated, 1 skipped (already up to date), 5 rejected.');
    expect(rejectedLines(out.stdout)).toEqual([
      'line 6: no name',
      "line 7: value '-200' is negative",
      "line 8: created date '2026-13-01' is not a date",
      'line 9: has 3 fields, the header has 15',
      'line 10: broken quoting (a stray or unclosed ")',
      'line 11: owner \'Carla Ruiz\': no rep goes by "Carla Ruiz"; use their e-mail or Slack id; given to U0ANA',
    ]);
    await withDb(async (db) => {
      const rows = await db
        .select({ name: leads.name, tier: leads.tier, status: leads.status, value: leads.value, owner: leads.ownerId, wonAt: leads.wonAt, action: nextSteps.action, dueAt: nextSteps.dueAt, allDay: nextSteps.allDay })
        .from(leads)
        .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
        .where(eq(leads.teamId, TEAMS.pipedrive))
        .orderBy(asc(leads.createdAt));
      expect(rows).toEqual([
        { name: 'Omar Haddad', tier: 'cold', status: 'lost', value: 1500, owner: 'U0ANA', wonAt: null, action: null, dueAt: null, allDay: null },
        { name: 'Nina Brooks', tier: 'referral', status: 'won', value: 12000.5, owner: 'U0BO', wonAt: new Date('2026-11-01T23:00:00Z'), action: null, dueAt: null, allDay: null },
        { name: 'Pia Schultz', tier: 'lead', status: 'open', value: 7500, owner: 'U0ANA', wonAt: null, action: 'call to ask where things stand and what would help them decide', dueAt: new Date('2026-12-04T04:59:59.999Z'), allDay: true },
        { name: 'Litware deal', tier: 'lead', status: 'open', value: 0, owner: 'U0BO', wonAt: null, action: 'call to ask where things stand and what would help them decide', dueAt: new Date('2026-12-04T13:00:00Z'), allDay: false },
        // Sue Park came with no step and no history: the first-touch plan gives her a dated first contact.
        { name: 'Sue Park', tier: 'lead', status: 'open', value: 3250, owner: 'U0ANA', wonAt: null, action: 'introduce yourself and ask what prompted their interest', dueAt: expect.any(Date), allDay: true },
        // A next activity already past is kept: it shows as overdue, which is the truth of the CRM.
        { name: 'Uma Khan', tier: 'referral', status: 'open', value: 2000, owner: 'U0BO', wonAt: null, action: 'call to ask where things stand and what would help them decide', dueAt: new Date('2026-11-20T22:59:59.999Z'), allDay: true },
      ]);
    });
  }, 60_000);

  it('changes nothing when the same files are imported again', async () => {
    const snapshot = () =>
      withDb(async (db) => ({
        leads: await db.select().from(leads).orderBy(asc(leads.id)),
        steps: await db.select().from(nextSteps).orderBy(asc(nextSteps.id)),
        reps: await db.select().from(reps).orderBy(asc(reps.teamId), asc(reps.userId)),
      }));
    const before = await snapshot();
    for (const [file, team, accepted, rejected] of [
      ['hubspot-contacts.csv', TEAMS.hubspot, 8, 6],
      ['salesforce-leads.csv', TEAMS.salesforce, 7, 6],
      ['pipedrive-deals.csv', TEAMS.pipedrive, 7, 5],
    ] as const) {
      const out = await importFile(fixture(file), team);
      expect(out.stdout.split('\n')[0], file).toBe(`${accepted + rejected} rows read: 0 created, 0 updated, ${accepted} skipped (already up to date), ${rejected} rejected.`);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('--dry-run reports the same and writes nothing, reps found in Slack included', async () => {
    const out = await importFile(fixture('hubspot-contacts.csv'), TEAMS.dry, '--dry-run');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n').slice(0, 2)).toEqual([
      'dry run: nothing was written',
      '14 rows read: 7 created, 0 updated, 1 skipped (already up to date), 6 rejected.',
    ]);
    expect(await countLeads(TEAMS.dry)).toBe(0);
    const repIds = await withDb(async (db) => (await db.select({ id: reps.userId }).from(reps).where(eq(reps.teamId, TEAMS.dry))).map((r) => r.id).sort());
    expect(repIds).toEqual(['U0ANA', 'U0BO']);
  }, 60_000);

  it('lists every rejected row, however many (a Slack reply caps its list; the terminal does not)', async () => {
    const bad = Array.from({ length: 75 }, (_, i) => `Lead ${i},not-an-address-${i}`);
    const out = await importFile(writeTemp('many-bad.csv', ['Name,Email', 'Good Lead,good@lead.example', ...bad, ''].join('\n')), TEAMS.many);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('76 rows read: 1 created, 0 updated, 0 skipped (already up to date), 75 rejected.');
    expect(rejectedLines(out.stdout)).toEqual(bad.map((_, i) => `line ${i + 3}: e-mail 'not-an-address-${i}' is not an address`));
    expect(out.stdout).not.toContain('more');
  }, 60_000);

  it('round-trips: export, import into another team (owner ids mapped), export again: the same bytes', async () => {
    // Give the Salesforce team what only Slack makes: touches, a promised step, a win, a formula-like name.
    await withDb(async (db) => {
      const T = TEAMS.salesforce;
      const add = (name: string, extra: Partial<LeadSpec> = {}) => givenLead(db, { team: T, owner: 'U0BO', name, at: now, ...extra });
      await add('=cmd|calc', { phone: '+49 30 1234', value: 99.99, tier: 'referral', touches: 1,
        nextStep: { action: 'send "quote", v2', dueAt: new Date('2026-11-27T22:59:59.999Z'), promised: true } });
      const w = await add('Won Corp', { tier: 'customer', touches: [{ channel: 'meeting' }] });
      await closeWon(db, { teamId: T, repId: 'U0BO', leadId: w.id, now, thanks: { action: 'thank them for their business', dueAt: new Date('2026-12-25T22:59:59.999Z') } });
      // A lost lead beside an open one of the same name and owner: both go out, and both come back.
      await add('Pia Schultz', { owner: 'U0ANA', email: 'pia.old@fabrikam.example', row: { status: 'lost', lostAt: now } });
    });
    const original = await exportTeam(TEAMS.salesforce);
    expect(original).toContain(`'=cmd|calc,,,'+49 30 1234,referral,99.99,U0BO,open,,${now.toISOString()},${now.toISOString()},1,"send ""quote"", v2",2026-11-27T22:59:59.999Z,yes,,\n`);
    expect(original).toContain('"Met at the\npartner summit;\nwants a demo\nNext step: Send proposal"');

    // Seven leads from the file, Will Berg, and the three above.
    const again = await importFile(writeTemp('again.csv', original), TEAMS.salesforce);
    expect(again.stdout).toBe('10 rows read: 0 created, 0 updated, 10 skipped (already up to date), 0 rejected.\n');
    expect(await exportTeam(TEAMS.salesforce)).toBe(original);

    // Team B's reps have other ids: the owner column is mapped, then imported without Slack.
    const ids: Record<string, string> = { U0ANA: 'U1ANA', U0BO: 'U1BO', U0CARLA: 'U1CARLA' };
    const mapOwners = (csv: string) => csv.replace(/,(U0ANA|U0BO|U0CARLA),/g, (_, id: string) => `,${ids[id]},`);
    await withDb((db) => givenTeam(db, TEAMS.copy, { U1ANA: 'America/New_York', U1BO: 'Europe/Berlin', U1CARLA: 'America/Los_Angeles' }, now));
    const copied = await cli(['import', writeTemp('mapped.csv', mapOwners(original)), '--team', TEAMS.copy, '--owner', 'U1ANA'], null);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toBe(
      '10 rows read: 10 created, 0 updated, 0 skipped (already up to date), 0 rejected.\n' +
        '1 lead with no history got a planned first contact, spread over the coming working days.\n',
    );
    // The same bytes but one line: Will Berg, added by hand in the first team and never contacted, is an
    // imported lead with no history in the second, so the first-touch plan gives him a dated first contact.
    const expected = mapOwners(original).split('\n');
    const copy = (await exportTeam(TEAMS.copy)).split('\n');
    expect(copy).toHaveLength(expected.length);
    const changed = copy.filter((line, i) => line !== expected[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^Will Berg,.*,introduce yourself and ask what prompted their interest,/);
  }, 120_000);

  it('refuses a PNG, a UTF-16 file, a file without a name column, a missing file and an unknown owner: exit 2, one line, nothing written', async () => {
    const before = await countLeads(TEAMS.hubspot);
    const png = writeTemp('logo.png', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000300010d0a2db40000000049454e44ae426082', 'hex'));
    const utf16 = writeTemp('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name,Email\r\nAcme,jo@acme.example\r\n', 'utf16le')]));
    const noName = writeTemp('no-name.csv', 'Email,Company\njo@acme.example,Acme\n');
    for (const [args, message] of [
      [['import', png, '--team', TEAMS.hubspot, '--owner', 'U0ANA'], /^Refused .*logo\.png: the file is not CSV text \(it holds NUL bytes: a binary or UTF-16 file\)\.$/],
      [['import', utf16, '--team', TEAMS.hubspot, '--owner', 'U0ANA'], /^Refused .*utf16\.csv: the file is UTF-16 text, not a UTF-8 CSV file/],
      [['import', noName, '--team', TEAMS.hubspot, '--owner', 'U0ANA'], /^Refused .*no-name\.csv: no name column \(Name, First Name \+ Last Name, or a deal title\); the headers are "Email", "Company"\.$/],
      [['import', join(dir, 'missing.csv'), '--team', TEAMS.hubspot, '--owner', 'U0ANA'], /^Cannot read ".*missing\.csv": no such file\.$/],
      [['import', noName, '--team', TEAMS.hubspot, '--owner', 'nobody@nowhere.example'], /^--owner nobody@nowhere\.example: nobody@nowhere\.example is not in this Slack workspace\.$/],
      [['import', noName, '--team', TEAMS.hubspot], /^Usage: followup-coach import <file\.csv> --team <T> --owner <U> \[--dry-run\]$/],
      [['import', noName, '--team', TEAMS.hubspot, '--owner', 'U0ANA', '--dryrun'], /^Unknown option '--dryrun'.*Usage: followup-coach import/],
      [['export'], /^Usage: followup-coach export --team <T> \[--owner <U>\]$/],
      [['export', '--team', 'T0NOSUCH'], /^Unknown team "T0NOSUCH"/],
    ] as const) {
      const out = await cli([...args], TEAMS.hubspot);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr.trim(), args.join(' ')).toMatch(message);
      expect(out.stdout).toBe('');
    }
    expect(await countLeads(TEAMS.hubspot)).toBe(before);
  }, 120_000);

  it('exports one rep\'s leads with --owner (by Slack id or e-mail)', async () => {
    const byId = await cli(['export', '--team', TEAMS.pipedrive, '--owner', 'U0BO'], TEAMS.pipedrive);
    const byEmail = await cli(['export', '--team', TEAMS.pipedrive, '--owner', 'bo@coach.example'], TEAMS.pipedrive);
    expect(byId.code).toBe(0);
    expect(byEmail.stdout).toBe(byId.stdout);
    expect(byId.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['Nina Brooks', 'Litware deal', 'Uma Khan']);
  }, 60_000);

  function writeTemp(name: string, content: string | Buffer): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }
});
