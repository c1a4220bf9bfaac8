import { createHmac, timingSafeEqual } from 'node:crypto';

// A request older (or newer) than this is refused, so a captured one cannot be replayed later.
export const WEBHOOK_WINDOW_S = 5 * 60;

/** `v0=<hex>` = HMAC-SHA256 with the team's secret of `v0:<timestamp>:<raw body>` (the scheme Slack uses). */
export function signWebhookBody(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyWebhookSignature(opts: {
  /** The team's current secret, and the previous one while a rotation's grace period lasts. */
  secrets: string[];
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = opts;
  if (!timestamp || !signature) return { ok: false, reason: 'X-Followup-Timestamp and X-Followup-Signature are required' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Followup-Timestamp must be Unix seconds' };
  if (Math.abs(opts.nowMs / 1000 - Number(timestamp)) > WEBHOOK_WINDOW_S) {
    return { ok: false, reason: 'X-Followup-Timestamp is more than 5 minutes from now; sign each request when sending it' };
  }
  const given = Buffer.from(signature);
  const matches = opts.secrets.some((secret) => {
    const expected = Buffer.from(signWebhookBody(secret, timestamp, opts.rawBody));
    // Constant-time compare: the time taken must not tell how much of a forged signature is right.
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return matches ? { ok: true } : { ok: false, reason: 'the signature does not match' };
}
