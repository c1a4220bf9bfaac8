import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads, nextSteps, teams, touches } from '../../src/db/schema.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0LOGF';
const ANA = 'U0ANA';
const MIA = 'U0MIA'; // manager
const now = new Date('2026-11-25T15:00:00Z'); // Wed 10:00 in New York
const endOfToday = new Date('2026-11-26T04:59:59.999Z');

const interaction = (type: string, userId: string) => ({
  type, team: { id: TEAM, domain: 'lf' }, user: { id: userId, team_id: TEAM, name: userId.toLowerCase(), username: userId.toLowerCase() },
  api_app_id: 'A0APP', token: 'legacy', trigger_id: `trig.${Math.random()}`,
});
const modalView = (viewId: string, state: object = {}) => ({
  id: viewId, team_id: TEAM, type: 'modal', callback_id: 'log_touch', private_metadata: '', hash: 'h1',
  title: { type: 'plain_text', text: 'Log a touch' }, blocks: [], state: { values: state }, app_id: 'A0APP', bot_id: 'B0BOT',
});

describe.each(dbTargets())('the log form and the team settings on $name', (target) => {
  const database = useDatabase(target);
  const id: Record<string, string> = {};
  const interact = async (payload: object) => {
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, payload);
    expect(res.status).toBe(200);
    return res;
  };
  const drained = async () => expect(await app.running.inFlight.drained(10_000)).toBe(true);

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => now,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [ANA]: 'America/New_York', [MIA]: { tz: 'America/New_York', manager: true } }, now);
      const at = new Date(now.getTime() - 5 * 86_400_000);
      id['Acme Corp'] = (await givenLead(db, { team: TEAM, owner: ANA, name: 'Acme Corp', email: 'buyer@acme.com', at, touches: 1,
        nextStep: { action: 'send the proposal', dueAt: endOfToday, theirCommitment: 'send the budget' } })).id;
      id['Globex'] = (await givenLead(db, { team: TEAM, owner: ANA, name: 'Globex', at, touches: 1 })).id;
      return users;
    },
  });

  it('R4: choosing a lead whose step has their side pending redraws the form with "Did they do their part?"', async () => {
    await interact({
      ...interaction('block_actions', ANA),
      container: { type: 'view', view_id: 'V0LOG1' },
      view: modalView('V0LOG1'),
      actions: [{ type: 'external_select', action_id: 'lead_select', block_id: 'lead', selected_option: { text: { type: 'plain_text', text: 'Acme Corp' }, value: id['Acme Corp'] }, action_ts: '1.2' }],
    });
    await drained();
    const update = app.slack.callsOf('views.update').at(-1)!;
    expect(update.args.view_id).toBe('V0LOG1');
    const form = JSON.stringify(update.args.view);
    expect(form).toContain('Did they do their part?');
    expect(form).toContain('They agreed to: send the budget');
    expect(form).toContain('They reached out');
    expect(form).toContain('Good signs');
    expect(form).toContain('Poor signs');

    // A lead with nothing pending on their side: the question is not asked.
    await interact({
      ...interaction('block_actions', ANA),
      container: { type: 'view', view_id: 'V0LOG1' },
      view: modalView('V0LOG1'),
      actions: [{ type: 'external_select', action_id: 'lead_select', block_id: 'lead', selected_option: { text: { type: 'plain_text', text: 'Globex' }, value: id['Globex'] }, action_ts: '1.3' }],
    });
    await drained();
    expect(JSON.stringify(app.slack.callsOf('views.update').at(-1)!.args.view)).not.toContain('Did they do their part?');
  });

  it('R9, R4, R14: a submitted form logs an inbound call with a good sign, marks their side kept, and DMs the confirmation e-mail', async () => {
    await interact({
      ...interaction('view_submission', ANA),
      view: modalView('V0LOG2', {
        lead: { lead_select: { type: 'external_select', selected_option: { value: id['Acme Corp'] } } },
        channel: { channel: { type: 'static_select', selected_option: { value: 'call' } } },
        inbound: { inbound: { type: 'checkboxes', selected_options: [{ value: 'inbound' }] } },
        outcome: { outcome: { type: 'plain_text_input', value: 'they asked for a price' } },
        their_did: { their_did: { type: 'radio_buttons', selected_option: { value: 'kept' } } },
        good_signals: { good_signals: { type: 'checkboxes', selected_options: [{ value: 'asked-price' }] } },
        signals: { signals: { type: 'checkboxes', selected_options: [] } },
        next_action: { next_action: { type: 'plain_text_input', value: 'send the price sheet' } },
        next_date: { next_date: { type: 'datepicker', selected_date: '2026-11-27' } },
        next_time: { next_time: { type: 'timepicker', selected_time: null } },
        promised: { promised: { type: 'checkboxes', selected_options: [] } },
        their_commitment: { their_commitment: { type: 'plain_text_input', value: null } },
      }),
    });
    await drained();
    const [touch] = await database.db.select().from(touches).where(eq(touches.leadId, id['Acme Corp']!)).orderBy(touches.createdAt).then((t) => t.slice(-1));
    expect(touch).toMatchObject({ channel: 'call', outcome: 'they asked for a price', signals: ['asked-price'] });
    const done = await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, id['Acme Corp']!), eq(nextSteps.action, 'send the proposal')));
    expect(done[0]).toMatchObject({ status: 'done', theirStatus: 'kept' });
    const dm = app.slack.callsOf('chat.postMessage').at(-1)!;
    const text = String(dm.args.text);
    expect(text).toContain('Logged call (they reached out) with *Acme Corp* (touch 2).');
    expect(text).toContain('Done: send the proposal. They did their part.');
    const href = /<(mailto:[^|>]+)\|/.exec(text)![1]!;
    expect(new URL(href).searchParams.get('body')).toContain('send the price sheet');
  });

  it('R2, R11: a manager sets working hours and days, new leads a day and check-ins, shown in words; a rep is refused and nothing changes', async () => {
    const refused = await app.command('settings hours:08:00-17:00', ANA);
    expect(refused).toMatch(/Only a manager/);
    const [before] = await database.db.select().from(teams).where(eq(teams.id, TEAM));
    expect(before).toMatchObject({ workStart: '09:00', workEnd: '18:00' });

    const saved = await app.command('settings hours:08:00-17:00 days:mon-thu new-per-day:5 checkin-days:60', MIA);
    expect(saved).toContain('*Working time*: 08:00–17:00 on ');
    expect(saved).toContain("in each person's own time zone · up to 5 imported leads planned for first contact a day per rep · customers checked in every 60 days");
    const [after] = await database.db.select().from(teams).where(eq(teams.id, TEAM));
    expect(after).toMatchObject({ workStart: '08:00', workEnd: '17:00', workDays: [1, 2, 3, 4], newPerDay: 5, checkinDays: 60 });
    expect(await app.command('settings new-per-day:80', MIA)).toContain('new-per-day: takes a whole number from 1 to 50 (not "80").');
  });

  it('R2, R11: add with source:inbound and referred-by: keeps both on the lead', async () => {
    const added = await app.command('add "Initech" source:inbound referred-by:Maria Lopez', ANA);
    expect(added).toContain('Added *Initech*');
    expect(added).toContain('They reached out: make first contact within the hour');
    const [lead] = await database.db.select().from(leads).where(and(eq(leads.teamId, TEAM), eq(leads.name, 'Initech')));
    expect(lead).toMatchObject({ inbound: true, referredBy: 'Maria Lopez' });
    expect(await app.command('show "Initech"', ANA)).toContain('They reached out to us. Referred by Maria Lopez.');
  });

  it('every Slack call was one Slack accepts (its Web API description)', () => {
    expect(app.slack.violations).toEqual([]);
  });
});
