import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCall, type AnswerCounters } from './stand-in-answers.js';
import { standInOAuth, type AuthorizeRequest, type StandInOAuthApp } from './stand-in-oauth.js';
import { Workspaces, type InstallKind, type StandInTeam, type StandInUser } from './stand-in-workspaces.js';

// A Slack Web API stand-in on 127.0.0.1: it answers what the app calls, remembers every call, and
// never reaches the network. `followup-coach demo` runs the app against it; the tests wrap it with
// checks against Slack's published API description (test/support/slack-stand-in.ts). Given `teams` it
// plays several workspaces, each taking only its own bot token (stand-in-workspaces.ts), and Slack's
// side of "Add to Slack" (stand-in-oauth.ts).

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** With several workspaces: the team whose token the call carried (none for a token never issued). */
  team?: string;
  at: number;
}
export type { StandInUser, StandInTeam, InstallKind } from './stand-in-workspaces.js';
export type { StandInOAuthApp, AuthorizeRequest } from './stand-in-oauth.js';
export { dmChannelId } from './stand-in-answers.js';

export interface SlackStandIn {
  url: string;
  responseUrlBase: string;
  /** Slack's authorize page on the stand-in: new URL('../oauth/v2/authorize', url). */
  authorizeUrl: string;
  calls: RecordedCall[];
  responses: { path: string; body: unknown; at: number }[];
  violations: string[];
  /** Adds or changes a user: in the team given, else the one that has them, else the first. */
  setUser(u: StandInUser, teamId?: string): void;
  /** A file shared in Slack: served at its url_private_download to requests bearing a bot token. */
  addFile(name: string, content: Buffer | string, filetype?: string): { id: string; name: string; filetype: string; size: number; url_private_download: string };
  /** Downloads of shared files, with the Authorization header they carried. */
  downloads: { path: string; authorization?: string }[];
  /** Refuses the next call of `method` (only one bearing `token`, when given) with this error. */
  failNext(method: string, error: string, opts?: { status?: number; retryAfter?: number; token?: string }): void;
  /** Answers every call of `method` this much later (a slow Slack), 0 to stop. */
  setDelay(method: string, ms: number): void;
  callsOf(method: string): RecordedCall[];
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>;
  /** The authorize pages shown, with the query the app built. */
  authorizations: AuthorizeRequest[];
  /** The team's bot token that works now; null when the app is not installed there. */
  tokenOf(teamId: string): string | null;
  /** The team a bot token was issued for. */
  teamOfToken(token: string | undefined): string | undefined;
  /** The app is uninstalled from the team (or its bot token revoked): that token stops working for good; a new install gets a new one. */
  uninstall(teamId: string): void;
  /** How the team's installs answer oauth.v2.access from now on (org-wide, token rotation: installs the app refuses). */
  setInstallKind(teamId: string, kind: InstallKind): void;
  /** The redirect URLs in the app's Slack settings: an authorize request without redirect_uri goes back to the first. */
  setRedirectUrls(urls: string[]): void;
  /** Who clicks "Allow" on the team's authorize page. */
  setInstaller(teamId: string, userId: string): void;
  close(): Promise<void>;
}

/** A call Slack would refuse before answering it: the error it gives, and what the stand-in notes down. */
export interface Refusal {
  error: string;
  violation: string;
}

export interface StandInOptions {
  /** One workspace that takes any token (the single-workspace app): its users, id and bot user. */
  users?: StandInUser[];
  teamId?: string;
  botUserId?: string;
  /** Several workspaces instead, each taking only its own bot token (see stand-in-workspaces.ts). */
  teams?: StandInTeam[];
  /** The app as registered with Slack, for the authorize page and oauth.v2.access. */
  oauth?: StandInOAuthApp;
  /** false: keep no call log (benchmarks). */
  recordCalls?: boolean;
  /** Checks each Web API call before it is answered (the tests hold it to Slack's API description). */
  check?: (method: string, args: Record<string, unknown>) => Refusal | null;
}

const parseMaybeJson = (v: unknown): unknown => {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://x');
  const args: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    Object.assign(args, raw ? JSON.parse(raw) : {});
  } else {
    for (const [k, v] of new URLSearchParams(raw)) args[k] = parseMaybeJson(v);
  }
  return args;
}

