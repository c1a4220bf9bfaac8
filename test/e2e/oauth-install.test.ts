import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../support/cli.js';
import { processDbTargets } from '../support/db.js';
import { authorizePage, getPage, installWorkspace, oauthEnv, OAUTH_APP, openInstallPage, startOAuthServe, textOf } from '../support/oauth-install.js';
import { SIGNING_SECRET, type ServeProcess } from '../support/serve-process.js';
import { sendSlashCommand } from '../support/signed-request.js';
import { dmsTo, startSlackStandIn, type RecordedCall, type SlackStandIn, type StandInTeam } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

// Two workspaces install the app through "Add to Slack" against the Slack stand-in, which then holds
// every Web API call to the calling team's own token (issue #17, "Done when").

const ALPHA: StandInTeam = {
  teamId: 'T0ALPHA', teamName: 'Alpha Sales', botToken: 'xoxb-alpha-e2e', installed: false,
  users: [{ id: 'U0ANA', tz: 'America/New_York', real_name: 'Ana Rivera', is_admin: true }],
};
const BRAVO: StandInTeam = {
  teamId: 'T0BRAVO', teamName: 'Bravo Group', botToken: 'xoxb-bravo-e2e', installed: false,
  users: [{ id: 'U0BEN', tz: 'America/New_York', real_name: 'Ben Okafor', is_owner: true }],
};
// A workspace inside an Enterprise Grid org: installs of it alone work; org-wide ones are refused.
const GRID: StandInTeam = {
  teamId: 'T0GRID', teamName: 'Grid Branch', botToken: 'xoxb-grid-e2e', enterpriseId: 'E0GRID', installed: false,
  users: [{ id: 'U0GIA', tz: 'Europe/Berlin', is_admin: true }],
};
const REP = { T0ALPHA: 'U0ANA', T0BRAVO: 'U0BEN' } as const;
const LEAD = { T0ALPHA: 'Alpha Widgets', T0BRAVO: 'Bravo Tools' } as const;
type Team = keyof typeof REP;

// Mon 23 Nov 2026, 12:00 in New York: past that morning's DMs, so serve's own ticks send nothing.
const CLOCK_START = '2026-11-23T17:00:00Z';
// Wed 25 Nov 2026, 08:05 in New York: the steps promised "by tuesday" are overdue.
const MORNING = '2026-11-25T13:05:00Z';

