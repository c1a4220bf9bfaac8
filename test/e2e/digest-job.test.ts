import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reps, teams } from '../../src/db/schema.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

// docs/rules.md#r15: the manager's weekly digest, read from what was posted.

const TEAM = 'T0DIGEST';
// Mon 30 Nov 2026, 09:05 in Chicago: the digest of Mon 23 – Sun 29 Nov. A week later, the next one.
const AT = '2026-11-30T15:05:00Z';
const NEXT_WEEK = '2026-12-07T15:05:00Z';
const d = (iso: string) => new Date(iso);
const T0 = d('2026-11-09T15:00:00Z');

type Block = { type: string; text?: { text: string } };

describe.each(await processDbTargets('fc-digest-'))('`jobs run digest` on $name', (target) => {
  let slack: SlackStandIn;
  const job = (at = AT) => runJob('digest', { at, env: target.env, slack });
  const setChannel = (channel: string | null) =>
    withDatabase(target, (db) => db.update(teams).set({ digestChannel: channel, teamTz: 'America/Chicago' }).where(eq(teams.id, TEAM)));
  /** The digest posts since the `from`-th message: every block, and the reps' sections (inspection picks aside). */
  const posted = (from: number) => {
    const blocks = slack.callsOf('chat.postMessage').slice(from).flatMap((c) => c.args.blocks as Block[]);
    const texts = blocks.map((b) => b.text?.text ?? '');
    return { all: texts.join('\n'), reps: texts.filter((t) => t.includes('open leads stalled')), team: texts.find((t) => t.includes('Figures about leads')) ?? '' };
  };
  const section = (repTexts: string[], who: string) => repTexts.find((t) => t.startsWith(`*${who}*`)) ?? '';
  const times = (text: string, name: string) => text.split(`*${name}*`).length - 1;

  beforeAll(async () => {
    const users = await seedDatabase(target, async (db) => {
      const reps3 = await givenTeam(
        db,
        TEAM,
        { U0ANA: { tz: 'America/Chicago', displayName: 'Ana' }, U0BO: { tz: 'America/Chicago', displayName: 'Bo' }, U0CY: { tz: 'America/Chicago', displayName: 'Cy' } },
        T0,
      );
      const lead = (owner: string, name: string, spec: Omit<Parameters<typeof givenLead>[1], 'team' | 'owner' | 'name'> = {}) =>
        givenLead(db, { team: TEAM, owner, name, at: T0, ...spec });
      // Ana: a missed promise (a call due Thu 26th), a lead snoozed a third time, a cold prospect, one on schedule 3 weeks out.
      await lead('U0ANA', 'Bolt Ltd', { value: 12_000, touches: 1, nextStep: { action: 'call back', dueAt: d('2026-11-26T16:00:00Z'), promised: true } });
      await lead('U0ANA', 'Snoozy', { value: 3_000, touches: 1, row: { snoozedUntil: d('2026-12-21T06:00:00Z'), snoozeReason: 'budget in January', snoozeCount: 3, snoozedDaysTotal: 40 } });
      await lead('U0ANA', 'Coldie', { value: 1_000, tier: 'cold' });
      await lead('U0ANA', 'Onsched', { value: 4_000, touches: [{}, {}, {}, { at: d('2026-11-25T16:00:00Z') }], nextStep: { action: 'check in', dueAt: d('2026-12-14T16:00:00Z') } });
      // Bo: a step overdue, a lead stopped at touch 1 with nothing scheduled, and a web-form lead that came in Saturday 02:00.
      await lead('U0BO', 'Overdue Co', { value: 8_000, touches: [{}, { at: d('2026-11-20T16:00:00Z') }], nextStep: { action: 'send the deck', dueAt: d('2026-11-25T16:00:00Z') } });
      await lead('U0BO', 'Stopper', { value: 2_000, touches: [{ at: d('2026-11-13T16:00:00Z') }] });
      await lead('U0BO', 'Web Lead', { value: 6_000, inbound: true, at: d('2026-11-28T08:00:00Z') });
      // Cy (on leave): four leads with no dated next step, and one on schedule until Wednesday.
      for (const [i, v] of [900, 7_000, 400, 2_500].entries()) await lead('U0CY', `Delta ${i + 1}`, { value: v, touches: [{}, {}, { at: d('2026-11-20T16:00:00Z') }] });
      await lead('U0CY', 'Cy Deal', { value: 5_000, touches: [{}, {}, { at: d('2026-11-24T16:00:00Z') }], nextStep: { action: 'demo', dueAt: d('2026-12-02T16:00:00Z') } });
      // Closed in the last 90 days: Ana's five wins after 5 touches each; Bo's five losses after 1.
      for (let i = 0; i < 5; i++) {
        await lead('U0ANA', `Won ${i}`, { at: d('2026-10-01T15:00:00Z'), row: { status: 'won', wonAt: d('2026-10-20T15:00:00Z'), touchCount: 5 } });
        await lead('U0BO', `Lost ${i}`, { at: d('2026-10-01T15:00:00Z'), row: { status: 'lost', lostAt: d('2026-10-20T15:00:00Z'), touchCount: 1 } });
      }
      await db.update(reps).set({ dmsPausedUntil: d('2026-12-10T06:00:00Z') }).where(and(eq(reps.teamId, TEAM), eq(reps.userId, 'U0CY')));
      return reps3;
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

  it('lists only the truly stalled leads, each once, with at most three questions per rep, values and denominators', async () => {
    await setChannel('C0SALES');
    if (target.name === 'postgres') {
      // Two replicas at the same moment: the ledger lets one of them send.
      const both = await Promise.all([job(), job()]);
      expect(both.map((r) => r.sent).sort()).toEqual([0, 1]);
    } else {
      expect(await job()).toMatchObject({ job: 'digest', sent: 1, failed: 0 });
    }
    expect(slack.callsOf('chat.postMessage').length).toBeGreaterThanOrEqual(1);
    expect(slack.callsOf('chat.postMessage')[0]!.args.channel).toBe('C0SALES');
    const { all, reps: repTexts, team } = posted(0);
    expect(all).toContain('Follow-up digest — Mon 23 Nov – Sun 29 Nov');
    const ana = section(repTexts, 'Ana');
    const bo = section(repTexts, 'Bo');
    const cy = section(repTexts, 'Cy');
    const everyRep = repTexts.join('\n');
    // The stalled, each exactly once, under one reason, as a question with its value.
    expect(ana).toMatch(/Ask Ana about \*Bolt Ltd\* — [^\n]+ · \$12,000/);
    expect(bo).toMatch(/Ask Bo about \*Overdue Co\* — [^\n]+ · \$8,000/);
    expect(bo).toMatch(/Ask Bo about \*Stopper\* — [^\n]+ · \$2,000/);
    for (const name of ['Bolt Ltd', 'Overdue Co', 'Stopper', 'Delta 1', 'Delta 2', 'Delta 3', 'Delta 4']) expect(times(everyRep, name)).toBe(1);
    // Severity first: the missed promise before the overdue step before the stopped lead.
    expect(bo.indexOf('*Overdue Co*')).toBeLessThan(bo.indexOf('*Stopper*'));
    // At most three questions per rep; Cy's fourth is listed, not asked; by value among equals.
    for (const t of repTexts) expect((t.match(/• Ask /g) ?? []).length).toBeLessThanOrEqual(3);
    expect(cy.match(/• Ask Cy about/g)).toHaveLength(3);
    expect(cy).toMatch(/Ask Cy about \*Delta 2\*[^\n]+\$7,000/);
    expect(cy).toMatch(/Also stalled: \*Delta 3\*/);
    // Snoozed: only parked, flagged after three snoozes. Cold, on schedule, and the weekend's web lead (still in its first working hour): absent.
    expect(times(everyRep, 'Snoozy')).toBe(1);
    expect(ana).toMatch(/Parked: 1 snoozed lead — \*Snoozy\* \(snoozed again and again, until Mon 21 Dec — "budget in January"\)/);
    expect(ana).not.toMatch(/Ask Ana about \*Snoozy\*/);
    for (const name of ['Coldie', 'Onsched', 'Cy Deal', 'Web Lead']) expect(times(everyRep, name)).toBe(0);
    // Counts with their denominators; the rep on leave marked.
    expect(ana).toContain('1 of 4 open leads stalled');
    expect(ana).toContain('$12,000 in stalled leads');
    expect(ana).toContain('promises kept 0 of 1');
    expect(bo).toContain('2 of 3 open leads stalled');
    expect(cy).toContain('*Cy* — on leave until Thu 10 Dec');
    expect(cy).toContain('4 of 5 open leads stalled');
    // Figures about leads apart from figures about reps, the practice's beside the latter.
    expect(team).toContain("*Figures about leads*: of the team's 21 leads at least 14 days old, dropped after 0–1 touches: 6 of 21 (29%); after 2 touches: 0 of 21 (0%)");
    expect(team).toContain('*Figures about reps*: 1 of 2 (50%) reps made a median of 4 or more touches on the leads they closed in the last 90 days; 1 rep has too few closed leads to say');
    expect(team).toContain('also about reps: 48% never follow up, 25% stop after the second contact, 12% make more than three');
    // The first digest has no last week to compare with; no rule ids, no "1 reps".
    expect(all).not.toMatch(/last week/);
    expect(all).not.toMatch(/\bR\d+\b/);
    expect(all.replaceAll('0–1 touches', '')).not.toMatch(/\b1 (reps|touches|leads)\b/);
    // The chart, uploaded through Slack's external upload flow into the digest's thread.
    await slack.waitFor(() => slack.callsOf('files.completeUploadExternal').length === 1);
    expect(slack.callsOf('files.getUploadURLExternal')[0]!.args.filename).toBe('follow-up-digest.png');
    expect(slack.callsOf('files.completeUploadExternal')[0]!.args).toMatchObject({ channel_id: 'C0SALES', thread_ts: expect.any(String) });
    expect(slack.violations).toEqual([]);
  });

  it('goes out once a week: later runs the same morning, even two at once, send nothing', async () => {
    const before = slack.callsOf('chat.postMessage').length;
    const runs = await Promise.all([job('2026-11-30T16:00:00Z'), job('2026-11-30T16:01:00Z')].map((p) => p.catch((e: { stderr?: string }) => ({ error: e.stderr }))));
    // On the embedded database the second process may be refused the data directory; on Postgres both run.
    for (const r of runs) if (!('error' in r)) expect(r).toMatchObject({ sent: 0, failed: 0 });
    if (target.name === 'postgres') expect(runs.every((r) => !('error' in r))).toBe(true);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(before);
  });

  it("the next week's digest shows the change beside each figure", async () => {
    const before = slack.callsOf('chat.postMessage').length;
    expect(await job(NEXT_WEEK)).toMatchObject({ job: 'digest', sent: 1, failed: 0 });
    const { all, reps: repTexts, team } = posted(before);
    expect(all).toContain('Follow-up digest — Mon 30 Nov – Sun 6 Dec');
    const ana = section(repTexts, 'Ana');
    const bo = section(repTexts, 'Bo');
    const cy = section(repTexts, 'Cy');
    expect(ana).toContain('1 of 4 (last week 1 of 4) open leads stalled');
    expect(ana).toContain('$12,000 in stalled leads (same as last week)');
    expect(ana).toContain('Parked: 1 snoozed lead (same as last week)');
    // The web lead has now missed its first working hour; Cy's demo is overdue.
    expect(bo).toContain('3 of 3 (last week 2 of 3) open leads stalled');
    expect(bo).toContain('$16,000 in stalled leads (+$6,000 on last week)');
    expect(times(repTexts.join('\n'), 'Web Lead')).toBe(1);
    expect(cy).toContain('5 of 5 (last week 4 of 5) open leads stalled');
    expect(team).toContain('dropped after 0–1 touches: 6 of 21 (29%, last week 6 of 21)');
    expect(team).toContain('*Figures about reps*: 1 of 2 (50%, last week 1 of 2) reps made a median of 4 or more touches');
  });
});
