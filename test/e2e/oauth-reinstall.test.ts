import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../src/db/schema.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenOverdueReps, OVERDUE_DMS_DUE_AT } from '../support/given.js';
import { installWorkspace, oauthEnv, OAUTH_APP, startOAuthServe } from '../support/oauth-install.js';
import { SIGNING_SECRET, type ServeProcess } from '../support/serve-process.js';
import { sendEvent, sendSlashCommand } from '../support/signed-request.js';
import { dmsTo, startSlackStandIn, type SlackStandIn, type StandInTeam } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

// Uninstall then re-install, with Slack's event arriving before the re-install or after it (issue
// #17, "Done when"): whichever the order, the new install keeps working with its new token, and the
// old token is never used again. One workspace per case, all in one running serve.

type Event = 'app_uninstalled' | 'tokens_revoked';
interface Case {
  team: string;
  event: Event;
  /** 'late': the event arrives after the re-install (its event_time from before it). */
  order: 'in order' | 'late';
}
const CASES: Case[] = [
  { team: 'T0UNORDER', event: 'app_uninstalled', order: 'in order' },
  { team: 'T0UNLATE', event: 'app_uninstalled', order: 'late' },
  { team: 'T0REVORDER', event: 'tokens_revoked', order: 'in order' },
  { team: 'T0REVLATE', event: 'tokens_revoked', order: 'late' },
];
const repOf = (team: string) => `U${team.slice(2)}1`;
const botUserOf = (team: string) => `U${team.slice(1)}BOT`;

const TEAMS: StandInTeam[] = CASES.map(({ team }) => ({
  teamId: team, teamName: `${team.slice(2)} Co`, botToken: `xoxb-${team.toLowerCase()}`, botUserId: botUserOf(team), installed: false,
  users: [{ id: repOf(team), tz: 'America/New_York', is_admin: true }],
}));

