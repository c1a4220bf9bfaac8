import { randomBytes } from 'node:crypto';
import type { Workspace, Workspaces } from './stand-in-workspaces.js';

// Slack's side of an "Add to Slack" install, played by the stand-in: the authorize page a browser is
// sent to (GET /oauth/v2/authorize), whose "Allow" goes back to the app's redirect URL with a code,
// and oauth.v2.access, which trades that code for the team's bot token (docs/architecture.md#tests).

export interface StandInOAuthApp {
  clientId: string;
  clientSecret: string;
  /** Default A0APP, as the signed test requests say. */
  appId?: string;
  /** The app's configured redirect URLs: an authorize request naming another is refused. Any when unset. */
  redirectUrls?: string[];
}

/** An authorize page shown: its query, as the app built the URL. */
export interface AuthorizeRequest {
  query: Record<string, string>;
  at: number;
}

interface Grant {
  teamId: string;
  installer: string;
  scope: string;
  redirectUri: string;
  expiresAt: number;
}

// Slack's codes last ten minutes.
const CODE_LIFETIME_MS = 10 * 60_000;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (status: number, title: string, body: string) => ({
  status,
  html: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`,
});

const withParams = (base: string, params: Record<string, string | undefined>): string => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
};

export function standInOAuth(registered: StandInOAuthApp | undefined, workspaces: Workspaces) {
  const app = registered ? { ...registered } : undefined;
  const grants = new Map<string, Grant>();
  const authorizations: AuthorizeRequest[] = [];

  /** The page Slack shows the installer: "Allow" issues a code for the workspace shown. */
  function authorizePage(url: URL): { status: number; html: string } {
    const q = Object.fromEntries(url.searchParams);
    authorizations.push({ query: q, at: Date.now() });
    if (!app || q.client_id !== app.clientId) return page(400, 'Invalid client_id parameter', '<p>This app is not known.</p>');
    const redirect = q.redirect_uri ?? app.redirectUrls?.[0];
    if (!redirect) return page(400, 'Missing redirect_uri parameter', '<p>The app gave no redirect URL.</p>');
    if (app.redirectUrls && !app.redirectUrls.includes(redirect)) return page(400, 'redirect_uri did not match any configured URIs', `<p>${escapeHtml(redirect)}</p>`);
    if (!q.scope) return page(400, 'Missing scope parameter', '<p>The app asked for no scopes.</p>');
    // The workspace the browser is signed into: the one asked for, else the first.
    const workspace = q.team ? workspaces.byTeam(q.team) : workspaces.all()[0];
    if (!workspace) return page(400, 'Unknown workspace', `<p>${escapeHtml(q.team ?? '')}</p>`);
    const installer = workspace.installer ?? 'U0ADMIN';
    const code = `${workspace.teamId}.${randomBytes(12).toString('hex')}`;
    grants.set(code, { teamId: workspace.teamId, installer, scope: q.scope, redirectUri: redirect, expiresAt: Date.now() + CODE_LIFETIME_MS });
    const allow = withParams(redirect, { code, state: q.state });
    const cancel = withParams(redirect, { error: 'access_denied', state: q.state });
    const others = workspaces
      .all()
      .filter((w) => w !== workspace)
      .map((w) => `<li><a class="switch" href="${escapeHtml(withParams(url.toString(), { team: w.teamId }))}">Switch to ${escapeHtml(w.teamName)}</a></li>`)
      .join('');
    return page(
      200,
      `followup-coach is requesting permission to access the ${workspace.teamName} Slack workspace`,
      [
        `<p>Signed in as ${escapeHtml(installer)} in ${escapeHtml(workspace.teamName)} (${escapeHtml(workspace.teamId)}).</p>`,
        `<p>It will be able to: ${q.scope.split(',').map(escapeHtml).join(', ')}</p>`,
        `<p><a id="allow" href="${escapeHtml(allow)}">Allow</a> <a id="cancel" href="${escapeHtml(cancel)}">Cancel</a></p>`,
        others ? `<ul>${others}</ul>` : '',
      ].join('\n'),
    );
  }

  /** oauth.v2.access: a code, once, for the bot token of the team it was issued for. */
  function exchange(args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    let [clientId, clientSecret] = [args.client_id, args.client_secret].map((v) => (v === undefined ? undefined : String(v)));
    if (authorization?.startsWith('Basic ')) [clientId, clientSecret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    if (!app || clientId !== app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (clientSecret !== app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const code = String(args.code ?? '');
    const grant = grants.get(code);
    grants.delete(code);
    if (!grant || grant.expiresAt < Date.now()) return { ok: false, error: 'invalid_code' };
    if (args.redirect_uri !== undefined && args.redirect_uri !== grant.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
    const workspace = workspaces.byTeam(grant.teamId)!;
    return installed(workspace, grant, workspaces.install(workspace), app.appId ?? 'A0APP');
  }

  /** apps.uninstall: the app removes itself from the workspace whose token it calls with; the token is revoked. */
  function uninstallApp(args: Record<string, unknown>, workspace: Workspace): Record<string, unknown> {
    if (!app || args.client_id !== app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (args.client_secret !== app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    workspaces.uninstall(workspace.teamId);
    return { ok: true };
  }

  /** The redirect URLs set in the app's settings (known only once the app listens on its port). */
  function setRedirectUrls(urls: string[]): void {
    if (!app) throw new Error('stand-in: no OAuth app was given');
    app.redirectUrls = urls;
  }

  return { authorizations, authorizePage, exchange, uninstallApp, setRedirectUrls };
}

/** oauth.v2.access's answer, as Slack gives it for each kind of install. */
function installed(workspace: Workspace, grant: Grant, token: string, appId: string): Record<string, unknown> {
  const team = { id: workspace.teamId, name: workspace.teamName };
  const enterprise = workspace.enterpriseId ? { id: workspace.enterpriseId, name: `${workspace.teamName} org` } : null;
  const answer = {
    ok: true, app_id: appId, authed_user: { id: grant.installer }, scope: grant.scope, token_type: 'bot', access_token: token,
    bot_user_id: workspace.botUserId, team, enterprise, is_enterprise_install: false,
  };
  switch (workspace.installKind) {
    case 'org-wide':
      return { ...answer, team: null, enterprise: enterprise ?? { id: 'E0ORG', name: 'Grid org' }, is_enterprise_install: true };
    case 'rotating':
      return { ...answer, refresh_token: `xoxe-1-${randomBytes(12).toString('hex')}`, expires_in: 43_200 };
    default:
      return answer;
  }
}
