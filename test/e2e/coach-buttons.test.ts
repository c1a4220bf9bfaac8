import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQueue } from '../../src/coach/index.js';
import type { Database } from '../../src/db/client.js';
import { loadCoachLeads } from '../../src/db/queries/coach-leads.js';
import { leads, nextSteps } from '../../src/db/schema.js';
import { morningMessage } from '../../src/slack/ui/morning-message.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { dbTargets } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';
import { dmsTo } from '../support/slack-stand-in.js';

const TEAM = 'T0COACHB';
const ANA = 'U0ANA';
const BO = 'U0BO';
const MIA = 'U0MIA'; // manager
const NY = 'America/New_York';
const now = new Date('2026-11-25T15:00:00Z'); // Wed 10:00 in New York
const endOfToday = new Date('2026-11-26T04:59:59.999Z');
const nextWeek = new Date('2026-12-03T04:59:59.999Z'); // end of Wed 2 Dec in New York


describe.each(dbTargets())('the coach buttons and DMs, with signed requests, on $name', (target) => {
  let database: Database;
  let app: TestApp;
  const id: Record<string, string> = {};
  let clicks = 0;

  const drained = async () => expect(await app.running.inFlight.drained(10_000)).toBe(true);
  const homesOf = (userId: string) => app.slack.callsOf('views.publish').filter((c) => c.args.user_id === userId);
  /** A button click as Slack sends it, from a message with a response_url; returns what was answered there. */
  const click = async (actionId: string, value: string, userId = ANA) => {
    const path = `click${++clicks}`;
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, {
      type: 'block_actions', team: { id: TEAM, domain: 'c' }, user: { id: userId, team_id: TEAM, name: userId.toLowerCase() }, api_app_id: 'A0APP', token: 'legacy',
      trigger_id: `trig.${clicks}`, response_url: `${app.slack.responseUrlBase}${path}`,
      container: { type: 'message', message_ts: '1.1', channel_id: `D${userId.slice(1)}`, is_ephemeral: false },
      actions: [{ type: 'button', action_id: actionId, block_id: `lead:${value}`, value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
    });
    expect(res.status).toBe(200);
    await drained();
    return JSON.stringify(app.slack.responses.find((r) => r.path.endsWith(path))?.body ?? null);
  };
  const stepOf = async (leadId: string) =>
    (await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, leadId), eq(nextSteps.status, 'open'))))[0];

  beforeAll(async () => {
    database = await target.open();
    const users = await givenTeam(database.db, TEAM, { [ANA]: { tz: NY, displayName: 'Ana Reyes' }, [BO]: NY, [MIA]: { tz: NY, manager: true } }, now);
    const at = new Date(now.getTime() - 10 * 86_400_000);
    const made = async (name: string, owner: string, spec: Partial<Parameters<typeof givenLead>[1]> = {}) =>
      (id[name] = (await givenLead(database.db, { team: TEAM, owner, name, at, ...spec })).id);
    await made('Acme Corp', ANA, {
      email: 'buyer@acme.com',
      touches: 2,
      nextStep: { action: 'send the proposal', dueAt: endOfToday, theirCommitment: 'send the budget' },
    });
    await made('Globex', ANA, { touches: 1, nextStep: { action: 'call back', dueAt: nextWeek } });
    await made('Referred Co', ANA, { touches: 3, referredBy: 'Maria Lopez', nextStep: { action: 'send contract', dueAt: nextWeek } });
    await made('Bo Lead', BO, { touches: 1, nextStep: { action: 'send the deck', dueAt: nextWeek, promised: true } });
    await made('Bo Two', BO, { touches: 1 });
    await made('Bo Three', BO, { touches: 1, nextStep: { action: 'visit them', dueAt: nextWeek } });
    app = await startTestApp({ database, teamId: TEAM, users, now: () => now });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });

  it('R4: one click on "They did their part" records it kept, leaves the step open, and the next Home and DM show it; a second click changes nothing', async () => {
    const before = homesOf(ANA).length;
    const first = await click('lead_their_kept', id['Acme Corp']!);
    expect(first).toContain('Noted: *Acme Corp* did their part (send the budget). Your step stays open: send the proposal by');
    const step = await stepOf(id['Acme Corp']!);
    expect(step).toMatchObject({ status: 'open', theirStatus: 'kept', action: 'send the proposal' });
    const [lead] = await database.db.select().from(leads).where(eq(leads.id, id['Acme Corp']!));
    expect(lead!.theirKept).toBe(1);
    expect(homesOf(ANA).length).toBe(before + 1);
    expect(JSON.stringify(homesOf(ANA).at(-1)!.args.view)).toContain('they did their part: send the budget');
    const clock = { now, zone: NY };
    const dm = morningMessage(buildQueue(await loadCoachLeads(database.db, { teamId: TEAM, ownerId: ANA }), clock), clock)!;
    expect(JSON.stringify(dm.blocks)).toContain('they did their part: send the budget');
    expect(JSON.stringify(dm.blocks)).not.toContain('lead_their_kept');

    const second = await click('lead_their_missed', id['Acme Corp']!);
    expect(second).toContain('Already recorded: *Acme Corp* did their part (send the budget). Nothing was changed.');
    expect(await stepOf(id['Acme Corp']!)).toMatchObject({ theirStatus: 'kept' });
    expect(homesOf(ANA).length).toBe(before + 1);
  });

  it("R4: someone else's lead is refused and nothing changes", async () => {
    expect(await click('lead_their_kept', id['Bo Lead']!, ANA)).toContain("That's not your lead, so nothing was changed.");
  });

  it('R14: logging a call for a lead with an e-mail address answers with a mailto: naming the agreed step and its date', async () => {
    const reply = (await app.commandReply('log "Acme Corp" call agreed a demo next: send slots by friday promised they: pick a slot', ANA, { triggerId: 'log1' }));
    expect(reply.text).not.toContain('Tip: confirm by email');
    const href = /<(mailto:[^|>]+)\|open it ready to send to buyer@acme\.com>/.exec(reply.text)?.[1];
    expect(href).toBeDefined();
    const url = new URL(href!);
    expect(url.pathname).toBe('buyer@acme.com');
    const mail = `${url.searchParams.get('subject')}\n${url.searchParams.get('body')}`;
    expect(mail).toContain('send slots');
    expect(mail).toMatch(/27/);
    expect(mail).toContain('pick a slot');
    // Text alone: a long mailto: link is never cut at a block's 3,000 characters.
    expect(reply.blocks).toBeUndefined();
  });

  it('R14: with no address the reply has the draft button, which opens the draft in a modal', async () => {
    const reply = (await app.commandReply('log "Globex" meeting agreed a pilot next: send the pilot plan by monday', ANA, { triggerId: 'log2' }));
    expect(reply.text).toContain('there is no e-mail address for Globex; copy this draft:');
    const button = reply.blocks!.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === 'lead_email_draft');
    expect(button).toMatchObject({ value: id['Globex'] });
    await click('lead_email_draft', id['Globex']!);
    const modal = JSON.stringify(app.slack.callsOf('views.open').at(-1)!.args.view);
    expect(modal).toContain('Confirmation e-mail');
    expect(modal).toContain('send the pilot plan');
  });

  it('R11: winning a referred lead sets the thank-you step and DMs the owner to thank the referrer', async () => {
    const dmsBefore = dmsTo(app.slack, ANA).length;
    const reply = (await app.commandReply('won "Referred Co" signed', ANA, { triggerId: 'won1' }));
    expect(reply.text).toContain(':trophy: Won *Referred Co*! It is a customer now.');
    expect(reply.text).toContain("I've sent you a reminder to thank Maria Lopez, who referred them.");
    expect(await stepOf(id['Referred Co']!)).toMatchObject({ origin: 'thanks' });
    const dms = dmsTo(app.slack, ANA).slice(dmsBefore);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]!.args.text)).toContain('who came to you through Maria Lopez. Thank them today');
  });

  it('R11: Done on a customer sets the next aftercare step itself and opens no form', async () => {
    const opened = app.slack.callsOf('views.open').length;
    const reply = await click('lead_done', id['Referred Co']!);
    expect(reply).toContain('Next (set for you):');
    expect(await stepOf(id['Referred Co']!)).toMatchObject({ origin: 'checkin' });
    expect(app.slack.callsOf('views.open').length).toBe(opened);
  });

  it('R11: doing the steps walks the customer through the check-in a month after the win, the referral ask, then a check-in every 90 days', async () => {
    const step = async () => {
      const s = (await stepOf(id['Referred Co']!))!;
      return { origin: s.origin, due: DateTime.fromJSDate(s.dueAt, { zone: NY }).toISODate() };
    };
    // Won today (Wed 25 Nov); the thank-you was done by the test before: the service check-in, 30 days on.
    expect(await step()).toEqual({ origin: 'checkin', due: '2026-12-25' });
    const walk: Array<{ origin: string; due: string | null }> = [];
    for (let i = 0; i < 3; i++) {
      expect(await app.command('done "Referred Co"', ANA)).toContain('Next (set for you):');
      walk.push(await step());
    }
    expect(walk).toEqual([
      // Two working days on: Friday.
      { origin: 'referral-ask', due: '2026-11-27' },
      // The team's check-in interval (90 days by default), a weekend moved to Monday.
      { origin: 'checkin', due: '2027-02-23' },
      { origin: 'checkin', due: '2027-02-23' },
    ]);
    // A customer always keeps exactly one open step.
    const open = await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, id['Referred Co']!), eq(nextSteps.status, 'open')));
    expect(open).toHaveLength(1);
  });

  it('R13: a reassigned lead\'s new owner gets a DM at once naming the lead, who handed it over and its open step', async () => {
    const before = dmsTo(app.slack, ANA).length;
    const reply = (await app.commandReply(`reassign "Bo Lead" <@${ANA}|ana>`, MIA, { triggerId: 're1' }));
    expect(reply.text).toBe(`Reassigned *Bo Lead* from <@${BO}> to <@${ANA}>. <@${ANA}> has a DM about it.`);
    const dms = dmsTo(app.slack, ANA).slice(before);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]!.args.text)).toBe(
      `<@${MIA}> handed *Bo Lead* over to you (it was <@${BO}>'s).\nIts next step: send the deck by Wed 2 Dec (promised).\nIts history: \`/followup show "Bo Lead"\`.`,
    );
  });

  it('R13: reassign all sends one DM listing the leads; a rep is refused without a rule id', async () => {
    const before = dmsTo(app.slack, ANA).length;
    const reply = (await app.commandReply(`reassign all <@${BO}|bo> <@${ANA}|ana>`, MIA, { triggerId: 're2' }));
    expect(reply.text).toBe(`Moved 2 leads from <@${BO}> to <@${ANA}>. <@${ANA}> has a DM listing them.`);
    const dms = dmsTo(app.slack, ANA).slice(before);
    expect(dms).toHaveLength(1);
    const text = String(dms[0]!.args.text);
    expect(text).toContain(`<@${MIA}> handed you 2 leads that were <@${BO}>'s:`);
    expect(text).toContain('• *Bo Two* — no next step yet');
    expect(text).toContain('• *Bo Three* — next step: visit them by Wed 2 Dec');
    const refused = (await app.commandReply(`reassign "Globex" <@${BO}|bo>`, ANA, { triggerId: 're3' })).text;
    expect(refused).toContain('Only a manager can reassign leads');
    expect(refused).not.toMatch(/\bR\d+\b/);
  });

  it('help is role-aware: a rep sees no managers\' commands, a manager does', async () => {
    const rep = (await app.commandReply('help', ANA)).text;
    const manager = (await app.commandReply('help', MIA)).text;
    expect(rep).toContain('/followup log "Acme Corp" call agreed a demo next: send slots by friday promised');
    expect(rep).not.toMatch(/\breassign\b/);
    expect(manager).toMatch(/For managers: `reassign`/);
    expect((await app.commandReply('help reassign', ANA)).text).toMatch(/is for managers/);
    expect((await app.commandReply('help log', ANA)).text).toContain('Good signs: asked-price');
  });

  it('R9: change approach opens the next-step form for a new approach; close it lost closes it', async () => {
    await click('lead_change_approach', id['Globex']!);
    const view = app.slack.callsOf('views.open').at(-1)!.args.view as any;
    expect(view.title.text).toBe('Try a new approach');
    expect(JSON.stringify(view.blocks)).toContain('try another channel');
    expect(await click('lead_close_lost', id['Globex']!)).toContain('Closed *Globex* as lost');
    const [lead] = await database.db.select().from(leads).where(eq(leads.id, id['Globex']!));
    expect(lead!.status).toBe('lost');
  });

  it('every Slack call was one Slack accepts (its Web API description)', () => {
    expect(app.slack.violations).toEqual([]);
  });
});