export async function startSlackStandIn(opts: StandInOptions = {}): Promise<SlackStandIn> {
  const workspaces = new Workspaces(opts);
  const oauth = standInOAuth(opts.oauth, workspaces);
  const delays = new Map<string, number>();
  const failures = new Map<string, { error: string; status?: number; retryAfter?: number; token?: string }[]>();
  const calls: RecordedCall[] = [];
  const responses: SlackStandIn['responses'] = [];
  const violations: string[] = [];
  const files = new Map<string, Buffer>();
  const downloads: SlackStandIn['downloads'] = [];
  const counters: AnswerCounters = { ts: 1_700_000_000_000_100, views: 0, uploads: 0 };
  let port = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path === '/oauth/v2/authorize') {
        const { status, html } = oauth.authorizePage(new URL(req.url ?? '/', `http://127.0.0.1:${port}`));
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(html);
      }
      if (path.startsWith('/upload/')) {
        // A file's bytes (the digest chart): drained, not parsed.
        for await (const _ of req);
        return send(200, { ok: true });
      }
      if (path.startsWith('/files/')) {
        downloads.push({ path, authorization: req.headers.authorization });
        const file = files.get(path.split('/')[2] ?? '');
        const bearer = req.headers.authorization?.startsWith('Bearer xoxb-') ? req.headers.authorization.slice(7) : undefined;
        // Slack answers a download without a working bot token with a login page, not the file.
        if (!file || !bearer || (workspaces.multi && !workspaces.isLive(bearer))) return send(404, { ok: false, error: 'file_not_found' });
        res.writeHead(200, { 'content-type': 'text/csv' });
        return void res.end(file);
      }
      const args = await readBody(req);
      if (path.startsWith('/response/')) {
        responses.push({ path, body: args, at: Date.now() });
        return send(200, { ok: true });
      }
      const method = path.replace(/^\/api\//, '');
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (args.token as string | undefined);
      delete args.token;
      const team = workspaces.multi ? workspaces.teamOfToken(token) : undefined;
      if (opts.recordCalls !== false) calls.push({ method, args, token, ...(team ? { team } : {}), at: Date.now() });
      const refusal = opts.check?.(method, args);
      if (refusal) {
        violations.push(refusal.violation);
        return send(200, { ok: false, error: refusal.error });
      }
      // The one method called before there is a token: the app's own credentials instead.
      if (method === 'oauth.v2.access') return send(200, oauth.exchange(args, auth));
      const checked = workspaces.check(method, args, token);
      if (!checked.ok) {
        if (checked.violation) violations.push(checked.violation);
        return send(200, { ok: false, error: checked.error });
      }
      const delay = delays.get(method);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const queued = failures.get(method) ?? [];
      const next = queued.findIndex((f) => f.token === undefined || f.token === token);
      const failure = next < 0 ? undefined : queued.splice(next, 1)[0];
      if (failure) {
        return failure.status
          ? send(failure.status, { ok: false, error: failure.error }, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {})
          : send(200, { ok: false, error: failure.error });
      }
      if (method === 'apps.uninstall') return send(200, oauth.uninstallApp(args, checked.workspace));
      send(200, answerCall(method, args, { workspace: checked.workspace, workspaces, counters, uploadBase: `http://127.0.0.1:${port}/upload/` }));
    } catch (err) {
      send(500, { ok: false, error: (err as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/api/`;
  const workspace = (teamId: string) => {
    const found = workspaces.byTeam(teamId);
    if (!found) throw new Error(`stand-in: no workspace ${teamId}`);
    return found;
  };

  return {
    url,
    responseUrlBase: `http://127.0.0.1:${port}/response/`,
    authorizeUrl: new URL('../oauth/v2/authorize', url).toString(),
    calls,
    responses,
    violations,
    setUser: (u, teamId) => workspaces.setUser(u, teamId),
    downloads,
    addFile(name, content, filetype = 'csv') {
      const id = `F${String(files.size + 1).padStart(8, '0')}`;
      const body = Buffer.from(content);
      files.set(id, body);
      return { id, name, filetype, size: body.length, url_private_download: `http://127.0.0.1:${port}/files/${id}/${encodeURIComponent(name)}` };
    },
    failNext: (method, error, o = {}) => void failures.set(method, [...(failures.get(method) ?? []), { error, ...o }]),
    setDelay: (method, ms) => void delays.set(method, ms),
    callsOf: (method) => calls.filter((c) => c.method === method),
    async waitFor(pred, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`stand-in: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    authorizations: oauth.authorizations,
    tokenOf: (teamId) => workspace(teamId).liveToken,
    teamOfToken: (token) => workspaces.teamOfToken(token),
    uninstall: (teamId) => workspaces.uninstall(workspace(teamId).teamId),
    setInstallKind: (teamId, kind) => void (workspace(teamId).installKind = kind),
    setRedirectUrls: (urls) => oauth.setRedirectUrls(urls),
    setInstaller: (teamId, userId) => void (workspace(teamId).installer = userId),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
