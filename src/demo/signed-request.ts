import { createHmac } from 'node:crypto';

/** Slack's request signature: v0= + hex HMAC-SHA256(secret, "v0:<timestamp>:<raw body>"). */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

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
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
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

/** A slash command as Slack sends it: form-encoded, exactly application/x-www-form-urlencoded. */
export function sendSlashCommand(baseUrl: string, secret: string, o: SlashCommandOptions): Promise<SignedResponse> {
  const form = new URLSearchParams({
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
  });
  return post(baseUrl, secret, form.toString(), 'application/x-www-form-urlencoded', o);
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