describe.each(await processDbTargets('fc-reinstall-'))('uninstall and re-install through "Add to Slack" on $name', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let env: Record<string, string>;
  let seq = 0;
  /** When each team's re-install finished, and the token it replaced. */
  const reinstalled = new Map<string, { at: number; oldToken: string }>();

  const add = async (team: string, name: string) => {
    const n = ++seq;
    const res = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, {
      text: `add "${name}"`, teamId: team, userId: repOf(team), triggerId: `trig.${n}`, responseUrl: `${slack.responseUrlBase}${n}`,
    });
    if (/Working on it/.test(res.body?.text ?? '')) {
      await slack.waitFor(() => slack.responses.some((r) => r.path === `/response/${n}`), 20_000);
      return String((slack.responses.find((r) => r.path === `/response/${n}`)!.body as { text?: string }).text);
    }
    return String(res.body?.text ?? res.text);
  };

  /** Slack's event for the team, signed; resolves once serve has handled it (its request log line). */
  const uninstallEvent = async (team: string, event: Event, eventTime: number) => {
    const body = event === 'app_uninstalled' ? { type: event, event_ts: `${eventTime}.000100` } : { type: event, tokens: { bot: [botUserOf(team)] }, event_ts: `${eventTime}.000100` };
    const ack = await sendEvent(serve.baseUrl, SIGNING_SECRET, {
      token: 'legacy', team_id: team, api_app_id: 'A0APP', type: 'event_callback', event_id: `Ev${team}`, event_time: eventTime, event: body,
      authorizations: [{ enterprise_id: null, team_id: team, user_id: botUserOf(team), is_bot: true, is_enterprise_install: false }],
    });
    expect(ack.status).toBe(200);
    await slack.waitFor(() => serve.logs().some((l) => l.msg === 'request' && l.team === team && l.listener === `event:${event}`), 20_000);
  };

  const install = async (team: string) => {
    const page = await installWorkspace(serve.baseUrl, team);
    expect(page.status, page.html).toBe(200);
  };

  beforeAll(async () => {
    await seedDatabase(target, async (db) => {
      for (const { team } of CASES) await givenOverdueReps(db, team, [repOf(team)]);
    });
    slack = await startSlackStandIn({ teams: TEAMS, oauth: OAUTH_APP });
    env = { ...oauthEnv(slack), ...target.env };
    serve = await startOAuthServe(slack, target.env);
    for (const { team } of CASES) {
      await install(team);
      expect(await add(team, 'Before the uninstall')).toContain('Before the uninstall');
    }
  }, 120_000);

  afterAll(() => stopAll(serve, slack, target));

  it.each(CASES)('$event $order: the re-installed team keeps working with its new token', async ({ team, event, order }) => {
    const oldToken = slack.tokenOf(team)!;
    // The admin removes the app: Slack revokes the token at once; its event may come before or after the re-install.
    slack.uninstall(team);
    // Slack's event_time is whole seconds, rounded down as Slack does: an event from the install's own
    // second looks older than it, and the app asks Slack whether the stored token still works.
    const uninstalledAt = Math.floor(Date.now() / 1000);
    if (order === 'in order') await uninstallEvent(team, event, uninstalledAt);
    await install(team);
    const newToken = slack.tokenOf(team)!;
    expect(newToken).not.toBe(oldToken);
    reinstalled.set(team, { at: Date.now(), oldToken });
    if (order === 'late') await uninstallEvent(team, event, uninstalledAt);

    expect(await add(team, `After the ${event}`)).toContain(`After the ${event}`);
    // The rep's App Home is drawn again after the add: a Web API call with whatever token the app now holds.
    const at = reinstalled.get(team)!.at;
    await slack.waitFor(() => slack.callsOf('views.publish').some((c) => c.args.user_id === repOf(team) && c.at >= at), 20_000);
    const since = slack.calls.filter((c) => c.at >= at && c.team === team);
    expect(since.map((c) => c.token)).toEqual(since.map(() => newToken));
    expect(slack.violations).toEqual([]);
  }, 60_000); // an install, an event and a command, each a few round trips: roomy for a loaded CI machine

  it('the morning job DMs every re-installed team\'s rep once, with the new token; no old token is used again', async () => {
    expect(await serve.stop()).toBe(0);
    expect(await runJob('morning', { at: OVERDUE_DMS_DUE_AT, env })).toMatchObject({ job: 'morning', sent: CASES.length, failed: 0 });
    for (const { team } of CASES) {
      const dms = dmsTo(slack, repOf(team));
      expect(dms, team).toHaveLength(1);
      expect(dms[0]!.token).toBe(slack.tokenOf(team));
      const { at, oldToken } = reinstalled.get(team)!;
      expect(slack.calls.filter((c) => c.token === oldToken && c.at >= at), team).toEqual([]);
    }
    expect(slack.violations).toEqual([]);
  }, 90_000);

  it('a restart tries each install\'s token with Slack: a working one resumes its team, a refused one is reported, nothing deleted', async () => {
    const [resumed, removed] = [CASES[0]!.team, CASES[1]!.team];
    // While serve was down: one team was marked uninstalled (its token still works), and another
    // removed the app without its event ever arriving.
    await withDatabase(target, (db) => db.update(teams).set({ uninstalledAt: new Date() }).where(eq(teams.id, resumed)));
    slack.uninstall(removed);
    serve = await startOAuthServe(slack, target.env);
    await slack.waitFor(() => serve.logs().some((l) => l.msg === 'installs checked with Slack'), 20_000);
    const logs = serve.logs();
    expect(logs.find((l) => l.msg === 'installs checked with Slack')).toMatchObject({ installs: CASES.length, works: CASES.length - 1, refused: 1, unreadable: 0 });
    expect(logs).toContainEqual(expect.objectContaining({ team: resumed, msg: 'team reinstalled: its jobs resume' }));
    expect(logs).toContainEqual(expect.objectContaining({ team: removed, msg: expect.stringContaining('must install the app again') }));
    expect(slack.violations).toEqual([]);
    // An embedded database is serve's alone while it runs: read once it has stopped.
    expect(await serve.stop()).toBe(0);
    const [row] = await withDatabase(target, (db) => db.select({ uninstalledAt: teams.uninstalledAt }).from(teams).where(eq(teams.id, resumed)));
    expect(row!.uninstalledAt).toBeNull();
  }, 60_000);
});
