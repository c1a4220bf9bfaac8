import { performance } from 'node:perf_hooks';
import { and, asc, eq, notLike } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { leads, nextSteps, touches } from '../../src/db/schema.js';
import { DATABASE_DOWN } from '../../src/slack/reply.js';
import { seedDatabase, withDatabase } from '../support/db.js';
import { givenOverdueReps } from '../support/given.js';
import { postgresBin, startOwnPostgres, type OwnPostgres } from '../support/own-postgres.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { postLead, sendSlashCommand } from '../support/signed-request.js';
import { dmsPerRep, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

// The outage is of a real server the test stops and starts: CI has Postgres (DATABASE_URL set).
const runIt = !!process.env.DATABASE_URL && !!postgresBin();
if (!runIt) console.warn('DATABASE_URL or the Postgres binaries are missing: the database outage tests are skipped.');

const TEAM = 'T0OUTAGE';
// 07:59:45 in New York on Wed 25 Nov 2026: the reps' 08:00 DM falls due while the database is away.
const CLOCK_START = '2026-11-25T12:59:45Z';

describe.skipIf(!runIt)('database outages (a Postgres server of the test\'s own)', () => {
  let pg: OwnPostgres;
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let reps: string[];
  const command = (text: string, userId = reps[0]!) => sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId, text });
  const status = async (path: string) => (await fetch(`${serve.baseUrl}${path}`)).status;
  // A command that writes four things in one transaction: a touch, the open step completed, a new
  // step, and the lead's counters.
  const logCall = (lead: string, userId = reps[0]!) => command(`log "${lead}" call went through pricing next: send the proposal by friday promised`, userId);
  /** The test's own way into the server, apart from the app's pool. */
  const ownConnection = (max = 1) => ({ open: () => openDatabase({ databaseUrl: pg.url, max }) });
  /** A lead's row, touches and next steps, read on a connection of the test's own. */
  const rowsOfLead = (name: string) =>
    withDatabase(ownConnection(), async (db) => {
      const [lead] = await db.select().from(leads).where(and(eq(leads.teamId, TEAM), eq(leads.name, name)));
      return {
        lead,
        touches: await db.select().from(touches).where(eq(touches.leadId, lead!.id)).orderBy(asc(touches.createdAt), asc(touches.id)),
        steps: await db.select().from(nextSteps).where(eq(nextSteps.leadId, lead!.id)).orderBy(asc(nextSteps.createdAt), asc(nextSteps.id)),
      };
    });
  const untilReady = async (withinMs: number) => {
    const from = Date.now();
    while ((await status('/readyz')) !== 200) {
      if (Date.now() - from > withinMs) throw new Error(`/readyz not 200 within ${withinMs} ms of the database coming back`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    pg = await startOwnPostgres();
    reps = await seedDatabase(ownConnection(2), (db) => givenOverdueReps(db, TEAM, 3));
    slack = await startSlackStandIn({ teamId: TEAM });
    serve = await startServe({ DATABASE_URL: pg.url, SLACK_API_URL: slack.url, FOLLOWUP_CLOCK_START: CLOCK_START, FOLLOWUP_TICK: '* * * * * *', LOG_LEVEL: 'warn' });
  }, 90_000);

  afterAll(async () => {
    if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
    await slack?.close();
    await pg?.destroy();
  });

  it('backends terminated under it: the process stays up and the next command works', async () => {
    expect(/Added/.test((await command('add "Before Terminate"')).body.text)).toBe(true);
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'followup-coach'`;
    await admin.end();
    // A ping that lands on a torn-down connection may get 503 (it does about half the time); the
    // pool reconnects on its own, so readiness is back at once.
    await untilReady(10_000);
    const first = await command('add "After Terminate 1"');
    // The first may land on a connection being torn down; it then says so, and nothing is half-written.
    expect([true, false]).toContain(/Added/.test(first.body.text));
    if (!/Added/.test(first.body.text)) expect(first.body.text).toBe(DATABASE_DOWN);
    expect(/Added/.test((await command('add "After Terminate 2"')).body.text)).toBe(true);
    expect(await status('/healthz')).toBe(200);
  });

  it('server down for 30 s: alive but not ready, commands say so within 3 s, webhooks 503; all recovers, and the missed morning DM goes out', async () => {
    const seededLead = `Lead of ${reps[0]}`;
    const before = await rowsOfLead(seededLead);
    await pg.stop();
    const downAt = Date.now();
    expect(await status('/healthz')).toBe(200);
    expect(await status('/readyz')).toBe(503);

    const started = performance.now();
    const res = await command('add "During Outage"');
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(DATABASE_DOWN);
    expect(ms).toBeLessThan(3000);
    const logStarted = performance.now();
    expect((await logCall(seededLead)).body.text).toBe(DATABASE_DOWN);
    expect(performance.now() - logStarted).toBeLessThan(3000);
    const lead = await postLead(serve.baseUrl, TEAM, 'no-secret-needed-to-fail', { name: 'Outage Lead' });
    expect(lead.status).toBe(503);

    // The reps' 08:00 passes while the database is away: nothing can be claimed, so nothing is sent.
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - downAt))));
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
    expect(serve.child.exitCode).toBe(null);

    await pg.start();
    await untilReady(15_000);
    // The log sent during the outage left no touch, step or counter behind.
    expect(await rowsOfLead(seededLead)).toEqual(before);
    expect(/Added/.test((await command('add "After Outage"')).body.text)).toBe(true);
    // The same morning: the tick after the database returns sends each rep their DM, once.
    await slack.waitFor(() => dmsPerRep(slack).size === reps.length, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect([...dmsPerRep(slack).values()]).toEqual([1, 1, 1]);

    // Exactly the leads whose commands said "Added": nothing from the outage, nothing half-written.
    const names = (await withDatabase(ownConnection(), (db) => db.select({ name: leads.name }).from(leads).where(and(eq(leads.teamId, TEAM), notLike(leads.name, 'Lead of %'))))).map((n) => n.name);
    const terminated1 = names.includes('After Terminate 1') ? ['After Terminate 1'] : [];
    expect(names.sort()).toEqual(['After Outage', 'After Terminate 2', 'Before Terminate', ...terminated1].sort());
  }, 120_000);

  it('a multi-row command whose connection is cut mid-transaction: "can\'t reach the database" within 3 s, nothing half-written; /readyz recovers', async () => {
    // A lead with an open step, so the next log has a step to complete; this one also shows the command writes.
    expect((await command('add "Cut Short"')).body.text).toMatch(/Added/);
    expect((await logCall('Cut Short')).body.text).toMatch(/^Logged call with \*Cut Short\* \(touch 1\)/);
    const before = await rowsOfLead('Cut Short');
    const openStep = before.steps.find((st) => st.status === 'open')!;

    // The test holds the open step's row, so the app's transaction waits there after updating the lead.
    const admin = postgres(pg.url, { max: 2, onnotice: () => {} });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = admin.begin(async (tx) => {
      await tx`select id from next_steps where id = ${openStep.id} for update`;
      locked();
      await held;
    });
    try {
      await lockTaken;
      const started = performance.now();
      const pending = logCall('Cut Short');
      const waitFrom = Date.now();
      while ((await admin`select 1 from pg_stat_activity where application_name = 'followup-coach' and wait_event_type = 'Lock'`).length === 0) {
        if (Date.now() - waitFrom > 2000) throw new Error("the app's transaction never waited on the held step");
        await new Promise((r) => setTimeout(r, 50));
      }
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'followup-coach'`;
      const res = await pending;
      expect(res.body.text).toBe(DATABASE_DOWN);
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      release();
      await holder;
      await admin.end();
    }
    // The lead's counters, its touches and its steps are as they were: the transaction rolled back whole.
    expect(await rowsOfLead('Cut Short')).toEqual(before);
    await new Promise((r) => setTimeout(r, 500));
    expect(serve.child.exitCode, `serve exited:\n${serve.output().slice(-1500)}`).toBe(null);
    // The pool reconnects by itself: ready again (within seconds, even on a busy machine), and the same command now goes through.
    await untilReady(10_000);
    expect((await logCall('Cut Short')).body.text).toMatch(/^Logged call with \*Cut Short\* \(touch 2\)/);
    expect(serve.child.exitCode).toBe(null);
  });
});