describe.each(await processDbTargets('fc-oauth-'))('two workspaces install through "Add to Slack" on $name', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let env: Record<string, string>;
  let triggers = 0;
  /** A slash command from the team's rep; its answer, from the response or (when it took long) the response_url. */
  const command = async (team: Team, text: string): Promise<{ status: number; text: string; all: string }> => {
    const n = ++triggers;
    const res = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { text, teamId: team, userId: REP[team], triggerId: `trig.${n}`, responseUrl: `${slack.responseUrlBase}${n}` });
    let body = res.body as { text?: string } | null;
    if (/Working on it/.test(body?.text ?? '')) {
      await slack.waitFor(() => slack.responses.some((r) => r.path === `/response/${n}`), 20_000);
      body = slack.responses.find((r) => r.path === `/response/${n}`)!.body as { text?: string };
    }
    return { status: res.status, text: body?.text ?? '', all: JSON.stringify(body) };
  };
  /** Calls made with this team's token (any it was issued). */
  const callsWithTokenOf = (team: Team, calls: RecordedCall[] = slack.calls) => calls.filter((c) => c.team === team);

  beforeAll(async () => {
    slack = await startSlackStandIn({ teams: [ALPHA, BRAVO, GRID], oauth: OAUTH_APP });
    env = { ...oauthEnv(slack), ...target.env };
    serve = await startOAuthServe(slack, { ...target.env, FOLLOWUP_CLOCK_START: CLOCK_START });
  }, 90_000);

  afterAll(() => stopAll(serve, slack, target));

  it('the install page offers "Add to Slack", pointing at Slack\'s authorize page for this app', async () => {
    const page = await openInstallPage(serve.baseUrl);
    const authorize = new URL(page.addToSlack);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(slack.authorizeUrl);
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH_APP.clientId);
    expect(authorize.searchParams.get('scope')).toMatch(/\bcommands\b/);
    expect(authorize.searchParams.get('scope')).toMatch(/\bchat:write\b/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(page.cookie).toMatch(/=.+/);
  });

  it('a redirect with a forged or missing state is refused with a page that says to start again, and no code is traded', async () => {
    const start = await openInstallPage(serve.baseUrl);
    const slackPage = await authorizePage(start.addToSlack, 'T0ALPHA');
    const allow = new URL(slackPage.allow);
    const redirect = `${allow.origin}${allow.pathname}`;
    const code = allow.searchParams.get('code')!;
    const refusals = [
      await getPage(`${redirect}?code=${code}&state=forged`, start.cookie),
      await getPage(`${redirect}?code=${code}`, start.cookie),
      // The real state, but in another browser (without the cookie the install page set).
      await getPage(slackPage.allow),
    ];
    for (const page of refusals) {
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toMatch(/start again/i);
      expect(textOf(page.html)).not.toMatch(/xox[bpe]-|invalid_?state|error:/i);
    }
    expect(slack.callsOf('oauth.v2.access')).toEqual([]);
    expect(slack.tokenOf('T0ALPHA')).toBeNull();
  });

  it('Cancel on Slack\'s page comes back to a page saying the app was not added', async () => {
    const start = await openInstallPage(serve.baseUrl);
    const page = await getPage((await authorizePage(start.addToSlack, 'T0BRAVO')).cancel, start.cookie);
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(textOf(page.html)).toMatch(/cancel/i);
    expect(slack.callsOf('oauth.v2.access')).toEqual([]);
  });

  it('installs both workspaces: each gets its own token, and the page says what happens next', async () => {
    for (const team of [ALPHA, BRAVO]) {
      const page = await installWorkspace(serve.baseUrl, team.teamId);
      expect(page.status, page.html).toBe(200);
      const text = textOf(page.html);
      expect(text).toContain(team.teamName!);
      // The installer is a workspace admin (Ana) or owner (Ben): they manage the team from the start.
      expect(text).toMatch(/first manager/i);
      expect(text).toMatch(/invite/i);
      expect(slack.tokenOf(team.teamId)).toBe(team.botToken);
    }
    // One code traded per install, with the app's credentials and no bot token.
    expect(slack.callsOf('oauth.v2.access').map((c) => c.token)).toEqual([undefined, undefined]);
    expect(slack.violations).toEqual([]);
  }, 60_000);

  it('an org-wide install, or one with token rotation on, is refused with a page saying why, and the app leaves the workspace', async () => {
    const refusals: [kind: 'org-wide' | 'rotating', says: RegExp][] = [
      ['org-wide', /whole Enterprise Grid organization is not supported/i],
      ['rotating', /token rotation/i],
    ];
    for (const [kind, says] of refusals) {
      slack.setInstallKind('T0GRID', kind);
      const page = await installWorkspace(serve.baseUrl, 'T0GRID');
      expect(page.status, kind).toBe(403);
      expect(textOf(page.html)).toMatch(says);
      // The token Slack gave was handed back (apps.uninstall): no app is left there without a stored token.
      expect(slack.tokenOf('T0GRID'), kind).toBeNull();
    }
    slack.setInstallKind('T0GRID', 'workspace');
    const page = await installWorkspace(serve.baseUrl, 'T0GRID');
    expect(page.status, page.html).toBe(200);
    expect(textOf(page.html)).toContain('Grid Branch');
    expect(slack.violations).toEqual([]);
  }, 60_000);

  it('each workspace\'s /followup add and log work, every Web API call carrying that team\'s token', async () => {
    for (const team of ['T0ALPHA', 'T0BRAVO'] as const) {
      const added = await command(team, `add "${LEAD[team]}" tier:referral value:12000`);
      expect(added.status).toBe(200);
      expect(added.text).toContain(LEAD[team]);
      const logged = await command(team, `log "${LEAD[team]}" call talked pricing next: send proposal by tuesday promised`);
      expect(logged.text).toContain(`Logged call with *${LEAD[team]}* (touch 1)`);
      expect(logged.text).toContain('(promised)');
      // The rep's profile was read from Slack with their own team's token.
      const profileReads = slack.callsOf('users.info').filter((c) => c.args.user === REP[team]);
      expect(profileReads.length).toBeGreaterThanOrEqual(1);
      expect(profileReads.map((c) => c.token)).toEqual(profileReads.map(() => slack.tokenOf(team)));
    }
    // Every call but the code exchange carried a token the stand-in issued, and none was refused
    // (a token of one team used for the other's rep or DM would be noted here).
    expect(slack.calls.filter((c) => c.method !== 'oauth.v2.access' && !c.team)).toEqual([]);
    expect(slack.violations).toEqual([]);
  }, 60_000);

  it('no lead or reply crosses teams: one team\'s rep cannot see or log the other\'s lead', async () => {
    for (const [team, other] of [['T0ALPHA', 'T0BRAVO'], ['T0BRAVO', 'T0ALPHA']] as const) {
      expect((await command(team, `show "${LEAD[other]}"`)).text).toContain(`no lead called "${LEAD[other]}"`);
      expect((await command(team, `log "${LEAD[other]}" call`)).text).toContain(`no lead called "${LEAD[other]}"`);
      const own = await command(team, `show "${LEAD[team]}"`);
      expect(own.all).toContain(LEAD[team]);
      expect(own.all).not.toContain(LEAD[other]);
    }
    expect(slack.violations).toEqual([]);
  }, 60_000);

  it('the morning job DMs each team\'s rep with that team\'s token only', async () => {
    // The embedded database admits one process: serve lets go before the job runs.
    expect(await serve.stop()).toBe(0);
    const before = slack.calls.length;
    expect(await runJob('morning', { at: MORNING, env })).toMatchObject({ job: 'morning', sent: 2, failed: 0 });
    for (const team of ['T0ALPHA', 'T0BRAVO'] as const) {
      const other = team === 'T0ALPHA' ? 'T0BRAVO' : 'T0ALPHA';
      const dms = dmsTo(slack, REP[team]).filter((c) => slack.calls.indexOf(c) >= before);
      expect(dms).toHaveLength(1);
      expect(dms[0]!.team).toBe(team);
      expect(dms[0]!.token).toBe(slack.tokenOf(team));
      const text = JSON.stringify(dms[0]!.args);
      expect(text).toContain(LEAD[team]);
      expect(text).not.toContain(LEAD[other]);
    }
    const made = slack.calls.slice(before);
    for (const team of ['T0ALPHA', 'T0BRAVO'] as const) {
      // Whatever the job asked Slack about this team's rep, it asked with this team's token.
      const aboutRep = made.filter((c) => JSON.stringify(c.args).includes(REP[team].slice(1)));
      expect(aboutRep.length).toBeGreaterThan(0);
      expect(callsWithTokenOf(team, aboutRep)).toEqual(aboutRep);
    }
    expect(slack.violations).toEqual([]);
  }, 90_000);
});
