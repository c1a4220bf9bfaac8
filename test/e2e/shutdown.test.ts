import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { deliveries, leads } from '../../src/db/schema.js';
import { processDbTargets } from '../support/db.js';
import { CLOCK_START, dmsPerRep, seedOverdueReps } from '../support/morning-seed.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { sendSlashCommand } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

const TEAM = 'T0SHUT';

describe.each(await processDbTargets('fc-shutdown-'))('graceful shutdown on $name', (target) => {
  const slacks: SlackStandIn[] = [];
  const processes: ServeProcess[] = [];
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    for (const s of slacks) await s.close();
    await target.cleanup();
  });

  it('SIGTERM in the middle of a 100-rep send: exit 0, and after a restart every rep has exactly one DM; no acked command is lost', async () => {
    const database = await target.open();
    await database.migrate();
    const reps = await seedOverdueReps(database, TEAM, 100);
    await database.close();
    const slack = await startSlackStandIn({ teamId: TEAM });
    slacks.push(slack);
    // Each DM takes 40 ms at Slack: the send is well under way when the signal comes.
    slack.setDelay('chat.postMessage', 40);
    const env = { ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_CLOCK_START: CLOCK_START, FOLLOWUP_SEND_RATE: '1000', LOG_LEVEL: 'info' };
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
    const check = await target.open();
    try {
      const claimed = await check.db.select().from(deliveries).where(eq(deliveries.status, 'claimed'));
      expect(claimed).toEqual([]);
      const names = (await check.db.select({ name: leads.name }).from(leads).where(eq(leads.teamId, TEAM))).map((l) => l.name);
      for (const name of acked) expect(names).toContain(name);
    } finally {
      await check.close();
    }

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
});
