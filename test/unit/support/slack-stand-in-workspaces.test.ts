import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.js';

// The stand-in playing several workspaces, each with its own bot token, and Slack's side of an install.

const ALPHA = { teamId: 'T0ALPHA', teamName: 'Alpha Sales', botToken: 'xoxb-alpha', users: [{ id: 'U0ANA', is_admin: true, tz: 'Europe/Lisbon' }] };
const BRAVO = { teamId: 'T0BRAVO', teamName: 'Bravo Group', botToken: 'xoxb-bravo', users: [{ id: 'U0BEN' }], installed: false };
const APP = { clientId: '111.222', clientSecret: 'app-client-secret' };
const REDIRECT = 'http://127.0.0.1:9/slack/oauth_redirect';

/** A WebClient as Bolt and @slack/oauth build them: form-encoded, bearer token (or none), no retries. */
const clientOf = (slack: SlackStandIn, token?: string) => new webApi.WebClient(token, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
const errorOf = (p: Promise<unknown>) => p.then(() => 'ok', (err: { data?: { error?: string } }) => err.data?.error);
/** The href of the first link with this attribute (id="allow", class="switch") on an HTML page. */
const link = (html: string, attr: string): string => html.match(new RegExp(`<a ${attr} href="([^"]+)"`))![1]!.replaceAll('&#38;', '&');

describe('Slack stand-in with several workspaces', () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startSlackStandIn({ teams: [ALPHA, BRAVO], oauth: APP });
  });
  afterAll(() => slack.close());

  const authorize = async (params: Record<string, string>) => {
    const res = await fetch(`${slack.authorizeUrl}?${new URLSearchParams(params)}`);
    return { status: res.status, html: await res.text() };
  };
  const install = async (team?: string) => {
    const page = await authorize({ client_id: APP.clientId, scope: 'commands,chat:write', state: 's1', redirect_uri: REDIRECT, ...(team ? { team } : {}) });
    const code = new URL(link(page.html, 'id="allow"')).searchParams.get('code')!;
    return clientOf(slack).oauth.v2.access({ client_id: APP.clientId, client_secret: APP.clientSecret, code, redirect_uri: REDIRECT });
  };

  it('sits beside the Web API: the authorize page is ../oauth/v2/authorize from SLACK_API_URL', () => {
    expect(slack.authorizeUrl).toBe(new URL('../oauth/v2/authorize', slack.url).toString());
    expect(slack.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/authorize$/);
  });

  it('answers auth.test for the team whose token the call carries, and records that team', async () => {
    expect(await clientOf(slack, 'xoxb-alpha').auth.test()).toMatchObject({ ok: true, team_id: 'T0ALPHA', team: 'Alpha Sales', user_id: 'U0ALPHABOT', bot_id: 'B0ALPHA' });
    expect(slack.callsOf('auth.test').at(-1)).toMatchObject({ token: 'xoxb-alpha', team: 'T0ALPHA' });
    expect(slack.violations).toEqual([]);
  });

  it('refuses a token never issued, a missing one, and one of a team not yet installed, noting each', async () => {
    expect(await errorOf(clientOf(slack, 'xoxb-forged').auth.test())).toBe('invalid_auth');
    expect(await errorOf(clientOf(slack).users.info({ user: 'U0ANA' }))).toBe('not_authed');
    expect(await errorOf(clientOf(slack, 'xoxb-bravo').auth.test())).toBe('invalid_auth');
    expect(slack.violations.splice(0)).toEqual(['auth.test: a token the stand-in never issued', 'users.info: no token', 'auth.test: a token the stand-in never issued']);
  });

  it('shows an authorize page for the signed-in workspace, with Allow, Cancel and the other workspaces', async () => {
    const page = await authorize({ client_id: APP.clientId, scope: 'commands,chat:write', state: 'st4te', redirect_uri: REDIRECT });
    expect(page.status).toBe(200);
    expect(page.html).toContain('access the Alpha Sales Slack workspace');
    const allow = new URL(link(page.html, 'id="allow"'));
    expect(`${allow.origin}${allow.pathname}`).toBe(REDIRECT);
    expect(allow.searchParams.get('state')).toBe('st4te');
    expect(allow.searchParams.get('code')).toMatch(/^T0ALPHA\./);
    expect(Object.fromEntries(new URL(link(page.html, 'id="cancel"')).searchParams)).toEqual({ error: 'access_denied', state: 'st4te' });
    const other = await fetch(link(page.html, 'class="switch"')).then((r) => r.text());
    expect(other).toContain('access the Bravo Group Slack workspace');
    expect(new URL(link(other, 'id="allow"')).searchParams.get('code')).toMatch(/^T0BRAVO\./);
    expect(slack.authorizations.at(0)?.query).toMatchObject({ client_id: APP.clientId, scope: 'commands,chat:write', state: 'st4te', redirect_uri: REDIRECT });
  });

  it('sends the installer back to the app\'s configured redirect URL when the request names none, and refuses any other', async () => {
    slack.setRedirectUrls([REDIRECT]);
    const page = await authorize({ client_id: APP.clientId, scope: 'commands', state: 's2' });
    expect(link(page.html, 'id="allow"')).toMatch(new RegExp(`^${REDIRECT}\\?code=T0ALPHA\\.\\w+&state=s2$`));
    expect((await authorize({ client_id: APP.clientId, scope: 'commands', redirect_uri: 'http://127.0.0.1:9/elsewhere' })).status).toBe(400);
  });

  it('refuses an authorize request for another app, or without scopes', async () => {
    expect((await authorize({ client_id: '999', scope: 'commands', redirect_uri: REDIRECT })).status).toBe(400);
    expect((await authorize({ client_id: APP.clientId, redirect_uri: REDIRECT })).status).toBe(400);
  });

  it('trades a code once for the team\'s bot token, answering as Slack does', async () => {
    const page = await authorize({ client_id: APP.clientId, scope: 'commands,chat:write', state: 's', redirect_uri: REDIRECT, team: 'T0BRAVO' });
    const code = new URL(link(page.html, 'id="allow"')).searchParams.get('code')!;
    const access = (args: { client_id: string; client_secret: string }) => clientOf(slack).oauth.v2.access({ code, ...args });
    expect(await errorOf(access({ client_id: APP.clientId, client_secret: 'wrong' }))).toBe('bad_client_secret');
    expect(await errorOf(access({ client_id: '999', client_secret: APP.clientSecret }))).toBe('invalid_client_id');
    const answer = await access({ client_id: APP.clientId, client_secret: APP.clientSecret });
    expect(answer).toMatchObject({
      ok: true, app_id: 'A0APP', authed_user: { id: 'U0BEN' }, scope: 'commands,chat:write', token_type: 'bot', access_token: 'xoxb-bravo',
      bot_user_id: 'U0BRAVOBOT', team: { id: 'T0BRAVO', name: 'Bravo Group' }, enterprise: null, is_enterprise_install: false,
    });
    // A code works once.
    expect(await errorOf(access({ client_id: APP.clientId, client_secret: APP.clientSecret }))).toBe('invalid_code');
    expect(answer).not.toHaveProperty('refresh_token');
    expect(await clientOf(slack, 'xoxb-bravo').auth.test()).toMatchObject({ team_id: 'T0BRAVO' });
  });

  it('takes the app\'s credentials as HTTP Basic too', async () => {
    const page = await authorize({ client_id: APP.clientId, scope: 'commands', redirect_uri: REDIRECT });
    const code = new URL(link(page.html, 'id="allow"')).searchParams.get('code')!;
    const res = await fetch(`${slack.url}oauth.v2.access`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code }).toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, access_token: 'xoxb-alpha', team: { id: 'T0ALPHA' } });
  });

  it('refuses a team\'s token for another team\'s user or DM, and notes it', async () => {
    const alpha = clientOf(slack, 'xoxb-alpha');
    expect(await errorOf(alpha.users.info({ user: 'U0BEN' }))).toBe('invalid_auth');
    expect(await errorOf(alpha.chat.postMessage({ channel: 'D0BEN', text: 'hello' }))).toBe('invalid_auth');
    expect(slack.violations.splice(0)).toEqual(["users.info: T0ALPHA's token used for T0BRAVO", "chat.postMessage: T0ALPHA's token used for T0BRAVO"]);
    expect((await alpha.users.info({ user: 'U0ANA' })).user).toMatchObject({ id: 'U0ANA', team_id: 'T0ALPHA', is_admin: true, tz: 'Europe/Lisbon' });
    expect(await clientOf(slack, 'xoxb-bravo').chat.postMessage({ channel: 'D0BEN', text: 'hello' })).toMatchObject({ ok: true });
  });

  it('after an uninstall the old token is revoked for good and a new install gets a new one', async () => {
    slack.uninstall('T0ALPHA');
    expect(slack.tokenOf('T0ALPHA')).toBeNull();
    expect(await errorOf(clientOf(slack, 'xoxb-alpha').auth.test())).toBe('token_revoked');
    expect((await install('T0ALPHA')).access_token).toBe('xoxb-alpha-2');
    // A re-install while installed keeps the token, as Slack does.
    expect((await install('T0ALPHA')).access_token).toBe('xoxb-alpha-2');
    expect(await errorOf(clientOf(slack, 'xoxb-alpha').auth.test())).toBe('token_revoked');
    expect(await clientOf(slack, 'xoxb-alpha-2').auth.test()).toMatchObject({ team_id: 'T0ALPHA' });
    expect(slack.teamOfToken('xoxb-alpha')).toBe('T0ALPHA');
    expect(slack.violations).toEqual([]);
  });

  it('answers an org-wide install and one with token rotation as Slack does, for the refusal pages', async () => {
    slack.setInstallKind('T0BRAVO', 'org-wide');
    expect(await install('T0BRAVO')).toMatchObject({ team: null, enterprise: { id: 'E0ORG' }, is_enterprise_install: true });
    slack.setInstallKind('T0BRAVO', 'rotating');
    expect(await install('T0BRAVO')).toMatchObject({ team: { id: 'T0BRAVO' }, refresh_token: expect.stringMatching(/^xoxe-1-/), expires_in: 43_200 });
    slack.setInstallKind('T0BRAVO', 'workspace');
  });

  it('apps.uninstall with the app\'s credentials removes the app from the calling team: its token is revoked', async () => {
    const bravo = clientOf(slack, slack.tokenOf('T0BRAVO')!);
    expect(await errorOf(bravo.apps.uninstall({ client_id: APP.clientId, client_secret: 'wrong' }))).toBe('bad_client_secret');
    expect(await bravo.apps.uninstall({ client_id: APP.clientId, client_secret: APP.clientSecret })).toMatchObject({ ok: true });
    expect(slack.tokenOf('T0BRAVO')).toBeNull();
    expect(await errorOf(bravo.auth.test())).toBe('token_revoked');
  });
});
