import { signWebhookBody } from '../intake/webhook-signature.js';

/** Slack's request signature: v0= + hex HMAC-SHA256(secret, "v0:<timestamp>:<raw body>") — POST /leads uses the same scheme. */
export const slackSignature = (secret: string, timestamp: number, rawBody: string): string => signWebhookBody(secret, String(timestamp), rawBody);

export interface SignedResponse {
  status: number;
  body: any;
  text: string;
}

interface SignOptions {
  /** Seconds; default now. */
  timestamp?: number;
  /** Replaces the computed signature (to forge one). */
  signature?: string;
}

async function readResponse(res: Response): Promise<SignedResponse> {
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

/** POST /leads as a web form or CRM automation sends it, signed with the team's webhook secret. */
export async function postLead(
  baseUrl: string,
  teamId: string,
  secret: string,
  body: object | string,
  o: SignOptions & { contentType?: string; headers?: Record<string, string> } = {},
): Promise<SignedResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/leads`, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/json',
      'x-followup-team': teamId,
      'x-followup-timestamp': String(timestamp),
      'x-followup-signature': o.signature ?? slackSignature(secret, timestamp, raw),
      ...o.headers,
    },
    body: raw,
  });
  return readResponse(res);
}

async function post(
  baseUrl: string,
  secret: string,
  rawBody: string,
  contentType: string,
  o: SignOptions & { headers?: Record<string, string> },
): Promise<SignedResponse> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': o.signature ?? slackSignature(secret, timestamp, rawBody),
      ...o.headers,
    },
    body: rawBody,
  });
  return readResponse(res);
}

export interface SlashCommandOptions extends SignOptions {
  text: string;
  userId: string;
  teamId: string;
  command?: string;
  userName?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** A slash command's body as Slack sends it: form-encoded, exactly application/x-www-form-urlencoded. */
export function slashCommandBody(o: SlashCommandOptions): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: o.teamId,
    team_domain: 'test',
    channel_id: o.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: o.userId,
    user_name: o.userName ?? o.userId.toLowerCase(),
    command: o.command ?? '/followup',
    text: o.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: o.responseUrl ?? 'http://127.0.0.1:9/response/none',
    trigger_id: o.triggerId ?? `${Date.now()}.${Math.random()}`,
  }).toString();
}

/** A slash command, signed and posted as Slack does. */
export function sendSlashCommand(baseUrl: string, secret: string, o: SlashCommandOptions): Promise<SignedResponse> {
  return post(baseUrl, secret, slashCommandBody(o), 'application/x-www-form-urlencoded', o);
}

/** Interactivity (buttons, modals, selects): form-encoded `payload=<json>`. */
export function sendInteraction(baseUrl: string, secret: string, payload: object, o: SignOptions = {}): Promise<SignedResponse> {
  const form = new URLSearchParams({ payload: JSON.stringify(payload) });
  return post(baseUrl, secret, form.toString(), 'application/x-www-form-urlencoded', o);
}

/** Events API: JSON, with Slack's retry header on redeliveries. */
export function sendEvent(baseUrl: string, secret: string, envelope: object, o: SignOptions & { retryNum?: number } = {}): Promise<SignedResponse> {
  const headers: Record<string, string> = o.retryNum ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
  return post(baseUrl, secret, JSON.stringify(envelope), 'application/json', { ...o, headers });
}
