import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries } from '../../src/db/schema.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0MORNING';
// Wed 25 Nov 2026, 13:05 UTC: 08:05 in New York, 14:05 in Berlin (past the 4-hour catch-up), 05:05 in LA.
const AT = '2026-11-25T13:05:00Z';

describe.each(await processDbTargets('fc-morning-'))('`jobs run morning` on $name', (target) => {
  let slack: SlackStandIn;
  const job = (at = AT) => runJob('morning', { at, team: TEAM, env: target.env, slack });

  beforeAll(async () => {
    const users = await seedDatabase(target, async (db) => {
      const now = new Date('2026-11-20T15:00:00Z');
      const reps = await givenTeam(db, TEAM, { U0NY: 'America/New_York', U0BERLIN: 'Europe/Berlin', U0LA: 'America/Los_Angeles', U0IDLE: 'America/New_York' }, now);
      for (const owner of ['U0NY', 'U0BERLIN', 'U0LA']) {
        await givenLead(db, { team: TEAM, owner, name: `Acme for ${owner}`, tier: 'referral', value: 9000, at: now, touches: 1,
          nextStep: { action: 'send proposal', dueAt: new Date('2026-11-24T04:59:59.999Z'), promised: true } });
      }
      // The idle rep's only lead has its next step next week: nothing due, no warning.
      await givenLead(db, { team: TEAM, owner: 'U0IDLE', name: 'Calm Co', at: now, touches: [{ channel: 'email' }],
        nextStep: { action: 'check in', dueAt: new Date('2026-12-02T04:59:59.999Z') } });
      return reps;
    });
    slack = await startSlackStandIn({ teamId: TEAM, users });
  }, 60_000);

  afterAll(() => stopAll(slack, target));

  it('DMs the reps whose local morning has come, and only them', async () => {
    expect(await job()).toEqual({ job: 'morning', sent: 1, skipped: 1, failed: 0 });
    const posts = slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(slack.callsOf('conversations.open').map((c) => c.args.users)).toEqual(['U0NY']);
    const blocks = JSON.stringify(posts[0]!.args.blocks);
    expect(blocks).toContain('Acme for U0NY');
    expect(blocks).toContain('promised send proposal overdue 2 days');
    // The notification says what the DM holds.
    expect(posts[0]!.args.text).toBe('Your 1 for today — 1 promised.');
    expect(slack.violations).toEqual([]);
  });

  it('never twice: a second run the same morning sends nothing', async () => {
    expect(await job('2026-11-25T13:30:00Z')).toEqual({ job: 'morning', sent: 0, skipped: 0, failed: 0 });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('LA\'s morning comes later; a failed DM is recorded and does not block the others', async () => {
    slack.failNext('chat.postMessage', 'account_inactive');
    expect(await job('2026-11-25T16:00:00Z')).toEqual({ job: 'morning', sent: 0, skipped: 0, failed: 1 });
    const rows = await withDatabase(target, (db) => db.select().from(deliveries));
    const byTarget = Object.fromEntries(rows.map((r) => [r.target, [r.status, r.error]]));
    expect(byTarget).toEqual({ U0NY: ['sent', null], U0IDLE: ['skipped', 'nothing due'], U0LA: ['failed', 'account_inactive'] });
  });

  it('waits out Slack\'s 429s (Retry-After) and sends the message once', async () => {
    slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 1 });
    slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 1 });
    const before = slack.callsOf('chat.postMessage').length;
    const started = Date.now();
    // Thursday morning in New York: a new day, a new DM.
    expect(await job('2026-11-26T13:10:00Z')).toEqual({ job: 'morning', sent: 1, skipped: 1, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    // Two refused by the rate limit, one taken.
    expect(slack.callsOf('chat.postMessage').length - before).toBe(3);
    expect(await job('2026-11-26T13:20:00Z')).toEqual({ job: 'morning', sent: 0, skipped: 0, failed: 0 });
  });

  it('refreshes reps\' zones from Slack at most daily: a rep who moved gets their new 08:00', async () => {
    slack.setUser({ id: 'U0LA', tz: 'Asia/Tokyo' });
    const before = slack.callsOf('users.info').length;
    // Mon 30 Nov 08:00 in Tokyo is Sun 29 Nov 23:00 UTC; the profile was last read on Thursday.
    expect(await job('2026-11-29T23:01:00Z')).toMatchObject({ sent: 1 });
    expect(slack.callsOf('users.info').length - before).toBeGreaterThanOrEqual(1);
    expect(slack.callsOf('conversations.open').at(-1)!.args.users).toBe('U0LA');
    // Read again within the day: not asked again.
    const asked = slack.callsOf('users.info').length;
    await job('2026-11-29T23:30:00Z');
    expect(slack.callsOf('users.info').length).toBe(asked);
  });

  it('a Slack server error is retried by a later run, and the DM still goes out once', async () => {
    slack.failNext('chat.postMessage', 'internal_error', { status: 500 });
    // Tue 1 Dec, 08:02 in New York: both New York reps have something due (the idle rep's step falls due today).
    expect(await job('2026-12-01T13:02:00Z')).toEqual({ job: 'morning', sent: 1, skipped: 0, failed: 1 });
    expect(await job('2026-12-01T13:03:00Z')).toEqual({ job: 'morning', sent: 1, skipped: 0, failed: 0 });
    expect(await job('2026-12-01T13:04:00Z')).toEqual({ job: 'morning', sent: 0, skipped: 0, failed: 0 });
    // Three CLI runs, each opening the embedded database: slow on a loaded 2-core machine.
  }, 90_000);

  it('refuses a malformed --at with exit code 2', async () => {
    const err = await runJob('morning', { at: 'tomorrow', env: target.env }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/--at must be an ISO-8601 time/);
  });
});
