import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { loadManifest } from '../../src/slack/manifest.js';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { authorizePage, getPage, installWorkspace, linkTo, oauthEnv, OAUTH_APP, openInstallPage, textOf } from '../support/oauth-install.js';
import { freePort, SIGNING_SECRET } from '../support/serve-process.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';

// What a person installing the app sees, page by page, against the real receiver and the stand-in's
// side of Slack: the install page, the page after it, and a page for each way it does not finish.

const ADMIN = { id: 'U0ADMIN', is_admin: true, tz: 'America/New_York' };
const MEMBER = { id: 'U0MEMBER', tz: 'America/New_York' };
const team = (teamId: string, users = [ADMIN, MEMBER]) => ({ teamId, teamName: `Team ${teamId}`, botToken: `xoxb-${teamId}-first`, users, installed: false });

describe.each(dbTargets())('install pages on $name', (target) => {
  const database = useDatabase(target);
  let slack: SlackStandIn;
  let running: RunningSlackApp;
  let baseUrl: string;

  beforeAll(async () => {
    // Slack sends installers back to the redirect URL the app is configured with (manifest --oauth).
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    slack = await startSlackStandIn({
      oauth: { ...OAUTH_APP, redirectUrls: [`${baseUrl}/slack/oauth_redirect`] },
      teams: [team('T0ACME'), team('T0BETA', [MEMBER]), team('T0GRID'), team('T0ROTATE'), team('T0STRANGER'), team('T0CANCEL')],
    });
    slack.setInstallKind('T0GRID', 'org-wide');
    slack.setInstallKind('T0ROTATE', 'rotating');
    const allowed = 'T0ACME,T0BETA,T0GRID,T0ROTATE,T0CANCEL';
    const config = loadConfig({ ...oauthEnv(slack), FOLLOWUP_ALLOWED_TEAMS: allowed, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, { slack: true });
    running = await startSlackApp({ config, logger: createLogger('silent'), database });
  });
  afterAll(async () => {
    await running?.stop();
    await slack?.close();
  });

  it('the install page says what the app does and links "Add to Slack" to Slack\'s authorize page with the manifest\'s scopes', async () => {
    const page = await openInstallPage(baseUrl);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Each weekday morning every rep gets a short list of whom to follow up with');
    expect(page.cookie).toBeDefined();
    const url = new URL(page.addToSlack);
    expect(url.origin + url.pathname).toBe(slack.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe(OAUTH_APP.clientId);
    expect(url.searchParams.get('scope')!.split(',').sort()).toEqual([...(await loadManifest()).oauth_config.scopes.bot].sort());
    expect(url.searchParams.get('state')).toBe(page.cookie!.split('=')[1]);
  });

  it('after an admin installs: they are the first manager, and the page says what comes next', async () => {
    const page = await installWorkspace(baseUrl, 'T0ACME');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Follow-up Coach is now in Team T0ACME');
    expect(text).toContain("You are the team's first manager");
    expect(text).toContain('/invite @followup-coach');
    expect(text).toContain('/followup settings digest:#channel');
    // No promise of a message to every rep: only those who use the app, when they have something due.
    expect(text).toContain('Reps who use /followup get a morning message on weekdays when they have leads to follow up, at 08:00 in their time zone (or the time they set).');
    // Slack issued the team its token: the install went through to the end.
    expect(slack.tokenOf('T0ACME')).not.toBeNull();
  });

  it('after a member who is not an admin installs: they are told who appoints the first manager', async () => {
    const text = textOf((await installWorkspace(baseUrl, 'T0BETA')).html);
    expect(text).toContain('Ask a Slack workspace admin or owner to appoint the first one with /followup settings manager:@name');
  });

  it('a redirect with a forged or missing state, or without the browser that started it, is refused: start again', async () => {
    const start = await openInstallPage(baseUrl);
    const allow = new URL((await authorizePage(start.addToSlack, 'T0ACME')).allow);
    const forged = new URL(allow);
    forged.searchParams.set('state', 'forged');
    const missing = new URL(allow);
    missing.searchParams.delete('state');
    for (const [url, cookie] of [[forged, start.cookie], [missing, start.cookie], [allow, undefined]] as const) {
      const page = await getPage(url.toString(), cookie);
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain('This install link has expired or was not started here. Start again from the install page.');
      expect(linkTo(page.html, 'Go to the install page', page.url)).toBe(`${baseUrl}/slack/install`);
    }
  });

  it('a cancelled install says so, and what to do when an admin must approve the app', async () => {
    const start = await openInstallPage(baseUrl);
    const page = await getPage((await authorizePage(start.addToSlack, 'T0CANCEL')).cancel, start.cookie);
    expect(page.status).toBe(403);
    const text = textOf(page.html);
    expect(text).toContain('The install was cancelled');
    expect(text).toContain('once they approve it, start again from the install page');
  });

  it.each([
    ['T0GRID', 'Installing across a whole Enterprise Grid organization is not supported yet'],
    ['T0ROTATE', 'token rotation turned on, which Follow-up Coach does not support'],
    ['T0STRANGER', 'your workspace is not one of those it serves'],
  ])('an install the app does not take (%s) gets a page saying why, and is given back to Slack', async (teamId, why) => {
    const page = await installWorkspace(baseUrl, teamId);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain(why);
    // apps.uninstall with the app's credentials: no app is left in the workspace without a stored token.
    await slack.waitFor(() => slack.tokenOf(teamId) === null, 5000);
  });
});
