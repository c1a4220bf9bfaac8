import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { teams } from '../../src/db/schema.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenOverdueReps } from '../support/given.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { sendEvent } from '../support/signed-request.js';
import { dmsTo, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

// Four teams, two reps each, every rep owed a morning DM at 08:00 New York time.
const GONE = 'T0GONE'; // app_uninstalled; the stand-in's token is this team's, so a restart resumes it
const REVOKED = 'T0REVOKED'; // tokens_revoked naming the bot
const USER_REVOKED = 'T0USERREV'; // tokens_revoked naming only a user's token: carries on
const BOT_USER = 'U0BOT';
const repsOf = (team: string) => [`U${team.slice(2)}1`, `U${team.slice(2)}2`];

// Wed 25 Nov 2026 in New York: 5 s before the DMs fall due, and half a minute after.
const BEFORE_DUE = '2026-11-25T12:59:55Z';
const AFTER_DUE = '2026-11-25T13:00:30Z';

/** Morning DMs a rep has had. */
const dmCount = (slack: SlackStandIn, rep: string) => dmsTo(slack, rep).length;
/** Anything sent towards the team's reps: a DM opened or posted. */
const sentTo = (slack: SlackStandIn, team: string) =>
  slack.calls.filter(
    (c) => ['conversations.open', 'chat.postMessage'].includes(c.method) && repsOf(team).some((rep) => c.args.users === rep || c.args.channel === `D${rep.slice(1)}`),
  );
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(await processDbTargets('fc-uninstall-'))('uninstall and reinstall on $name', (target) => {
  const processes: ServeProcess[] = [];
  let slack: SlackStandIn | undefined;
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await slack?.close();
    await target.cleanup();
  });

  it('app_uninstalled or tokens_revoked for the bot stop the team at once in a running serve; a user token revoked does not; a restart with a working token resumes the team', async () => {
    await seedDatabase(target, async (db) => {
      for (const team of [GONE, REVOKED, USER_REVOKED]) await givenOverdueReps(db, team, repsOf(team));
    });
    slack = await startSlackStandIn({ teamId: GONE, botUserId: BOT_USER });
    const env = { ...target.env, SLACK_API_URL: slack.url, FOLLOWUP_TICK: '* * * * * *', FOLLOWUP_SEND_RATE: '100', FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '0', LOG_LEVEL: 'info' };
    const first = await startServe({ ...env, FOLLOWUP_CLOCK_START: BEFORE_DUE });
    processes.push(first);

    const event = (team: string, id: string, body: object) =>
      sendEvent(first.baseUrl, SIGNING_SECRET, { token: 'legacy', team_id: team, api_app_id: 'A0APP', type: 'event_callback', event_id: id, event_time: 1, event: body });
    const acks = await Promise.all([
      event(GONE, 'Ev0GONE', { type: 'app_uninstalled', event_ts: '1.1' }),
      event(REVOKED, 'Ev0REVOKED', { type: 'tokens_revoked', tokens: { bot: [BOT_USER] }, event_ts: '1.2' }),
      event(USER_REVOKED, 'Ev0USERREV', { type: 'tokens_revoked', tokens: { oauth: [repsOf(USER_REVOKED)[0]] }, event_ts: '1.3' }),
    ]);
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    // Bolt acks first; the listeners record the uninstalls just after.
    await slack.waitFor(() => (first.output().match(/team uninstalled: its jobs stop/g) ?? []).length === 2, 5000);
    // All that before any DM was due: what follows is the scheduler's doing, tick by tick.
    expect(slack.callsOf('chat.postMessage')).toEqual([]);

    // 08:00 comes: the team whose user revoked a token gets its DMs...
    await slack.waitFor(() => repsOf(USER_REVOKED).every((rep) => dmCount(slack!, rep) === 1), 20_000);
    // ...and over the ticks after it, nothing at all goes to the other two.
    await settle(2000);
    expect(sentTo(slack, GONE)).toEqual([]);
    expect(sentTo(slack, REVOKED)).toEqual([]);
    expect(first.output()).toMatch(/"team":"T0GONE","why":"app_uninstalled","msg":"team uninstalled: its jobs stop"/);
    expect(first.output()).toMatch(/"team":"T0REVOKED","why":"tokens_revoked","msg":"team uninstalled: its jobs stop"/);
    expect(await first.stop()).toBe(0);

    // A restart whose token works for T0GONE (auth.test names it): that team resumes the same morning.
    const second = await startServe({ ...env, FOLLOWUP_CLOCK_START: AFTER_DUE });
    processes.push(second);
    await slack.waitFor(() => repsOf(GONE).every((rep) => dmCount(slack!, rep) === 1), 20_000);
    await settle(2000);
    expect(second.output()).toMatch(/"team":"T0GONE","msg":"team reinstalled: its jobs resume"/);
    // The revoked team's token is not this one: it stays stopped. Nobody hears twice.
    expect(sentTo(slack, REVOKED)).toEqual([]);
    for (const rep of [...repsOf(GONE), ...repsOf(USER_REVOKED)]) expect(dmCount(slack, rep)).toBe(1);
    expect(slack.violations).toEqual([]);
    expect(await second.stop()).toBe(0);

    const rows = await withDatabase(target, (db) => db.select({ id: teams.id, uninstalledAt: teams.uninstalledAt }).from(teams).where(inArray(teams.id, [GONE, REVOKED])));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.uninstalledAt !== null]))).toEqual({ [GONE]: false, [REVOKED]: true });
  }, 90_000);
});
