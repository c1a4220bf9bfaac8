import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads, nextSteps, reps, teams, touches } from '../../src/db/schema.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0DAY';
const ANA = 'U0ANA';
const BO = 'U0BO';
const BOSS = 'U0BOSS'; // a Slack workspace admin
const GUEST = 'U0GUEST';
// Wednesday 25 Nov 2026, 10:00 in New York.
let now = new Date('2026-11-25T15:00:00Z');
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

const user = (id: string) => ({ id, team_id: TEAM, name: id.toLowerCase(), username: id.toLowerCase() });
const state = (values: Record<string, Record<string, object>>) => ({ values });

/** What every interaction payload from this workspace carries. */
const interaction = (type: string, userId: string, trigger: string) => ({
  type,
  team: { id: TEAM, domain: 'day' },
  user: user(userId),
  api_app_id: 'A0APP',
  token: 'legacy',
  trigger_id: `trig.${trigger}.${Math.random()}`,
});

function viewSubmission(callbackId: string, viewId: string, values: Record<string, Record<string, object>>, privateMetadata = '') {
  const view = { id: viewId, team_id: TEAM, type: 'modal', callback_id: callbackId, private_metadata: privateMetadata, hash: 'h1' };
  return { ...interaction('view_submission', ANA, viewId), view: { ...view, title: { type: 'plain_text', text: 'x' }, blocks: [], state: state(values), app_id: 'A0APP', bot_id: 'B0BOT' } };
}

