import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeSettings } from '../../src/db/ops/settings.js';
import { leads } from '../../src/db/schema.js';
import { webhookSecretOf } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenTeam } from '../support/given.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { postLead, sendSlashCommand } from '../support/signed-request.js';
import { dmsTo as dmsOf, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0HOOK';
const REPS = ['U0ANA', 'U0BEN', 'U0CHO', 'U0DEV'];
const MANAGER = 'U0MGR';

describe.each(await processDbTargets('fc-hook-'))('POST /leads on $name', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let secret: string;
  const post = (body: object | string, o: Parameters<typeof postLead>[4] = {}) => postLead(serve.baseUrl, TEAM, secret, body, o);
  const dmsTo = (userId: string) => dmsOf(slack, userId);

  beforeAll(async () => {
    slack = await startSlackStandIn({
      teamId: TEAM,
      users: [
        ...REPS.map((id) => ({ id, tz: 'America/New_York', email: `${id.slice(2).toLowerCase()}@acme.test`, name: id.slice(2).toLowerCase() })),
        { id: MANAGER, tz: 'America/New_York', email: 'boss@acme.test' },
        { id: 'U0NEWBIE', tz: 'Europe/Berlin', email: 'newbie@acme.test' },
      ],
    });
    const reps = Object.fromEntries(REPS.map((id) => [id, { tz: 'America/New_York', displayName: id.slice(2).toLowerCase() }]));
    await seedDatabase(target, async (db) => {
      await givenTeam(db, TEAM, { ...reps, [MANAGER]: { tz: 'America/New_York', manager: true } });
      // Arrival alerts wait for the owner's working hours (R2): this team works around the clock, so the
      // test does not depend on the hour it runs at (the real clock: POST /leads signatures are checked against it).
      const allWeek = { workStart: '00:00', workEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] };
      await changeSettings(db, { teamId: TEAM, userId: MANAGER, team: allWeek, now: new Date() });
    });
    secret = await webhookSecretOf(TEAM, target.env);
    serve = await startServe({ ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_SEND_RATE: '200' });
  }, 60_000);

  afterAll(() => stopAll(serve, slack, target));

  it('webhook-secret prints the same secret again, 64 hex characters', async () => {
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a signed lead naming its owner by e-mail reaches that owner\'s DM within seconds', async () => {
    const res = await post({ name: "Dana O'Brien", company: 'Brien & Sons', email: 'dana@brien.test', phone: '+1 555 0100', value: '12,000', owner: 'ben@acme.test', source: 'Pricing page form', note: 'Can you do 40 seats by January?' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ owner: 'U0BEN', status: 'created', assigned: 'owner', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await slack.waitFor(() => dmsTo('U0BEN').length === 1, 5000);
    const dm = dmsTo('U0BEN')[0]!;
    const blocks = JSON.stringify(dm.args.blocks);
    expect(dm.args.text).toContain("Dana O'Brien");
    expect(blocks).toContain('Brien &amp; Sons');
    expect(blocks).toContain('Pricing page form');
    expect(blocks).toContain('40 seats by January');
    expect(blocks).toContain('"action_id":"lead_log_touch"');
    expect(blocks).toContain(res.body.id);
    expect(slack.violations).toEqual([]);
  });

  it('refuses unsigned, forged, stale and wrong-team requests with 401 and writes nothing', async () => {
    const body = { name: 'Forged Lead', external_id: 'ext-forged' };
    const raw = JSON.stringify(body);
    const unsigned = await fetch(`${serve.baseUrl}/leads`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-followup-team': TEAM }, body: raw });
    expect(unsigned.status).toBe(401);
    expect((await post(body, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const otherTeam = await postLead(serve.baseUrl, 'T0OTHER', secret, body);
    expect(otherTeam.status).toBe(401);
    expect(otherTeam.body.reason).toBe('the signature does not match');
    // Had any of them written the lead, this would answer 200 "existing".
    const real = await post(body);
    expect(real.status).toBe(201);
  });

  it('answers a bad body with 400 and the field errors, a non-JSON type with 415, an oversized body with 413', async () => {
    const bad = await post({ name: '', email: 'not-an-address', value: -5, tier: 'vip' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      name: 'name is required',
      email: 'email is not an e-mail address',
      value: 'value must be 0 or more',
      tier: expect.stringContaining('tier must be one of'),
    });
    expect((await post('{"name": "Broken', {})).body).toEqual({ error: 'invalid_body', fields: { body: 'not valid JSON' } });
    expect((await post({ name: 'x'.repeat(201) })).body.fields.name).toBe('name is at most 200 characters');
    expect((await post({ name: 'Form Co' }, { contentType: 'text/plain' })).status).toBe(415);
    expect((await post({ name: 'Huge', note: 'x'.repeat(300 * 1024) })).status).toBe(413);
  });

  it('is idempotent by external id; a replayed signature is refused; the same e-mail is the lead already known', async () => {
    const first = await post({ name: 'Eve Idem', external_id: 4711, email: 'eve@idem.test' });
    expect(first.status).toBe(201);
    const again = await post({ name: 'Eve Idem (resent)', external_id: '4711' });
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, status: 'existing', matched_by: 'external_id' } });
    const byEmail = await post({ name: 'Eve I.', email: 'EVE@idem.test' });
    expect(byEmail).toMatchObject({ status: 200, body: { id: first.body.id, matched_by: 'email' } });

    const timestamp = Math.floor(Date.now() / 1000);
    const once = await post({ name: 'Replay Target' }, { timestamp });
    expect(once.status).toBe(201);
    const replay = await post({ name: 'Replay Target' }, { timestamp });
    expect(replay.status).toBe(409);
    expect(replay.body.reason).toMatch(/already received/);
  });

  it('an unknown owner never loses the lead: it goes round-robin and the answer says why', async () => {
    const res = await post({ name: 'Stale Owner Lead', owner: 'left-the-company@acme.test' });
    expect(res.status).toBe(201);
    expect(res.body.assigned).toBe('round-robin');
    expect(REPS).toContain(res.body.owner);
    expect(res.body.owner_note).toMatch(/left-the-company@acme\.test is not in this Slack workspace/);
  });

  it('a manager\'s /followup add of an inbound lead for a rep alerts that rep at once', async () => {
    const res = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId: MANAGER, text: 'add "Zed Corp" tier:referral source:inbound owner:<@U0DEV|dev>' });
    expect(res.status).toBe(200);
    await slack.waitFor(() => dmsTo('U0DEV').some((c) => String(c.args.text).includes('Zed Corp')), 5000);
    expect(JSON.stringify(dmsTo('U0DEV').find((c) => String(c.args.text).includes('Zed Corp'))!.args.blocks)).toContain(`added by <@${MANAGER}>`);
  });

  it('round-robin is fair under concurrency: 100 leads at once to 4 reps, 25 each', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => post({ name: `Burst Lead ${i}`, external_id: `burst-${i}`, source: 'Webinar' })));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const perRep = new Map<string, number>();
    for (const r of results) perRep.set(r.body.owner, (perRep.get(r.body.owner) ?? 0) + 1);
    expect(Object.fromEntries(perRep)).toEqual(Object.fromEntries(REPS.map((id) => [id, 25])));
    // Each owner hears of each of their leads once.
    await slack.waitFor(() => slack.callsOf('chat.postMessage').filter((c) => String(c.args.text).includes('Burst Lead')).length === 100, 20_000);
  }, 60_000);

  it('after stopping, the store holds exactly the accepted leads, each flagged as an arrival', async () => {
    expect(await serve.stop()).toBe(0);
    const rows = await withDatabase(target, (db) => db.select().from(leads).where(eq(leads.teamId, TEAM)));
    // Dana, Forged (the real one), Eve, Replay Target, Stale Owner, Zed Corp, 100 burst leads.
    expect(rows).toHaveLength(106);
    expect(rows.find((l) => l.name === "Dana O'Brien")).toMatchObject({ company: 'Brien & Sons', value: 12000, ownerId: 'U0BEN', alertOwner: true, imported: false, note: 'Can you do 40 seats by January?' });
    expect(rows.filter((l) => l.name.startsWith('Burst Lead')).every((l) => l.source === 'Webinar' && l.alertOwner)).toBe(true);
    expect(rows.some((l) => l.ownerId === MANAGER)).toBe(false);
  });
});
