import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyring } from '../../../src/secrets/keyring.js';
import { isSealed, open, seal, sealedKid, SecretKeyError, secretContext } from '../../../src/secrets/sealed.js';

const b64 = () => randomBytes(32).toString('base64');
const A = `a:${b64()}`;
const B = `b:${b64()}`;
const here = secretContext({ enterpriseId: 'E1', teamId: 'T1', column: 'installations.bot_token' });
const TOKEN = 'xoxb-1-2-secret';

describe('keyring', () => {
  it('takes the first key as the active one and keeps every listed key', () => {
    const ring = parseKeyring(` ${B} , ${A} `);
    expect(ring.activeKid).toBe('b');
    expect([...ring.keys.keys()]).toEqual(['b', 'a']);
  });

  it('refuses an empty list, a short key, a bad id and a repeated id, never echoing key material', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseKeyring(' , ')).toThrow(/lists no key/);
    expect(() => parseKeyring(`k:${short}`)).toThrow(/key "k" must be 32 bytes/);
    expect(() => parseKeyring(`k:${short}`)).not.toThrow(short);
    expect(() => parseKeyring(`no key here`)).toThrow(/entry 1 must be kid:base64key/);
    expect(() => parseKeyring(`${A},${A}`)).toThrow(/"a" is listed twice/);
  });
});

describe('sealed values', () => {
  it('open with the key that sealed them, never showing the clear text, different each time', () => {
    const ring = parseKeyring(A);
    const one = seal(ring, TOKEN, here);
    const two = seal(ring, TOKEN, here);
    expect(one).toMatch(/^fcs1:a:/);
    expect(one).not.toContain(TOKEN);
    expect(one).not.toBe(two);
    expect(isSealed(one)).toBe(true);
    expect(sealedKid(one)).toBe('a');
    expect(open(ring, one, here)).toBe(TOKEN);
  });

  it('a value stored in clear is given back as it is, with keys or without', () => {
    expect(isSealed(TOKEN)).toBe(false);
    expect(sealedKid(TOKEN)).toBeNull();
    expect(open(null, TOKEN, here)).toBe(TOKEN);
    expect(open(parseKeyring(A), TOKEN, here)).toBe(TOKEN);
  });

  it('without keys, with the key missing, or with a wrong key of the same id, fails naming the key id', () => {
    const sealed = seal(parseKeyring(A), TOKEN, here);
    expect(() => open(null, sealed, here)).toThrow(SecretKeyError);
    expect(() => open(null, sealed, here)).toThrow('key "a", but FOLLOWUP_ENCRYPTION_KEYS is not set');
    expect(() => open(parseKeyring(B), sealed, here)).toThrow('key "a", which FOLLOWUP_ENCRYPTION_KEYS does not list');
    expect(() => open(parseKeyring(`a:${b64()}`), sealed, here)).toThrow(/key "a" does not open a stored secret/);
  });

  it('copied to another team, org or column, it does not open', () => {
    const ring = parseKeyring(A);
    const sealed = seal(ring, TOKEN, here);
    for (const elsewhere of [
      secretContext({ enterpriseId: 'E1', teamId: 'T2', column: 'installations.bot_token' }),
      secretContext({ enterpriseId: null, teamId: 'T1', column: 'installations.bot_token' }),
      secretContext({ enterpriseId: 'E1', teamId: 'T1', column: 'teams.webhook_secret' }),
    ]) {
      expect(() => open(ring, sealed, elsewhere)).toThrow(SecretKeyError);
    }
  });

  it('a damaged value fails, whichever part was changed', () => {
    const ring = parseKeyring(A);
    const sealed = seal(ring, TOKEN, here);
    const parts = sealed.split(':');
    expect(() => open(ring, 'fcs1:a:only-two', here)).toThrow(/damaged/);
    for (const i of [2, 3, 4]) {
      const bent = [...parts];
      bent[i] = bent[i]!.startsWith('A') ? `B${bent[i]!.slice(1)}` : `A${bent[i]!.slice(1)}`;
      expect(() => open(ring, bent.join(':'), here), `part ${i}`).toThrow(SecretKeyError);
    }
  });

  it('a shortened tag is refused as damaged, though GCM would check the bytes that are left', () => {
    const ring = parseKeyring(A);
    const parts = seal(ring, TOKEN, here).split(':');
    for (const bytes of [15, 12, 4]) {
      const short = [...parts.slice(0, 4), Buffer.from(parts[4]!, 'base64url').subarray(0, bytes).toString('base64url')].join(':');
      expect(() => open(ring, short, here), `${bytes}-byte tag`).toThrow(/key "a" is damaged: its IV or tag has the wrong length/);
    }
  });

  it('an IV other than 12 bytes is refused as damaged, even when the value was sealed with the right key', () => {
    const ring = parseKeyring(A);
    for (const ivBytes of [16, 8]) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', ring.keys.get('a')!, iv);
      cipher.setAAD(Buffer.from(here, 'utf8'));
      const body = Buffer.concat([cipher.update(TOKEN, 'utf8'), cipher.final()]);
      const stored = `fcs1:a:${iv.toString('base64url')}:${body.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
      expect(() => open(ring, stored, here), `${ivBytes}-byte IV`).toThrow(/damaged: its IV or tag has the wrong length/);
    }
  });

  it('rotation order: a new key listed first seals new values; the old one still opens old values until removed', () => {
    const before = seal(parseKeyring(A), TOKEN, here);
    const rotating = parseKeyring(`${B},${A}`);
    const after = seal(rotating, TOKEN, here);
    expect(sealedKid(after)).toBe('b');
    expect(open(rotating, before, here)).toBe(TOKEN);
    expect(open(rotating, after, here)).toBe(TOKEN);
    const oldGone = parseKeyring(B);
    expect(open(oldGone, after, here)).toBe(TOKEN);
    expect(() => open(oldGone, before, here)).toThrow('key "a"');
  });
});
