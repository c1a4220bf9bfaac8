import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, leads, teams } from '../../src/db/schema.js';
import { digestSnapshots } from '../../src/db/schema-manager.js';
import { THROTTLED } from '../../src/slack/middleware/rate-limit.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenOverdueReps, givenRep, OVERDUE_DMS_DUE_AT } from '../support/given.js';
import { BOT_TOKEN, SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { sendEvent, sendSlashCommand } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

const TEAM = 'T0OPS';
// Due a morning DM like the others, but owns no leads: nothing to say, so it is skipped.
const IDLE_REP = 'U0IDLE';

/** The value of one Prometheus series in the text format, or undefined. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe.each(await processDbTargets('fc-ops-'))('operations on $name: metrics, logs, rate limit, uninstall', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let reps: string[];
  const metrics = async () => (await fetch(`${serve.baseUrl}/metrics`)).text();
  const command = (text: string, userId = reps[0]!) => sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId, text });

  beforeAll(async () => {
    reps = await seedDatabase(target, async (db) => {
      const overdue = await givenOverdueReps(db, TEAM, 4);
      await givenRep(db, TEAM, IDLE_REP, 'America/New_York', new Date('2026-11-20T15:00:00Z'));
      // A claim left by a replica that died mid-send (its lease ran out; no lead to retry it for).
      await db.insert(deliveries).values({
        kind: 'speed-to-lead-reminder', teamId: TEAM, target: overdue[0]!, periodKey: randomUUID(),
        status: 'claimed', attempts: 1, leaseUntil: new Date(Date.now() - 60_000), claimedBy: 'replica-that-died',
      });
      return overdue;
    });
    slack = await startSlackStandIn({ teamId: TEAM });
    // The first morning DM meets a 429; tried again after the wait, it finds the rep's account
    // deactivated, and fails for good. The three others are sent.
    slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 1 });
    slack.failNext('chat.postMessage', 'account_inactive');
    serve = await startServe({ ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_CLOCK_START: OVERDUE_DMS_DUE_AT, FOLLOWUP_TICK: '* * * * * *', FOLLOWUP_SEND_RATE: '100', LOG_LEVEL: 'info' });
  }, 60_000);

  afterAll(async () => {
    if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
    await slack?.close();
    await target.cleanup();
  });

  it('GET /metrics reports requests by listener, ack latency, DMs by job and outcome, Slack 429s, the ledger backlog and database connections', async () => {
    expect((await command('add "Metrics Co" value:100')).body.text).toMatch(/Added/);
    expect((await command('queue')).status).toBe(200);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length >= 5, 20_000);
    let text = '';
    // The job's counters move once its run ends.
    for (let i = 0; i < 50 && !(series(text, 'followup_messages_total', { job: 'morning', outcome: 'sent' }) === 3); i++) {
      await new Promise((r) => setTimeout(r, 200));
      text = await metrics();
    }
    expect(series(text, 'followup_requests_total', { listener: 'command:/followup add', outcome: 'ok' })).toBe(1);
    expect(series(text, 'followup_requests_total', { listener: 'command:/followup queue', outcome: 'ok' })).toBe(1);
    expect(series(text, 'followup_request_duration_seconds_count', { listener: 'command:/followup add' })).toBe(1);
    expect(series(text, 'followup_ack_duration_seconds_count', { route: '/slack/events', listener: 'command:/followup add' })).toBe(1);
    expect(series(text, 'followup_messages_total', { job: 'morning', outcome: 'sent' })).toBe(3);
    expect(series(text, 'followup_messages_total', { job: 'morning', outcome: 'failed' })).toBe(1);
    expect(series(text, 'followup_messages_total', { job: 'morning', outcome: 'skipped' })).toBe(1);
    // Speed-to-lead only claims what it sends: ticks with no lead to alert about count nothing.
    expect(series(text, 'followup_messages_total', { job: 'speed-to-lead' })).toBeUndefined();
    expect(series(text, 'followup_slack_rate_limited_total', { method: 'chat.postMessage' })).toBe(1);
    // The dead replica's claim is backlog; the morning run finished all of its own.
    expect(series(text, 'followup_ledger_backlog', { kind: 'speed-to-lead-reminder' })).toBe(1);
    expect(series(text, 'followup_ledger_backlog', { kind: 'morning' })).toBeUndefined();
    expect(series(text, 'followup_db_connections')).toBeGreaterThanOrEqual(1);
    expect(series(text, 'followup_db_pool_max')).toBeGreaterThanOrEqual(1);
    expect(series(text, 'followup_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts an ack over 1 s: a rep seen for the first time, while Slack is slow to give their profile', async () => {
    const labels = { route: '/slack/events', listener: 'command:/followup stalled' };
    const before = series(await metrics(), 'followup_slow_acks_total', labels) ?? 0;
    // A new rep's users.info runs before the ack; the app gives up on it after 1.2 s.
    slack.setDelay('users.info', 1500);
    try {
      const started = Date.now();
      expect((await command('stalled', 'U0SLOW')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThan(1000);
    } finally {
      slack.setDelay('users.info', 0);
    }
    const text = await metrics();
    expect(series(text, 'followup_slow_acks_total', labels)).toBe(before + 1);
    expect(series(text, 'followup_ack_duration_seconds_bucket', { ...labels, le: '1' })).toBe(0);
  });

  it('logs one JSON line per request and per job run, with team, rep, listener, duration and outcome, and no secrets', () => {
    const lines = serve
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const request = lines.find((l) => l.msg === 'request' && l.listener === 'command:/followup add');
    expect(request).toMatchObject({ team: TEAM, rep: reps[0], outcome: 'ok', ms: expect.any(Number) });
    const job = lines.find((l) => l.msg === 'job run' && l.job === 'morning' && l.sent > 0);
    expect(job).toMatchObject({ sent: 3, failed: 1, skipped: 1, ms: expect.any(Number), outcome: 'some failed' });
    expect(serve.output()).not.toContain(BOT_TOKEN);
    expect(serve.output()).not.toContain(SIGNING_SECRET);
  });

  it('rate-limits a rep who floods commands, politely, and lets at least 60 a minute through', async () => {
    const results = await Promise.all(Array.from({ length: 140 }, () => command('help', reps[1]!)));
    const throttled = results.filter((r) => r.body?.text === THROTTLED).length;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(140 - throttled).toBeGreaterThanOrEqual(60);
    expect(throttled).toBeGreaterThan(0);
    // Other reps are not held back by one rep's flood.
    expect((await command('help', reps[2]!)).body.text).not.toBe(THROTTLED);
    expect(series(await metrics(), 'followup_commands_throttled_total')).toBe(throttled);
  }, 60_000);

  it('app_uninstalled stops the team\'s jobs at once; the data stays until the purge, which deletes it after the retention period', async () => {
    const res = await sendEvent(serve.baseUrl, SIGNING_SECRET, {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: 'Ev0UNINSTALL', event_time: 1,
      event: { type: 'app_uninstalled', event_ts: '1.1' },
    });
    expect(res.status).toBe(200);
    expect(await serve.stop()).toBe(0);

    const job = (name: string, at: string) => runJob(name, { at, env: target.env, slack });
    const [team] = await withDatabase(target, (db) => db.select().from(teams).where(eq(teams.id, TEAM)));
    expect(team!.uninstalledAt).toBeInstanceOf(Date);

    // The next weekday morning: an installed team would get its DMs; this one gets nothing.
    const posts = slack.callsOf('chat.postMessage').length;
    expect(await job('morning', '2026-11-26T13:05:00Z')).toMatchObject({ sent: 0 });
    expect(slack.callsOf('chat.postMessage').length).toBe(posts);

    // A digest's weekly figures, kept for the next week's comparison: purged with the team.
    await withDatabase(target, (db) => db.insert(digestSnapshots).values({ teamId: TEAM, weekStart: '2026-11-16', repId: '', figures: { aged: 3 } }));
    // Within the retention period (30 days by default) nothing is purged...
    const uninstalledAt = team!.uninstalledAt!.getTime();
    expect(await job('purge', new Date(uninstalledAt + 29 * 86_400_000).toISOString())).toMatchObject({ purged: [] });
    expect((await withDatabase(target, (db) => db.select().from(leads).where(eq(leads.teamId, TEAM)))).length).toBeGreaterThan(0);
    // ...after it, the team and all of its data are gone.
    expect(await job('purge', new Date(uninstalledAt + 31 * 86_400_000).toISOString())).toMatchObject({ purged: [TEAM] });
    await withDatabase(target, async (db) => {
      expect(await db.select().from(leads).where(eq(leads.teamId, TEAM))).toEqual([]);
      expect(await db.select().from(teams).where(eq(teams.id, TEAM))).toEqual([]);
      expect(await db.select().from(digestSnapshots).where(eq(digestSnapshots.teamId, TEAM))).toEqual([]);
    });
  }, 60_000);
});
