import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads, nextSteps } from '../../src/db/schema.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam, type LeadSpec } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendEvent } from '../support/signed-request.js';

const TEAM = 'T0COACH';
const ANA = 'U0ANA'; // New York
const BO = 'U0BO'; // Berlin
const MIA = 'U0MIA'; // manager
// Wednesday 25 Nov 2026, 10:00 in New York.
const NOW = new Date('2026-11-25T15:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const endOfNyDay = (isoDate: string) => new Date(`${isoDate}T04:59:59.999Z`); // 23:59:59.999 EST the day before

describe.each(dbTargets())('coach commands through Slack on $name', (target) => {
  const database = useDatabase(target);
  const id: Record<string, string> = {};

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => NOW,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [ANA]: 'America/New_York', [BO]: 'Europe/Berlin', [MIA]: { tz: 'America/New_York', manager: true } }, NOW);
      const add = async (name: string, at: Date, spec: Partial<LeadSpec>) => (id[name] = (await givenLead(db, { team: TEAM, owner: ANA, name, at, ...spec })).id);
      const touched = (channel: 'call' | 'email' | 'meeting' | 'visit', ...daysAgo: number[]) => daysAgo.map((d) => ({ channel, at: ago(d * DAY) }));

      await add('Fresh Inbound', ago(20 * 60_000), { tier: 'new', inbound: true });
      await add('Acme Corp', ago(10 * DAY), { tier: 'referral', value: 12_000, touches: touched('email', 5), nextStep: { action: 'call', dueAt: endOfNyDay('2026-11-25'), promised: true } });
      await add('Big Customer', ago(20 * DAY), { tier: 'customer', value: 40_000, touches: [...touched('meeting', 12, 6), ...touched('email', 4)],
        nextStep: { action: 'renewal call', dueAt: endOfNyDay('2026-11-26') } });
      await add('Small Lead', ago(30 * DAY), { tier: 'lead', value: 500, touches: touched('email', 9), nextStep: { action: 'send pricing', dueAt: endOfNyDay('2026-11-26') } });
      await add('Cold One', ago(40 * DAY), { tier: 'cold' });
      await add('No Step Co', ago(30 * DAY), { tier: 'lead', value: 3000, touches: touched('call', 20, 10, 8) });
      await add('Sleeping', ago(30 * DAY), { tier: 'lead', touches: touched('call', 9), row: { snoozedUntil: new Date(NOW.getTime() + DAY) } });
      await add('Later Co', ago(30 * DAY), { tier: 'referral', value: 90_000, touches: touched('visit', 6), nextStep: { action: 'demo', dueAt: endOfNyDay('2026-12-03') } });
      await add("Bo's Lead", ago(30 * DAY), { owner: BO, tier: 'lead', touches: touched('call', 20) });
      return users;
    },
  });

  it('/followup help names every subcommand a rep can use, and `help <command>` gives its usage', async () => {
    const text = await app.command('help', ANA);
    for (const sub of ['add', 'log', 'next', 'queue', 'won']) expect(text).toContain(`\`/followup ${sub}`);
    for (const sub of ['done', 'lost', 'snooze', 'revive', 'show', 'undo', 'delete', 'settings']) expect(text).toContain(`\`${sub}\``);
    expect(text).not.toMatch(/\b(reassign|stalled|import)\b/);
    for (const sub of ['add', 'log', 'next', 'done', 'snooze', 'revive', 'won', 'lost', 'queue', 'settings', 'show', 'undo', 'delete']) {
      expect(await app.command(`help ${sub}`, ANA)).toContain(`Written: \`/followup ${sub}`);
    }
    for (const sub of ['reassign', 'stalled', 'import']) expect(await app.command(`help ${sub}`, MIA)).toContain(`Written: \`/followup ${sub}`);
    // Usage placeholders are escaped, so Slack shows them rather than reading them as markup.
    expect(await app.command('help log', ANA)).toContain('&lt;lead&gt;');
  });

  it('/followup queue lists due leads in the order the rules give, each with its reasons', async () => {
    const text = await app.command('queue', ANA);
    const order = [...text.matchAll(/^\d+\. \*([^*]+)\*/gm)].map((m) => m[1]);
    // R2 first, then R5's overdue promise, then R1 (customer over lead).
    expect(order).toEqual(['Fresh Inbound', 'Acme Corp', 'Big Customer', 'Small Lead']);
    // Each item: name — tier and value, then its reasons on the next line; no "touch N of 5+" under touch 5.
    expect(text).toMatch(/\*Acme Corp\* — Referral · \$12,000\n\s+promised call overdue/);
    expect(text).toMatch(/\*Fresh Inbound\* — New lead\n\s+first contact/);
    expect(text).toMatch(/\*Big Customer\* — Customer · \$40,000\n\s+.*renewal call/);
    expect(text).not.toMatch(/of 5\+/);
    expect(text).toMatch(/No next step\* \(1\)[\s\S]*No Step Co/);
    // Cold, snoozed and not-yet-due leads stay out; so do other reps' leads (R12, R13).
    for (const absent of ['Cold One', 'Sleeping', 'Later Co', "Bo's Lead"]) expect(text).not.toContain(absent);
  });

  it('App Home shows the rep\'s queue when opened; a retried event draws it once', async () => {
    const envelope = {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: 'Ev0HOME1', event_time: 1,
      event: { type: 'app_home_opened', user: ANA, channel: 'D0ANA', tab: 'home', event_ts: '1.1' },
    };
    expect((await sendEvent(app.baseUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    expect((await sendEvent(app.baseUrl, SIGNING_SECRET, envelope, { retryNum: 1 })).status).toBe(200);
    await app.slack.waitFor(() => app.slack.callsOf('views.publish').length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    const published = app.slack.callsOf('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.args.user_id).toBe(ANA);
    const view = JSON.stringify(published[0]!.args.view);
    expect(view.indexOf('Fresh Inbound')).toBeLessThan(view.indexOf('Acme Corp'));
    expect(view).toContain('No next step* (1)');
    expect(view).not.toContain("Bo's Lead");
    // Her own numbers for the week (from Monday in her zone): no touches logged yet this week.
    expect(view).toContain('*This week*: 0 touches');
    expect(view).toContain('Touches per open lead');
  });

  it('a manager\'s App Home also shows the team\'s stalled counts by rep', async () => {
    const before = app.slack.callsOf('views.publish').length;
    await sendEvent(app.baseUrl, SIGNING_SECRET, {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: 'Ev0HOMEMIA', event_time: 2,
      event: { type: 'app_home_opened', user: MIA, channel: 'D0MIA', tab: 'home', event_ts: '2.1' },
    });
    const miasHome = () => app.slack.callsOf('views.publish').slice(before).filter((c) => c.args.user_id === MIA);
    await app.slack.waitFor(() => miasHome().length > 0);
    const view = JSON.stringify(miasHome()[0]!.args.view);
    expect(view).toContain('Team — stalled leads by rep');
    // Each stalled lead once, under its most severe reason; the snoozed one is parked, apart.
    expect(view).toContain('<@U0BO>: 1 of 1 lead stalled — stopped early 1');
    expect(view).toMatch(/<@U0ANA>: \d+ of \d+ leads stalled — promise missed 1[^"]* · 1 parked/);
  });

  it('/followup next gives a lead its dated next step and replaces an open one', async () => {
    const set = await app.command('next "No Step Co" send case study by friday promised', ANA);
    expect(set).toContain('Next step for *No Step Co*: send case study by Fri 27 Nov (promised).');
    const replaced = await app.command('next small lead call back on pricing by dec 3 2pm', ANA);
    expect(replaced).toContain('Next step for *Small Lead*: call back on pricing by Thu 3 Dec 14:00.');
    expect(replaced).toContain('It replaces: send pricing');
    const open = await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, id['Small Lead']!), eq(nextSteps.status, 'open')));
    expect(open).toHaveLength(1);
    expect(open[0]!.dueAt.toISOString()).toBe('2026-12-03T19:00:00.000Z');
    expect(await app.command('queue', ANA)).not.toContain('No next step defined');
  });

  it('/followup next refuses past dates, missing dates and unknown leads, and changes nothing', async () => {
    const before = await database.db.select().from(nextSteps);
    expect(await app.command('next "Acme Corp" call by yesterday', ANA)).toMatch(/in the past/);
    expect(await app.command('next "Acme Corp" call soon', ANA)).toMatch(/Say when/);
    expect(await app.command('next "Nobody" call by friday', ANA)).toMatch(/no lead called "Nobody"/);
    expect(await app.command('next "Bo\'s Lead" call by friday', ANA)).toMatch(/no lead called/);
    expect(await database.db.select().from(nextSteps)).toEqual(before);
  });

  it('log without next: the coach proposes a dated step (R6), so the lead keeps exactly one', async () => {
    const text = await app.command('log "Big Customer" call went well', ANA);
    // App Home follows: redrawn after the log (earlier commands redraw it too, so wait for this one).
    const latestHome = () => JSON.stringify(app.slack.callsOf('views.publish').at(-1)?.args.view ?? '');
    await app.slack.waitFor(() => latestHome().includes('*This week*: 1 touch'));
    const home = latestHome();
    expect(home).toContain('Fresh Inbound');
    expect(home).not.toContain('renewal call due today');
    expect(home).toContain('*This week*: 1 touch');
    // The 4th touch: about 3 weeks to the next, Wed 16 Dec.
    expect(text).toContain('Logged call with *Big Customer* (touch 4).');
    expect(text).toContain('Done: renewal call.');
    expect(text).toContain('Next (proposed): bring something new (an idea, a case, an offer) and ask where they stand by Wed 16 Dec');
    expect(text).toContain('/followup next "Big Customer"');
    // After a call, the confirmation e-mail to send (Big Customer has no address: a draft to copy).
    expect(text).toContain('*Confirm it by e-mail* — there is no e-mail address for Big Customer; copy this draft:');
    expect(text).not.toContain('Tip: confirm by email');
    const open = await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, id['Big Customer']!), eq(nextSteps.status, 'open')));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ origin: 'coach', action: 'bring something new (an idea, a case, an offer) and ask where they stand' });
    expect(open[0]!.dueAt.toISOString()).toBe(endOfNyDay('2026-12-17').toISOString());
  });

  it('every open touched lead has exactly one dated next step after these commands (R3)', async () => {
    const rows = await database.db.select({ lead: leads, step: nextSteps }).from(leads)
      .leftJoin(nextSteps, and(eq(nextSteps.leadId, leads.id), eq(nextSteps.status, 'open')))
      .where(and(eq(leads.ownerId, ANA), eq(leads.status, 'open')));
    const withoutStep = rows.filter((r) => r.lead.touchCount > 0 && r.lead.tier !== 'cold' && !r.step && !r.lead.snoozedUntil);
    expect(withoutStep.map((r) => r.lead.name)).toEqual([]);
  });

  it('/followup stalled: a rep sees their own, each once under its most severe reason, parked apart; a manager the team\'s by rep', async () => {
    const mine = await app.command('stalled', ANA);
    expect(mine).toMatch(/Promised step missed \(1\)\n• \*Acme Corp\* — promised call overdue/);
    expect(mine).toMatch(/Parked \(snoozed, not counted as stalled\): 1\n• \*Sleeping\* — until Thu 26 Nov, no reason given/);
    // On schedule, cold and snoozed leads are not stalled.
    for (const name of ['Later Co', 'Cold One', 'Small Lead']) expect(mine).not.toContain(name);
    expect(mine.match(/Sleeping/g)).toHaveLength(1);
    expect(mine).not.toContain("Bo's Lead");
    const team = await app.command('stalled', MIA);
    expect(team).toContain(`<@${ANA}>`);
    expect(team).toContain(`<@${BO}>: 1 of 1 lead stalled`);
    expect(team).toMatch(/Stopped after 1–2 touches, nothing scheduled \(1\)\n• \*Bo's Lead\* — stopped at 1 touch, nothing scheduled; also no next step, no touch in 14 days/);
    expect(team.match(/Bo's Lead/g)).toHaveLength(1);
  });
});
