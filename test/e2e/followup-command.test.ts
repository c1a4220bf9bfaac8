import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads, nextSteps, touches } from '../../src/db/schema.js';
import { runCli } from '../support/cli.js';
import { processDbTargets, withDatabase } from '../support/db.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { sendSlashCommand } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0E2E';
const ANA = 'U0ANA';

/** The end of the coming Friday (today counts) in New York, as the rep means "by friday". */
function endOfFridayInNewYork(): Date {
  const now = DateTime.now().setZone('America/New_York');
  return now.plus({ days: (5 - now.weekday + 7) % 7 }).endOf('day').toJSDate();
}

describe.each(await processDbTargets('fc-e2e-'))('/followup end to end on $name', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let triggers = 0;
  const command = (text: string, extra: Record<string, unknown> = {}) =>
    sendSlashCommand(serve.baseUrl, SIGNING_SECRET, {
      text,
      teamId: TEAM,
      userId: ANA,
      userName: 'ana',
      triggerId: `trig.${++triggers}`,
      responseUrl: `${slack.responseUrlBase}${triggers}`,
      ...extra,
    });

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: [{ id: ANA, tz: 'America/New_York', real_name: 'Ana Rivera' }], teamId: TEAM });
    serve = await startServe({ SLACK_API_URL: slack.url, ...target.env });
  }, 60_000);

  afterAll(() => stopAll(serve, slack, target));

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${serve.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${serve.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('adds a lead and says what it added', async () => {
    const res = await command('add "Acme Corp" tier:referral value:12000');
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toContain('Acme Corp');
    expect(res.body.text).toContain('Referral');
    expect(res.body.text).toContain('$12,000');
    // The rep's time zone came from Slack, once.
    expect(slack.callsOf('users.info').map((c) => c.args.user)).toEqual([ANA]);
  });

  it('logs a call with a promised next step, in the rep\'s time zone', async () => {
    const res = await command('log "Acme Corp" call talked pricing next: send proposal by friday promised');
    expect(res.status).toBe(200);
    const text: string = res.body.text;
    expect(text).toContain('Logged call with *Acme Corp* (touch 1)');
    expect(text).toContain('send proposal by');
    expect(text).toContain(DateTime.fromJSDate(endOfFridayInNewYork()).setZone('America/New_York').toFormat('ccc d LLL'));
    expect(text).toContain('(promised)');
  });

  it('refuses bad input with a clear message and the usage line', async () => {
    const cases: [string, RegExp][] = [
      ['frobnicate', /don't know `frobnicate`/],
      ['add', /name/i],
      ['add Foo tier:gold', /tier/i],
      ['add Foo value:-5', /value|number/i],
      ['add "Acme Corp"', /already a lead called/],
      ['log "Nobody Inc" call', /no lead called "Nobody Inc"/],
      ['log "Acme Corp" smoke-signal', /smoke-signal/],
      ['log "Acme Corp" call next: follow up by yesterday', /past/i],
    ];
    for (const [text, expected] of cases) {
      const res = await command(text);
      expect(res.status, text).toBe(200);
      expect(res.body.response_type, text).toBe('ephemeral');
      expect(res.body.text, text).toMatch(expected);
    }
  });

  it('rejects forged and replayed requests with 401', async () => {
    const forged = await command('add "Forged Lead"', { signature: 'v0=' + '0'.repeat(64) });
    expect(forged.status).toBe(401);
    const stale = await command('add "Stale Lead"', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
  });

  it('writes nothing for a repeated trigger id (a double submit)', async () => {
    const first = await command('add "Twice Ltd"', { triggerId: 'same-trigger' });
    expect(first.body.text).toContain('Added');
    const again = await command('add "Twice Ltd"', { triggerId: 'same-trigger' });
    expect(again.body.text).toMatch(/already handled/);
  });

  it('answers through the command response only, never chat.postEphemeral, and keeps to Slack\'s API', () => {
    expect(slack.callsOf('chat.postEphemeral')).toHaveLength(0);
    expect(slack.violations).toEqual([]);
  });

  it.skipIf(target.name !== 'pglite')('refuses a second process on the embedded database while serve holds it', async () => {
    const migrate = await runCli(['migrate'], { DATA_DIR: target.env.DATA_DIR! });
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toMatch(/in use by another followup-coach process/);
    expect(migrate.stderr).toMatch(/DATABASE_URL/);
  });

  it('leaves exactly the lead, touch and next step the commands described', async () => {
    expect(await serve.stop()).toBe(0);
    await withDatabase(target, async (db) => {
      const allLeads = await db.select().from(leads);
      expect(allLeads.map((l) => l.name).sort()).toEqual(['Acme Corp', 'Twice Ltd']);
      const acme = allLeads.find((l) => l.name === 'Acme Corp')!;
      expect(acme).toMatchObject({ teamId: TEAM, ownerId: ANA, tier: 'referral', value: 12000, status: 'open', touchCount: 1 });
      expect(acme.firstTouchAt).not.toBeNull();
      const allTouches = await db.select().from(touches);
      expect(allTouches).toHaveLength(1);
      expect(allTouches[0]).toMatchObject({ leadId: acme.id, channel: 'call', outcome: 'talked pricing', repId: ANA });
      const steps = await db.select().from(nextSteps);
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ leadId: acme.id, action: 'send proposal', promised: true, status: 'open', allDay: true });
      expect(steps[0]!.dueAt.toISOString()).toBe(endOfFridayInNewYork().toISOString());
    });
  });
});
