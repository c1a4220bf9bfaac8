/**
 * The keys that seal stored secrets (tokens, webhook secrets), from FOLLOWUP_ENCRYPTION_KEYS:
 * `kid:base64key,…`, each key 32 random bytes, the first one active (docs/operations.md#encryption-keys).
 */
export interface Keyring {
  /** Id of the key new values are sealed with. */
  activeKid: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses the variable's value; throws an Error whose message names the faulty entry (never a key). */
export function parseKeyring(value: string): Keyring {
  const keys = new Map<string, Buffer>();
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) throw new Error('lists no key: expected kid:base64key,…');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const kid = colon > 0 ? entry.slice(0, colon) : '';
    if (!KID.test(kid)) throw new Error(`entry ${i + 1} must be kid:base64key, the kid letters, digits, - or _ (at most 32)`);
    const b64 = entry.slice(colon + 1);
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(b64) ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw new Error(`key "${kid}" must be 32 bytes in base64 (openssl rand -base64 32)`);
    if (keys.has(kid)) throw new Error(`key "${kid}" is listed twice`);
    keys.set(kid, key);
  });
  return { activeKid: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys };
}
