import { randomBytes } from 'node:crypto';
import { startServe, type ServeProcess } from './serve-process.js';
import type { SlackStandIn, StandInOAuthApp } from './slack-stand-in.js';

// "Add to Slack" as a browser goes through it, over plain HTTP: the app's install page (which sets
// the state cookie), Slack's authorize page on the stand-in, and "Allow" back to the app's redirect
// URL carrying the cookie.

/** The app as registered with Slack: the stand-in is given the same. */
export const OAUTH_APP: StandInOAuthApp = { clientId: '1111111111.2222222222', clientSecret: 'e2e0client0secret0abcdef0123456' };

/** The key sealing stored tokens in this test run: serve and the CLI runs after it share it. */
const E2E_KEYS = `e2e:${randomBytes(32).toString('base64')}`;

/** The environment of OAuth mode, with the stand-in as Slack: no SLACK_BOT_TOKEN (an empty value is unset). */
export function oauthEnv(slack: Pick<SlackStandIn, 'url'>, keys = E2E_KEYS): Record<string, string> {
  return {
    SLACK_CLIENT_ID: OAUTH_APP.clientId,
    SLACK_CLIENT_SECRET: OAUTH_APP.clientSecret,
    SLACK_STATE_SECRET: 'e2e-state-secret-for-signing-install-links',
    FOLLOWUP_ENCRYPTION_KEYS: keys,
    SLACK_API_URL: slack.url,
    SLACK_BOT_TOKEN: '',
  };
}

/**
 * `followup-coach serve` in OAuth mode against the stand-in, whose app settings then name serve's
 * redirect URL (as the manifest's oauth_config.redirect_urls does for Slack).
 */
export async function startOAuthServe(slack: SlackStandIn, env: Record<string, string>): Promise<ServeProcess> {
  const serve = await startServe({ ...oauthEnv(slack), ...env });
  slack.setRedirectUrls([`${serve.baseUrl}/slack/oauth_redirect`]);
  return serve;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#38': '&' };
const unescapeHtml = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|#38);/g, (_, e: string) => ENTITIES[e]!);

/** Every link on a page: its text (tags stripped) and its href, unescaped. */
export function linksOn(html: string): { text: string; href: string }[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: unescapeHtml(m[1]!), text: m[2]!.replace(/<[^>]+>/g, '').trim() }));
}

/** The href of the link reading `text` (resolved against the page's own URL). */
export function linkTo(html: string, text: string, pageUrl: string): string {
  const found = linksOn(html).find((l) => l.text === text);
  if (!found) throw new Error(`no "${text}" link on the page:\n${html}`);
  return new URL(found.href, pageUrl).toString();
}

/** A page as a browser gets it, not following redirects; `cookie` is the name=value the response set, if any. */
export interface Page {
  url: string;
  status: number;
  html: string;
  location: string | null;
  cookie: string | undefined;
}

export async function getPage(url: string, cookie?: string): Promise<Page> {
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { url, status: res.status, html: await res.text(), location: res.headers.get('location'), cookie: set.find((c) => !c.endsWith('=deleted')) };
}

/** GET /slack/install: the install page, the state cookie it set, and where "Add to Slack" goes. */
export async function openInstallPage(baseUrl: string): Promise<Page & { addToSlack: string }> {
  const page = await getPage(`${baseUrl}/slack/install`);
  if (page.status !== 200) throw new Error(`/slack/install answered ${page.status}:\n${page.html}`);
  return { ...page, addToSlack: linkTo(page.html, 'Add to Slack', page.url) };
}

/** Slack's authorize page for this workspace (as if the installer picked it); its Allow and Cancel links. */
export async function authorizePage(authorizeUrl: string, teamId?: string): Promise<Page & { allow: string; cancel: string }> {
  const url = new URL(authorizeUrl);
  if (teamId) url.searchParams.set('team', teamId);
  const page = await getPage(url.toString());
  if (page.status !== 200) throw new Error(`the authorize page answered ${page.status}:\n${page.html}`);
  return { ...page, allow: linkTo(page.html, 'Allow', page.url), cancel: linkTo(page.html, 'Cancel', page.url) };
}

/** The whole install of one workspace, Allow clicked: the page the app's redirect URL shows. */
export async function installWorkspace(baseUrl: string, teamId: string): Promise<Page> {
  const start = await openInstallPage(baseUrl);
  const slack = await authorizePage(start.addToSlack, teamId);
  return getPage(slack.allow, start.cookie);
}

/** The visible text of a page (tags stripped, whitespace collapsed), for asserting what a person reads. */
export const textOf = (html: string): string =>
  unescapeHtml(html.replace(/<(style|script)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
