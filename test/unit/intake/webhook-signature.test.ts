import { describe, expect, it } from 'vitest';
import { validSecrets } from '../../../src/db/ops/webhook-secret.js';
import { signWebhookBody, verifyWebhookSignature } from '../../../src/intake/webhook-signature.js';

const body = Buffer.from('{"name":"Acme"}');
const NOW = Date.parse('2026-11-25T12:00:00Z');
const ts = String(NOW / 1000);
const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
  verifyWebhookSignature({ secrets: ['s3cret'], timestamp: ts, signature: signWebhookBody('s3cret', ts, body), rawBody: body, nowMs: NOW, ...over });

describe('POST /leads signature (docs/operations.md#http)', () => {
  it('accepts the HMAC-SHA256 of v0:<timestamp>:<raw body> with the team secret', () => {
    expect(check({})).toEqual({ ok: true });
    // Known vector, worked out with `printf 'v0:1795608000:{"name":"Acme"}' | openssl dgst -sha256 -hmac s3cret`.
    expect(signWebhookBody('s3cret', ts, body)).toBe('v0=1ba6cb0afd60a23ce2f5d6bfb2f3a1ad1c4e14cf35ab7fa039da3a5a97fcaee3');
  });

  it('refuses a changed body, another secret, a missing header and a malformed signature', () => {
    expect(check({ rawBody: Buffer.from('{"name":"Acme!"}') })).toEqual({ ok: false, reason: 'the signature does not match' });
    expect(check({ secrets: ['other'] }).ok).toBe(false);
    expect(check({ secrets: [] }).ok).toBe(false);
    expect(check({ signature: undefined })).toMatchObject({ ok: false, reason: expect.stringContaining('required') });
    expect(check({ signature: 'v0=zz' }).ok).toBe(false);
  });

  it('refuses timestamps more than 5 minutes off either way', () => {
    for (const offset of [-301, 301]) {
      const t = String(NOW / 1000 + offset);
      expect(check({ timestamp: t, signature: signWebhookBody('s3cret', t, body) })).toMatchObject({ ok: false, reason: expect.stringContaining('5 minutes') });
    }
    const t = String(NOW / 1000 - 299);
    expect(check({ timestamp: t, signature: signWebhookBody('s3cret', t, body) }).ok).toBe(true);
    expect(check({ timestamp: '12e3' }).ok).toBe(false);
  });

  it('after a rotation the previous secret verifies for a day, then not', () => {
    const rotatedAt = new Date(NOW);
    const team = { webhookSecret: 'new', webhookSecretPrevious: 'old', webhookSecretRotatedAt: rotatedAt };
    expect(validSecrets(team, new Date(NOW + 23 * 3600_000))).toEqual(['new', 'old']);
    expect(validSecrets(team, new Date(NOW + 25 * 3600_000))).toEqual(['new']);
    expect(validSecrets({ webhookSecret: null, webhookSecretPrevious: null, webhookSecretRotatedAt: null }, new Date(NOW))).toEqual([]);
  });
});
