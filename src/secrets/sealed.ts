import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.js';

// A sealed value is text, so it fits the column the clear value had:
//   fcs1:<kid>:<iv>:<ciphertext>:<tag>   (base64url parts; AES-256-GCM, a fresh 12-byte IV each time)
const PREFIX = 'fcs1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a stored secret cannot be read; the message names the key id, never key material. */
export class SecretKeyError extends Error {}

/**
 * What a ciphertext is bound to: `<enterprise id or ->:<team id or ->:<table>.<column>`. Sealed
 * with it as additional authenticated data, a value copied to another row or column fails to open.
 */
export function secretContext(where: { enterpriseId?: string | null; teamId?: string | null; column: string }): string {
  return `${where.enterpriseId || '-'}:${where.teamId || '-'}:${where.column}`;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** The key id a sealed value names, or null for a value stored in clear. */
export function sealedKid(stored: string): string | null {
  return isSealed(stored) ? (stored.slice(PREFIX.length).split(':')[0] ?? null) : null;
}

export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const key = keyring.keys.get(keyring.activeKid)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${keyring.activeKid}:${iv.toString('base64url')}:${body.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
}

/**
 * Opens a sealed value with whichever listed key sealed it. A value stored in clear (written before
 * keys were configured) is returned as it is; the start-up pass seals it.
 */
export function open(keyring: Keyring | null, stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  const [kid, iv, body, tag] = stored.slice(PREFIX.length).split(':');
  if (!kid || iv === undefined || body === undefined || tag === undefined) throw new SecretKeyError('a stored secret is damaged: it is not in the sealed format');
  if (!keyring) throw new SecretKeyError(`a stored secret is encrypted with key "${kid}", but FOLLOWUP_ENCRYPTION_KEYS is not set`);
  const key = keyring.keys.get(kid);
  if (!key) throw new SecretKeyError(`a stored secret is encrypted with key "${kid}", which FOLLOWUP_ENCRYPTION_KEYS does not list`);
  // GCM would take a shorter tag (weaker) or another IV length; seal writes 12 and 16 bytes, nothing else is ours.
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretKeyError(`a stored secret sealed with key "${kid}" is damaged: its IV or tag has the wrong length`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(`key "${kid}" does not open a stored secret: the key's bytes are wrong, or the value was copied from another row`);
  }
}
