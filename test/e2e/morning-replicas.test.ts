import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createScratchDatabase, seedDatabase } from '../support/db.js';
import { givenOverdueReps, OVERDUE_DMS_DUE_AT } from '../support/given.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { dmsPerRep, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

// Replicas coordinate through Postgres alone: these tests need the real server (CI has one).
const url = process.env.DATABASE_URL;
if (!url) console.warn('DATABASE_URL is not set: the multi-replica and crash tests of the morning DM are skipped.');

const TEAM = 'T0REPLICA';
/** `reps` overdue reps in the scratch database at `databaseUrl`. */
const seed = (databaseUrl: string, reps: number) => seedDatabase({ open: () => openDatabase({ databaseUrl, max: 2 }) }, (db) => givenOverdueReps(db, TEAM, reps));

describe.skipIf(!url)('morning DM across replicas and crashes (Postgres)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const processes: ServeProcess[] = [];
  const slacks: SlackStandIn[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(url!);
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    for (const s of slacks) await s.close();
    await scratch?.drop();
  });

  const serveEnv = (slack: SlackStandIn, extra: Record<string, string> = {}) => ({
    SLACK_API_URL: slack.url,
    DATABASE_URL: scratch.url,
    FOLLOWUP_CLOCK_START: OVERDUE_DMS_DUE_AT,
    // Every replica ticks every second, so their ticks collide on purpose.
    FOLLOWUP_TICK: '* * * * * *',
    FOLLOWUP_SEND_RATE: '1000',
    LOG_LEVEL: 'warn',
    ...extra,
  });

  it('three replicas ticking together send each rep exactly one DM', async () => {
    const reps = await seed(scratch.url, 30);
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    const replicas = await Promise.all([1, 2, 3].map(() => startServe(serveEnv(slack))));
    processes.push(...replicas);
    await slack.waitFor(() => dmsPerRep(slack).size === reps.length, 30_000);
    // Let every replica tick a few more times: nobody may send again.
    await new Promise((r) => setTimeout(r, 3000));
    const counts = dmsPerRep(slack);
    expect([...counts.keys()].sort()).toEqual(reps);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(slack.violations).toEqual([]);
    for (const r of replicas) expect(await r.stop()).toBe(0);
  }, 90_000);

  it('kill -9 mid-way through a 200-rep send: after a restart every rep has their DM, duplicates at most the ones in flight', async () => {
    const crashDb = await createScratchDatabase(url!);
    try {
      const reps = await seed(crashDb.url, 200);
      const slack = await startSlackStandIn({ teamId: TEAM });
      slacks.push(slack);
      // A slow Slack, so the kill lands mid-send; a short lease, so the restart takes over quickly.
      slack.setDelay('chat.postMessage', 15);
      const env = { ...serveEnv(slack), DATABASE_URL: crashDb.url, FOLLOWUP_LEASE_SECONDS: '3' };
      const first = await startServe(env);
      processes.push(first);
      await slack.waitFor(() => slack.callsOf('chat.postMessage').length >= 60, 30_000);
      first.child.kill('SIGKILL');
      await first.stop();
      const atKill = slack.callsOf('chat.postMessage').length;
      expect(atKill).toBeLessThan(200);

      const second = await startServe(env);
      processes.push(second);
      await slack.waitFor(() => dmsPerRep(slack).size === reps.length, 60_000);
      await new Promise((r) => setTimeout(r, 2000));
      const total = slack.callsOf('chat.postMessage').length;
      const duplicates = total - reps.length;
      console.log(`kill -9 after ${atKill} of 200 DMs: after the restart all 200 reps had theirs; ${duplicates} duplicate(s)`);
      // One send is in flight at a time (the default): only it can have reached Slack unrecorded.
      expect(duplicates).toBeLessThanOrEqual(1);
      expect([...dmsPerRep(slack).keys()].sort()).toEqual(reps);
      expect(await second.stop()).toBe(0);
    } finally {
      await crashDb.drop();
    }
  }, 120_000);
});
