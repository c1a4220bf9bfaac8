import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../src/db/schema.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0DIGEST';
// Mon 30 Nov 2026, 09:05 in Chicago.
const AT = '2026-11-30T15:05:00Z';

describe.each(await processDbTargets('fc-digest-'))('`jobs run digest` on $name', (target) => {
  let slack: SlackStandIn;
  const job = (at = AT) => runJob('digest', { at, env: target.env, slack });
  const setChannel = (channel: string | null) =>
    withDatabase(target, (db) => db.update(teams).set({ digestChannel: channel, teamTz: 'America/Chicago' }).where(eq(teams.id, TEAM)));

  beforeAll(async () => {
    const users = await seedDatabase(target, async (db) => {
      const t = new Date('2026-11-24T15:00:00Z');
      const reps = await givenTeam(db, TEAM, { U0ANA: 'America/Chicago', U0BO: 'America/Chicago' }, t);
      // Ana: a promise she missed (due Thu 26th); Bo: a lead stopped after one touch, no step.
      await givenLead(db, { team: TEAM, owner: 'U0ANA', name: 'Acme & <Sons>', tier: 'referral', at: t, touches: 1,
        nextStep: { action: 'send quote', dueAt: new Date('2026-11-27T05:59:59Z'), promised: true } });
      // Beta came in through the web form and was first reached a day later: a missed hour.
      await givenLead(db, { team: TEAM, owner: 'U0BO', name: 'Beta', inbound: true, at: t, touches: [{ channel: 'email', at: new Date('2026-11-25T15:00:00Z') }] });
      return reps;
    });
    slack = await startSlackStandIn({ teamId: TEAM, users });
  }, 60_000);

  afterAll(() => stopAll(slack, target));

  it('with no channel set, sends nothing and says why', async () => {
    await setChannel(null);
    // Not due (Tuesday): nothing to say.
    expect(await job('2026-12-01T15:05:00Z')).toEqual({ job: 'digest', sent: 0, skipped: 0, failed: 0 });
    expect(await job()).toMatchObject({ job: 'digest', sent: 0, skipped: 1, reason: expect.stringMatching(/no digest channel/) });
    // Counted once a week, not on every tick while the digest is due: the skip is in the ledger.
    expect(await job()).toMatchObject({ job: 'digest', sent: 0, skipped: 0, reason: expect.stringMatching(/no digest channel/) });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('posts the stalled leads by rep and category, with how long, and the metrics', async () => {
    await setChannel('C0SALES');
    if (target.name === 'postgres') {
      // Two replicas at the same moment: the ledger lets one of them send.
      const both = await Promise.all([job(), job()]);
      expect(both.map((r) => r.sent).sort()).toEqual([0, 1]);
    } else {
      expect(await job()).toMatchObject({ job: 'digest', sent: 1, failed: 0 });
    }
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    const [post] = slack.callsOf('chat.postMessage');
    expect(post!.args.channel).toBe('C0SALES');
    const text = JSON.stringify(post!.args.blocks);
    expect(text).toContain('Follow-up digest — week of 23 Nov 2026');
    expect(text).toContain('<@U0ANA>');
    expect(text).toMatch(/Promised step missed \(1\): \*Acme &amp; &lt;Sons&gt; \(overdue 4 days\)\*/);
    expect(text).toMatch(/<@U0BO>[^"]*Stopped at 1–2 touches \(1\): \*Beta \(last touch 5 days ago\)\*/);
    // The metrics, worked out by hand for the week of 23–30 Nov (Chicago):
    // Ana logged 1 touch, her one open lead has a step, her one promise (due Thu) was missed.
    expect(text).toContain('<@U0ANA> — 1 touches · 100% with a next step · promises kept 0% · 1 stalled');
    // Bo logged 1 touch, his one lead has no step, he had no promise due.
    expect(text).toContain('<@U0BO> — 1 touches · 0% with a next step · promises kept — · 1 stalled');
    // Team: 2 open leads, 2 touches, 1 of 2 with a step, 0 of 1 promise kept, Beta first touched a day late.
    expect(text).toContain('*Team*: 2 open leads · 2 touches · 50% with a dated next step · promises kept 0% · 1 new leads missed the first hour · won 0, lost 0');
    expect(text).toContain('*Touches per open lead*: 0: 0 · 1: 2 · 2: 0 · 3–4: 0 · 5+: 0');
    // No rule ids in what a manager reads.
    expect(text).not.toMatch(/\bR\d+\b/);
    expect(text).toContain('Stopped at 0–1: 100% (48% of reps never follow up)');
    // The chart, uploaded through Slack's external upload flow into the digest's thread.
    await slack.waitFor(() => slack.callsOf('files.completeUploadExternal').length === 1);
    const asked = slack.callsOf('files.getUploadURLExternal')[0]!.args;
    expect(asked.filename).toBe('follow-up-digest.png');
    expect(Number(asked.length)).toBeGreaterThan(1000);
    const complete = slack.callsOf('files.completeUploadExternal')[0]!.args;
    expect(complete).toMatchObject({ channel_id: 'C0SALES', thread_ts: post!.args && expect.any(String) });
    expect(slack.violations).toEqual([]);
  });

  it('goes out once a week: later runs the same morning, even two at once, send nothing', async () => {
    const runs = await Promise.all([job('2026-11-30T16:00:00Z'), job('2026-11-30T16:01:00Z')].map((p) => p.catch((e: { stderr?: string }) => ({ error: e.stderr }))));
    // On the embedded database the second process may be refused the data directory; on Postgres both run.
    for (const r of runs) if (!('error' in r)) expect(r).toMatchObject({ sent: 0, failed: 0 });
    if (target.name === 'postgres') expect(runs.every((r) => !('error' in r))).toBe(true);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });
});
