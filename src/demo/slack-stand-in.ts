import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A Slack Web API stand-in on 127.0.0.1: it answers what the app calls, remembers every call, and
// never reaches the network. `followup-coach demo` runs the app against it; the tests wrap it with
// checks against Slack's published API description (test/support/slack-stand-in.ts).

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
}
export interface StandInUser {
  id: string;
  tz?: string;
  tz_offset?: number;
  is_admin?: boolean;
  is_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  real_name?: string;
  name?: string;
  email?: string;
  deleted?: boolean;
}
export interface SlackStandIn {
  url: string;
  responseUrlBase: string;
  calls: RecordedCall[];
  responses: { path: string; body: unknown; at: number }[];
  violations: string[];
  setUser(u: StandInUser): void;
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
  close(): Promise<void>;
}

/** A call Slack would refuse before answering it: the error it gives, and what the stand-in notes down. */
export interface Refusal {
  error: string;
  violation: string;
}

export interface StandInOptions {
  users?: StandInUser[];
  teamId?: string;
  botUserId?: string;
  /** false: keep no call log (benchmarks). */
  recordCalls?: boolean;
  /** Checks each Web API call before it is answered (the tests hold it to Slack's API description). */
  check?: (method: string, args: Record<string, unknown>) => Refusal | null;
}

/** The DM channel conversations.open gives for a user. */
export const dmChannelId = (userId: string): string => `D${userId.replace(/^U/, '')}`;

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
  const teamId = opts.teamId ?? 'T0TEST';
  const botUserId = opts.botUserId ?? 'U0BOT';
  const users = new Map((opts.users ?? []).map((u) => [u.id, u]));
  const delays = new Map<string, number>();
  const failures = new Map<string, { error: string; status?: number; retryAfter?: number; token?: string }[]>();
  const calls: RecordedCall[] = [];
  const responses: SlackStandIn['responses'] = [];
  const violations: string[] = [];
  const files = new Map<string, Buffer>();
  const downloads: SlackStandIn['downloads'] = [];
  let ts = 1_700_000_000_000_100;
  let viewSeq = 0;
  let port = 0;

  const userObject = (u: StandInUser) => ({
    id: u.id, team_id: teamId, name: u.name ?? u.id.toLowerCase(), real_name: u.real_name ?? u.id, tz: u.tz ?? 'America/New_York', tz_offset: u.tz_offset ?? 0,
    is_admin: Boolean(u.is_admin), is_owner: Boolean(u.is_owner), is_restricted: Boolean(u.is_restricted), is_ultra_restricted: Boolean(u.is_ultra_restricted),
    is_bot: false, deleted: Boolean(u.deleted),
    profile: { display_name: u.name ?? '', real_name: u.real_name ?? u.id, ...(u.email ? { email: u.email } : {}) },
  });

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'followup-coach', team_id: teamId, user_id: botUserId, bot_id: 'B0BOT' };
      case 'users.info': {
        // Any user-shaped id is a user (default zone); anything else is unknown, as Slack says.
        const id = String(args.user ?? '');
        if (!/^[UW]\w+$/.test(id)) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: userObject(users.get(id) ?? { id, tz: 'America/New_York' }) };
      }
      case 'users.lookupByEmail': {
        // Only users given with an e-mail can be found by it, as in a real workspace.
        const email = String(args.email ?? '').toLowerCase();
        const u = [...users.values()].find((x) => x.email?.toLowerCase() === email);
        return u ? { ok: true, user: userObject(u) } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open': {
        const first = String(args.users ?? args.channel ?? '').split(',')[0] ?? '';
        return { ok: true, channel: { id: dmChannelId(first) } };
      }
      case 'chat.postMessage': {
        ts += 1;
        const stamp = `${String(ts).slice(0, 10)}.${String(ts).slice(10)}`;
        return { ok: true, channel: args.channel, ts: stamp, message: { text: args.text, ts: stamp } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        viewSeq += 1;
        return { ok: true, view: { id: `V${String(viewSeq).padStart(8, '0')}`, ...(args.view as object) } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/F${calls.length}`, file_id: `F${calls.length}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as object[] | undefined) ?? [] };
      default:
        return { ok: true };
    }
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/upload/')) {
        // A file's bytes (the digest chart): drained, not parsed.
        for await (const _ of req);
        return send(200, { ok: true });
      }
      if (path.startsWith('/files/')) {
        downloads.push({ path, authorization: req.headers.authorization });
        const file = files.get(path.split('/')[2] ?? '');
        // Slack answers a download without the bot token with a login page, not the file.
        if (!file || !req.headers.authorization?.startsWith('Bearer xoxb-')) return send(404, { ok: false, error: 'file_not_found' });
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
      if (opts.recordCalls !== false) calls.push({ method, args, token, at: Date.now() });
      const refusal = opts.check?.(method, args);
      if (refusal) {
        violations.push(refusal.violation);
        return send(200, { ok: false, error: refusal.error });
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
      send(200, answer(method, args));
    } catch (err) {
      send(500, { ok: false, error: (err as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrlBase: `http://127.0.0.1:${port}/response/`,
    calls,
    responses,
    violations,
    setUser: (u) => void users.set(u.id, u),
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
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
