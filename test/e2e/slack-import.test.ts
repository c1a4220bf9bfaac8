import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../../src/db/schema.js';
import { IMPORT_FILE, IMPORT_MODAL, IMPORT_OPTIONS, IMPORT_OWNER } from '../../src/slack/ui/import-modal.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendEvent, sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0IMPORT';
const MIA = 'U0MIA'; // the manager
const REP = 'U0REP';
const now = new Date('2026-11-25T15:00:00Z');

// A HubSpot-style export: two good rows, one without a name.
const HUBSPOT = [
  'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Original Source,Contact owner,Annual Revenue',
  '101,Ada,Lovelace,ada@engines.test,Analytical Engines,customer,Referrals,rep@acme.test,"$25,000"',
  '102,Grace,Hopper,grace@cobol.test,COBOL Inc,salesqualifiedlead,Organic Search,,12000',
  '103,,,nobody@void.test,Void Co,lead,Direct Traffic,,',
].join('\n');

describe.each(dbTargets())('importing a CSV from Slack on $name', (target) => {
  const database = useDatabase(target);
  let eventSeq = 0;
  const teamLeads = () => database.db.select().from(leads).where(eq(leads.teamId, TEAM));
  const dmToMia = () => app.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'D0MIA').map((c) => String(c.args.text));
  const shareInDm = (userId: string, file: object, text = '') =>
    sendEvent(app.baseUrl, SIGNING_SECRET, {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: `Ev0IMP${++eventSeq}`, event_time: eventSeq,
      event: { type: 'message', subtype: 'file_share', channel: `D${userId.slice(1)}`, channel_type: 'im', user: userId, text, files: [file], ts: `${eventSeq}.1`, event_ts: `${eventSeq}.1` },
    });
  const submitImport = (viewId: string, file: object | null, dryRun: boolean, userId = MIA) =>
    sendInteraction(app.baseUrl, SIGNING_SECRET, {
      type: 'view_submission', team: { id: TEAM, domain: 'imp' }, user: { id: userId, team_id: TEAM, name: 'x' }, api_app_id: 'A0APP', token: 't', trigger_id: `t.${viewId}`,
      view: {
        id: viewId, team_id: TEAM, type: 'modal', callback_id: IMPORT_MODAL, private_metadata: '', hash: 'h', title: { type: 'plain_text', text: 'x' }, blocks: [], app_id: 'A0APP', bot_id: 'B0BOT',
        state: {
          values: {
            [IMPORT_FILE]: { [IMPORT_FILE]: { type: 'file_input', files: file ? [file] : [] } },
            [IMPORT_OWNER]: { [IMPORT_OWNER]: { type: 'users_select', selected_user: MIA } },
            [IMPORT_OPTIONS]: { [IMPORT_OPTIONS]: { type: 'checkboxes', selected_options: dryRun ? [{ value: 'dry_run', text: { type: 'plain_text', text: 'x' } }] : [] } },
          },
        },
      },
    });

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => now,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [MIA]: { tz: 'America/New_York', manager: true }, [REP]: { tz: 'America/New_York', email: 'rep@acme.test' } }, now);
      return users;
    },
  });

  it('a rep who is not a manager is told who can import; nothing is downloaded or written', async () => {
    const file = app.slack.addFile('leads.csv', HUBSPOT);
    expect((await shareInDm(REP, file)).status).toBe(200);
    await app.slack.waitFor(() => app.slack.callsOf('chat.postMessage').some((c) => c.args.channel === 'D0REP'));
    expect(app.slack.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0REP')!.args.text).toMatch(/Only managers can import leads/);
    expect(app.slack.downloads).toEqual([]);
    expect(await teamLeads()).toEqual([]);
  });

  it('a file that is not a CSV is refused before it is downloaded', async () => {
    const png = app.slack.addFile('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'png');
    await shareInDm(MIA, png);
    await app.slack.waitFor(() => dmToMia().some((t) => t.includes('is not a CSV file')));
    expect(app.slack.downloads).toEqual([]);
  });

  it('a manager drops a HubSpot export into the DM: imported with the bot token, summary back in the DM', async () => {
    const file = app.slack.addFile('hubspot <export>.csv', HUBSPOT);
    await shareInDm(MIA, file);
    await app.slack.waitFor(() => dmToMia().some((t) => t.startsWith('*Import of')), 10_000);
    expect(app.slack.downloads.at(-1)!.authorization).toMatch(/^Bearer xoxb-/);
    const summary = dmToMia().find((t) => t.startsWith('*Import of'))!;
    expect(summary).toContain('hubspot &lt;export&gt;.csv');
    expect(summary).toMatch(/3 rows read: 2 created, 0 updated, 0 skipped/);
    expect(summary).toMatch(/line 4/i);
    const rows = await teamLeads();
    expect(rows.map((l) => [l.name, l.ownerId, l.tier, l.imported, l.alertOwner]).sort()).toEqual([
      // Lifecycle stage comes before source: the first tier-ish column that maps wins.
      ['Ada Lovelace', REP, 'customer', true, false],
      ['Grace Hopper', MIA, 'lead', true, false],
    ]);
    // Imported leads are not arrivals: nobody is alerted.
    expect(app.slack.callsOf('chat.postMessage').filter((c) => String(c.args.text).startsWith('New lead for you'))).toEqual([]);
  });

  it('/followup import opens the form for a manager and refuses a rep', async () => {
    expect(await app.command('import', REP)).toMatch(/Only managers can import leads/);
    expect(await app.command('import', MIA)).toBe('');
    const opened = app.slack.callsOf('views.open').at(-1)!;
    expect(JSON.stringify(opened.args.view)).toContain('"type":"file_input"');
  });

  it('the form\'s dry run writes nothing; the real run is idempotent with the DM import', async () => {
    const file = app.slack.addFile('again.csv', HUBSPOT.replace('Analytical Engines', 'Analytical Engines Ltd'));
    const before = dmToMia().length;
    expect((await submitImport('V0DRY', file, true)).status).toBe(200);
    await app.slack.waitFor(() => dmToMia().length > before && dmToMia().at(-1)!.startsWith('*Import of'), 10_000);
    expect(dmToMia().at(-1)).toMatch(/dry run/i);
    expect((await teamLeads()).find((l) => l.name === 'Ada Lovelace')!.company).toBe('Analytical Engines');

    const real = dmToMia().length;
    expect((await submitImport('V0REAL', file, false)).status).toBe(200);
    await app.slack.waitFor(() => dmToMia().length > real && dmToMia().at(-1)!.startsWith('*Import of'), 10_000);
    expect(dmToMia().at(-1)).toMatch(/1 updated/);
    const rows = await teamLeads();
    expect(rows).toHaveLength(2);
    expect(rows.find((l) => l.name === 'Ada Lovelace')!.company).toBe('Analytical Engines Ltd');
  });

  it('a submission without a file gets a field error', async () => {
    const res = await submitImport('V0NOFILE', null, false);
    expect(res.body).toEqual({ response_action: 'errors', errors: { [IMPORT_FILE]: 'Choose a CSV file.' } });
  });
});
