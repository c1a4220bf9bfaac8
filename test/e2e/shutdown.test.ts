import type { ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { changeSettings } from '../../src/db/ops/settings.js';
import { deliveries, leads } from '../../src/db/schema.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenOverdueReps, givenTeam, OVERDUE_DMS_DUE_AT } from '../support/given.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { sendSlashCommand } from '../support/signed-request.js';
import { dmsPerRep, dmsTo, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

const TEAM = 'T0SHUT';
const MANAGER = 'U0SHUTMGR';
const REP = 'U0SHUTREP';

/** The child's exit code and when it came (listen before signalling: ServeProcess.stop() would signal again). */
// A cron that fires only in the last second of 29 February: the scheduler's one tick is the one at start.
const ONLY_THE_TICK_AT_START = '59 59 23 29 2 *';
// Sat 28 Nov 2026, 10:00 in New York: no morning DM and no digest is due (the reps of the first test
// would otherwise be owed theirs, on weekday mornings); the restart comes half an hour on, when the
// alert is owed and no reminder is due yet (an hour after the lead came in).
const SATURDAY = '2026-11-28T15:00:00Z';
const HALF_AN_HOUR_ON = '2026-11-28T15:30:00Z';
// Conditions a test waits on, bounded only so a broken build fails rather than hangs.
const STARTS_WITHIN_MS = 60_000;
/** The scheduler's tick at start is over: its last job (the purge) has logged its run. */
const tickOver = (serve: ServeProcess) => serve.logs().some((l) => l.msg === 'job run' && l.job === 'purge');
const exitOf = (child: ChildProcess) => new Promise<{ code: number | null; at: number }>((r) => child.once('exit', (code) => r({ code, at: Date.now() })));
const get = (baseUrl: string, path: string) => fetch(`${baseUrl}${path}`).then(async (res) => ({ status: res.status, connection: res.headers.get('connection'), body: await res.json() }));

describe.each(await processDbTargets('fc-shutdown-'))('graceful shutdown on $name', (target) => {
  const slacks: SlackStandIn[] = [];
  const processes: ServeProcess[] = [];
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    for (const s of slacks) await s.close();
    await target.cleanup();
  });

  it('SIGTERM in the middle of a 100-rep send: exit 0, and after a restart every rep has exactly one DM; no acked command is lost', async () => {
    const reps = await seedDatabase(target, (db) => givenOverdueReps(db, TEAM, 100));
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    // Each DM takes 40 ms at Slack: the send is well under way when the signal comes.
    slack.setDelay('chat.postMessage', 40);
    // A short drain: the commands around the signal meet it.
    const env = { ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_CLOCK_START: OVERDUE_DMS_DUE_AT, FOLLOWUP_SEND_RATE: '1000', FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '1', LOG_LEVEL: 'info' };
    const first = await startServe(env);
    processes.push(first);
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length >= 25, 30_000);

    // Commands arriving around the signal: each one acked with its reply must be in the store.
    const commands = Array.from({ length: 6 }, (_, i) =>
      sendSlashCommand(first.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId: reps[i]!, text: `add "Shutdown Lead ${i}"` }).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 20));
    // One SIGTERM (stop() sends it); a second would mean "exit now".
    const code = await first.stop();
    expect(code).toBe(0);
    const sentBeforeRestart = dmsPerRep(slack).size;
    expect(sentBeforeRestart).toBeGreaterThanOrEqual(25);
    expect(sentBeforeRestart).toBeLessThan(100);
    expect(first.output()).toMatch(/shutting down: readiness is 503/);
    expect(first.output()).toMatch(/"msg":"stopped"/);
    const acked = (await Promise.all(commands)).map((r, i) => (r?.status === 200 && /Added/.test(String(r.body?.text)) ? `Shutdown Lead ${i}` : null)).filter(Boolean);
    expect(acked.length).toBeGreaterThan(0);

    // Nothing was left claimed: the send in flight finished, so the restart owes exactly the rest.
    await withDatabase(target, async (db) => {
      const claimed = await db.select().from(deliveries).where(eq(deliveries.status, 'claimed'));
      expect(claimed).toEqual([]);
      const names = (await db.select({ name: leads.name }).from(leads).where(eq(leads.teamId, TEAM))).map((l) => l.name);
      for (const name of acked) expect(names).toContain(name);
    });

    slack.setDelay('chat.postMessage', 0);
    const second = await startServe(env);
    processes.push(second);
    await slack.waitFor(() => dmsPerRep(slack).size === reps.length, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const counts = dmsPerRep(slack);
    expect([...counts.keys()].sort()).toEqual(reps);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await second.stop()).toBe(0);
  }, 120_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('%s: /readyz answers 503 for the drain window while /healthz and signed commands are still served; then exit 0', async (signal) => {
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    const serve = await startServe({ ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '3', FOLLOWUP_SHUTDOWN_GRACE_SECONDS: '10' });
    processes.push(serve);
    expect((await get(serve.baseUrl, '/readyz')).status).toBe(200);
    const exit = exitOf(serve.child);
    const signalled = Date.now();
    serve.child.kill(signal);

    let ready = await get(serve.baseUrl, '/readyz');
    while (ready.status === 200 && Date.now() - signalled < 1000) ready = await get(serve.baseUrl, '/readyz');
    expect(ready).toMatchObject({ status: 503, body: { status: 'stopping' } });
    // Still serving: the balancer that has not seen the 503 yet loses nothing. Each answer closes its connection.
    const health = await get(serve.baseUrl, '/healthz');
    expect(health).toMatchObject({ status: 200, connection: 'close' });
    const name = `Drain Lead ${signal}`;
    const added = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId: REP, text: `add "${name}"` });
    expect(added.status).toBe(200);
    expect(added.body.text).toMatch(/Added/);
    expect(Date.now() - signalled).toBeLessThan(3000);

    const { code, at } = await exit;
    expect(code).toBe(0);
    // The listener stayed open for the whole window, and the process did not wait out the grace period.
    expect(at - signalled).toBeGreaterThanOrEqual(2900);
    expect(at - signalled).toBeLessThan(8000);
    expect(serve.output()).toContain(`"signal":"${signal}"`);
    expect(serve.output()).toMatch(/drain over: closing the listener/);
    expect(await withDatabase(target, (db) => db.select({ name: leads.name }).from(leads).where(eq(leads.name, name)))).toHaveLength(1);
  }, 60_000);

  it('a second signal exits at once, with 1', async () => {
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    const serve = await startServe({ ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '15' });
    processes.push(serve);
    const exit = exitOf(serve.child);
    serve.child.kill('SIGTERM');
    await slack.waitFor(() => serve.output().includes('shutting down'), 5000);
    const again = Date.now();
    serve.child.kill('SIGINT');
    const { code, at } = await exit;
    expect(code).toBe(1);
    // Well short of the 15 s drain it cut (a loaded machine takes a second or two to end a process).
    expect(at - again).toBeLessThan(8000);
    expect(serve.output()).toMatch(/second signal: exiting at once/);
  }, 60_000);

  it('the grace period running out: exit 0 anyway, and the arrival alert it cut is given back, so the restart sends it at once', async () => {
    await seedDatabase(target, async (db) => {
      await givenTeam(db, TEAM, { [MANAGER]: { tz: 'America/New_York', manager: true }, [REP]: 'America/New_York' });
      // Arrival alerts wait for the owner's working hours (R2): this team works Saturdays too.
      await changeSettings(db, { teamId: TEAM, userId: MANAGER, team: { workDays: [1, 2, 3, 4, 5, 6] }, now: new Date(SATURDAY) });
    });
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    // The clock is the test's: on the real one, a weekday morning's DMs would hang on the held post
    // below, holding claims of their own. The scheduler's speed-to-lead job sends alerts still owed:
    // were it to claim this one before the add's own send does, the alert would be scheduled work, not
    // work after the ack. So no tick but the one at start, and the add waits until that one is over.
    const env = {
      ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_CLOCK_START: SATURDAY, FOLLOWUP_TICK: ONLY_THE_TICK_AT_START,
      FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '0', FOLLOWUP_SHUTDOWN_GRACE_SECONDS: '2',
    };
    const first = await startServe(env);
    processes.push(first);
    await slack.waitFor(() => tickOver(first), STARTS_WITHIN_MS);
    // Slack holds the alert's post far past the grace period (the app's own client gives up after
    // 15 s): from the moment Slack has it, the alert is under way until the process is gone.
    slack.setDelay('chat.postMessage', 60_000);
    const name = 'Grace Lead';
    const added = await sendSlashCommand(first.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId: MANAGER, text: `add "${name}" source:inbound owner:<@${REP}>` });
    expect(added.body.text).toMatch(/Added/);
    await slack.waitFor(() => dmsTo(slack, REP).length === 1, STARTS_WITHIN_MS);

    const exit = exitOf(first.child);
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const { code, at } = await exit;
    expect(code).toBe(0);
    expect(at - signalled).toBeGreaterThanOrEqual(1900);
    expect(at - signalled).toBeLessThan(10_000);
    expect(first.output()).toMatch(/shutdown grace period over/);
    expect(first.output()).toMatch(/"released":1,"msg":"gave back claims this process will not finish"/);
    const [claim] = await withDatabase(target, (db) => db.select().from(deliveries).where(eq(deliveries.kind, 'lead-arrival')));
    // Still owed, its lease ended now rather than in FOLLOWUP_LEASE_SECONDS (120 s by default).
    expect(claim).toMatchObject({ status: 'claimed', target: REP, error: 'released at shutdown' });
    expect(claim!.leaseUntil!.getTime()).toBeLessThan(Date.now());

    // The restart's tick at start owes the alert and sends it, long before the old lease would end.
    slack.setDelay('chat.postMessage', 0);
    const second = await startServe({ ...env, FOLLOWUP_CLOCK_START: HALF_AN_HOUR_ON, FOLLOWUP_SHUTDOWN_GRACE_SECONDS: '20' });
    processes.push(second);
    await slack.waitFor(() => tickOver(second), STARTS_WITHIN_MS);
    expect(second.logs().find((l) => l.msg === 'job run' && l.job === 'speed-to-lead')).toMatchObject({ arrivals: 1, sent: 1 });
    expect(dmsTo(slack, REP)).toHaveLength(2);
    expect(JSON.stringify(dmsTo(slack, REP)[1]!.args.blocks)).toContain(name);
    expect(await second.stop()).toBe(0);
    // Four starts of the embedded database (two here, two in serve) take a minute or more on a busy 2-core machine.
  }, 180_000);
});