function blockAction(actionId: string, value: string | undefined, userId = ANA, extra: object = {}) {
  return {
    ...interaction('block_actions', userId, actionId),
    container: { type: 'message', message_ts: '1.1', channel_id: 'D0ANA', is_ephemeral: false },
    channel: { id: 'D0ANA', name: 'directmessage' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
    ...extra,
  };
}

describe.each(dbTargets())('a rep runs their day from Slack on $name', (target) => {
  const database = useDatabase(target);
  const id: Record<string, string> = {};
  const interact = async (payload: object) => {
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, payload);
    expect(res.status).toBe(200);
    return res;
  };
  const stepsOf = (leadId: string) => database.db.select().from(nextSteps).where(eq(nextSteps.leadId, leadId));
  const lastDm = () => app.slack.callsOf('chat.postMessage').at(-1)?.args.text as string | undefined;

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => now,
    seed: async (db) => {
      const reps = await givenTeam(db, TEAM, { [ANA]: 'America/New_York', [BO]: 'Europe/Berlin' }, now);
      for (const name of ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli']) {
        id[name] = (await givenLead(db, { team: TEAM, owner: ANA, name, tier: 'lead', value: 5000, at: now })).id;
      }
      id['Bo Lead'] = (await givenLead(db, { team: TEAM, owner: BO, name: 'Bo Lead', at: now })).id;
      const boss = { id: BOSS, tz: 'America/Chicago', is_admin: true };
      const guest = { id: GUEST, tz: 'UTC', is_restricted: true };
      return [...reps, boss, guest];
    },
  });

  it('`/followup log` with no arguments opens the log modal', async () => {
    const text = await app.command('log', ANA);
    expect(text ?? '').toBe('');
    const opened = app.slack.callsOf('views.open').at(-1)!;
    expect((opened.args.view as { callback_id: string }).callback_id).toBe('log_touch');
  });

  it('the lead select offers the rep\'s own leads as they type', async () => {
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, {
      type: 'block_suggestion', action_id: 'lead_select', block_id: 'lead', value: 'ac',
      team: { id: TEAM, domain: 'day' }, user: user(ANA), api_app_id: 'A0APP', token: 'legacy',
      view: { id: 'V0SUGGEST', team_id: TEAM, type: 'modal', callback_id: 'log_touch', private_metadata: '', state: state({}) },
    });
    expect(res.body.options.map((o: { text: { text: string } }) => o.text.text)).toEqual(['Acme Corp']);
  });

  it('a log submission with a past date gets a field error and writes nothing; the corrected one goes through once', async () => {
    const values = (date: string) => ({
      lead: { lead_select: { type: 'external_select', selected_option: { value: id['Acme Corp'], text: { type: 'plain_text', text: 'Acme Corp' } } } },
      channel: { channel: { type: 'static_select', selected_option: { value: 'call', text: { type: 'plain_text', text: 'call' } } } },
      outcome: { outcome: { type: 'plain_text_input', value: 'talked pricing' } },
      next_action: { next_action: { type: 'plain_text_input', value: 'send proposal' } },
      next_date: { next_date: { type: 'datepicker', selected_date: date } },
      next_time: { next_time: { type: 'timepicker', selected_time: null } },
      promised: { promised: { type: 'checkboxes', selected_options: [{ value: 'promised' }] } },
      their_commitment: { their_commitment: { type: 'plain_text_input', value: 'share budget' } },
      signals: { signals: { type: 'checkboxes', selected_options: [{ value: 'vague' }] } },
    });
    const refused = await interact(viewSubmission('log_touch', 'V0LOG', values('2026-11-20')));
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { next_date: expect.stringMatching(/past/) } });
    expect(await database.db.select().from(touches)).toHaveLength(0);

    await interact(viewSubmission('log_touch', 'V0LOG', values('2026-11-27')));
    // A double submit of the same view changes nothing twice.
    await interact(viewSubmission('log_touch', 'V0LOG', values('2026-11-27')));
    const logged = await database.db.select().from(touches);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ channel: 'call', outcome: 'talked pricing', signals: ['vague'] });
    const open = (await stepsOf(id['Acme Corp']!)).filter((s) => s.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ action: 'send proposal', promised: true, theirCommitment: 'share budget' });
    expect(open[0]!.dueAt.toISOString()).toBe('2026-11-28T04:59:59.999Z');
    // The DM goes out after the ack.
    await app.slack.waitFor(() => lastDm()?.includes('Logged call with *Acme Corp* (touch 1)') ?? false);
  });

  it('the Log touch button opens the modal pre-filled; a click on someone else\'s lead is refused', async () => {
    const views = app.slack.callsOf('views.open').length;
    await interact(blockAction('lead_log_touch', id['Globex'], ANA, { response_url: `${app.slack.responseUrlBase}b1` }));
    // Bolt acks first; the modal opens right after.
    await app.slack.waitFor(() => app.slack.callsOf('views.open').length > views);
    const view = app.slack.callsOf('views.open').at(-1)!.args.view as { blocks: { element?: { initial_option?: { value: string } } }[] };
    expect(view.blocks[0]!.element!.initial_option!.value).toBe(id['Globex']);
    const opened = app.slack.callsOf('views.open').length;
    await interact(blockAction('lead_log_touch', id['Bo Lead'], ANA, { response_url: `${app.slack.responseUrlBase}b2` }));
    await app.slack.waitFor(() => app.slack.responses.some((r) => r.path.endsWith('b2')));
    expect(JSON.stringify(app.slack.responses.at(-1)!.body)).toContain('not your lead');
    expect(app.slack.callsOf('views.open')).toHaveLength(opened);
  });

  it('Set next step and Done buttons: the step is done, then the rep is asked for the new one', async () => {
    const views = app.slack.callsOf('views.open').length;
    await interact(blockAction('lead_set_next', id['Globex'], ANA, { response_url: `${app.slack.responseUrlBase}n1` }));
    await app.slack.waitFor(() => app.slack.callsOf('views.open').length > views);
    const nextView = app.slack.callsOf('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string };
    expect(nextView).toMatchObject({ callback_id: 'set_next_step', private_metadata: id['Globex'] });
    await interact(viewSubmission('set_next_step', 'V0NEXT', {
      next_action: { next_action: { type: 'plain_text_input', value: 'demo' } },
      next_date: { next_date: { type: 'datepicker', selected_date: '2026-12-01' } },
      next_time: { next_time: { type: 'timepicker', selected_time: '14:30' } },
    }, id['Globex']));
    await app.slack.waitFor(() => lastDm()?.includes('Next step for *Globex*') ?? false);
    let open = (await stepsOf(id['Globex']!)).filter((s) => s.status === 'open');
    expect(open.map((s) => [s.action, s.dueAt.toISOString()])).toEqual([['demo', '2026-12-01T19:30:00.000Z']]);

    await interact(blockAction('lead_done', id['Globex'], ANA, { response_url: `${app.slack.responseUrlBase}d1` }));
    await app.slack.waitFor(() => app.slack.responses.some((r) => r.path.endsWith('d1')));
    open = (await stepsOf(id['Globex']!)).filter((s) => s.status === 'open');
    expect(open).toHaveLength(0);
    expect((app.slack.callsOf('views.open').at(-1)!.args.view as { callback_id: string }).callback_id).toBe('set_next_step');
  });

  it('the Snooze menu takes a lead out until that morning', async () => {
    await interact({ ...blockAction('lead_snooze', undefined, ANA, { response_url: `${app.slack.responseUrlBase}s1` }),
      actions: [{ type: 'overflow', action_id: 'lead_snooze', block_id: 'b1', action_ts: '1', selected_option: { value: `${id['Initech']}|3d`, text: { type: 'plain_text', text: '3 days' } } }] });
    await app.slack.waitFor(() => app.slack.responses.some((r) => r.path.endsWith('s1')));
    const [row] = await database.db.select().from(leads).where(eq(leads.id, id['Initech']!));
    // Sat 28 Nov 00:00 in New York.
    expect(row!.snoozedUntil!.toISOString()).toBe('2026-11-28T05:00:00.000Z');
    // R15: the snooze is counted, with its days (a parked lead snoozed too often is flagged).
    expect([row!.snoozeCount, row!.snoozedDaysTotal]).toEqual([1, 3]);
    // App Home is redrawn without the snoozed lead.
    await app.slack.waitFor(() => app.slack.callsOf('views.publish').some((c) => c.args.user_id === ANA && !JSON.stringify(c.args.view).includes('Initech')));
  });

  it('text subcommands: snooze, done with they:, won, lost, show, undo, settings', async () => {
    expect(await app.command('snooze hooli until monday back from holiday', ANA)).toMatch(/Snoozed \*Hooli\* until Mon 30 Nov/);
    expect(await app.command('next umbrella call by friday they: send budget', ANA)).toContain('Next step for *Umbrella*');
    expect(await app.command('done umbrella they:kept', ANA)).toMatch(/They kept their side[\s\S]*no next step defined/);
    const [umbrella] = await database.db.select().from(leads).where(eq(leads.id, id['Umbrella']!));
    expect(umbrella!.engagedAt).not.toBeNull();
    expect(umbrella!.touchesSinceEngagement).toBe(0);

    const won = await app.command('won "Acme Corp" signed 2-year deal', ANA);
    expect(won).toContain('Won *Acme Corp*');
    const [acme] = await database.db.select().from(leads).where(eq(leads.id, id['Acme Corp']!));
    expect(acme).toMatchObject({ status: 'won', tier: 'customer' });
    const thanks = (await stepsOf(id['Acme Corp']!)).filter((s) => s.status === 'open');
    // R11: one step at a time — first the thank-you, due within 2 days of the win (by the end of Fri 27 Nov in New York).
    expect(thanks.map((s) => s.origin)).toEqual(['thanks']);
    expect(thanks[0]!.dueAt.getTime()).toBeGreaterThan(now.getTime());
    expect(thanks[0]!.dueAt.getTime()).toBeLessThanOrEqual(new Date('2026-11-28T04:59:59.999Z').getTime());
    expect(won).toContain('a check-in 30 days after the win, then asking for a referral');

    expect(await app.command('lost umbrella went with a competitor', ANA)).toContain('Closed *Umbrella* as lost (went with a competitor)');
    const shown = await app.command('show globex', ANA);
    expect(shown).toMatch(/\*Globex\*[\s\S]*Next steps[\s\S]*demo/);

    minutes(1);
    await app.command('log globex email sent deck', ANA);
    const undone = await app.command('undo', ANA);
    expect(undone).toContain('Undid the email with *Globex*');
    expect(await database.db.select().from(touches).where(eq(touches.leadId, id['Globex']!))).toHaveLength(0);

    const set = await app.command('settings dm:07:30 tz:Europe/Lisbon', ANA);
    expect(set).toMatch(/morning DM at 07:30[\s\S]*Europe\/Lisbon/);
    const [ana] = await database.db.select().from(reps).where(and(eq(reps.teamId, TEAM), eq(reps.userId, ANA)));
    expect(ana).toMatchObject({ dmTime: '07:30', tz: 'Europe/Lisbon', tzOverridden: true });
    await app.command('settings tz:America/New_York', ANA);
  });

  it('team settings: a workspace admin appoints the first manager and sets the digest; a rep is refused', async () => {
    expect(await app.command('settings digest:<#C0SALES|sales>', ANA)).toMatch(/Only a manager/);
    const out = await app.command('settings manager:<@U0ANA|ana> digest:<#C0SALES|sales> digest-day:tue digest-time:10:00', BOSS);
    expect(out).toContain('<@U0ANA> is a manager now');
    const [team] = await database.db.select().from(teams).where(eq(teams.id, TEAM));
    // The team zone defaults to the zone of whoever set the digest channel.
    expect(team).toMatchObject({ digestChannel: 'C0SALES', digestDay: 2, digestTime: '10:00', teamTz: 'America/Chicago' });
  });

  it('a manager reassigns a lead; delete asks first and erases on confirm', async () => {
    expect(await app.command('add "For Bo" owner:<@U0BO|bo>', ANA)).toMatch(/Added \*For Bo\* for <@U0BO>/);
    expect(await app.command('add "Not Mine" owner:<@U0ANA|ana>', BO)).toMatch(/Only a manager can add a lead for another rep/);
    expect(await app.command('reassign "Bo Lead" <@U0ANA|ana>', ANA)).toContain('Reassigned *Bo Lead* from <@U0BO> to <@U0ANA>');
    const confirm = await app.command('delete "Bo Lead"', ANA);
    expect(confirm).toContain('cannot be undone');
    expect(await database.db.select().from(leads).where(eq(leads.id, id['Bo Lead']!))).toHaveLength(1);
    await interact(blockAction('lead_delete_confirm', id['Bo Lead'], ANA, { response_url: `${app.slack.responseUrlBase}del` }));
    await app.slack.waitFor(() => app.slack.responses.some((r) => r.path.endsWith('del')));
    expect(await database.db.select().from(leads).where(eq(leads.id, id['Bo Lead']!))).toHaveLength(0);
    // Bo is no manager: a forged confirm click on Ana's lead erases nothing.
    await interact(blockAction('lead_delete_confirm', id['Globex'], BO, { response_url: `${app.slack.responseUrlBase}del2` }));
    await app.slack.waitFor(() => app.slack.responses.some((r) => r.path.endsWith('del2')));
    expect(await database.db.select().from(leads).where(eq(leads.id, id['Globex']!))).toHaveLength(1);
  });

  it('guests are told the app is for members and change nothing', async () => {
    const before = await database.db.select().from(leads);
    expect(await app.command('add "Guest Lead"', GUEST)).toMatch(/for members/);
    expect(await database.db.select().from(leads)).toEqual(before);
  });
});
