import type { Keyring } from '../../secrets/keyring.js';
import { open, seal, sealedKid } from '../../secrets/sealed.js';
import type { Db } from '../client.js';
import { resealStoredSecrets } from '../stored-secrets.js';

export interface RotationCount {
  /** Sealed with an older key, now with the active one. */
  resealed: number;
  /** Stored in clear, now sealed. */
  sealed: number;
  /** Sealed with the active key already (and checked to open). */
  alreadyActive: number;
}

/**
 * `keys rotate`: every stored secret sealed with the active key, in one transaction. A value that
 * does not open (its key no longer listed, wrong bytes, damaged) throws SecretKeyError naming the
 * key id, and nothing changes.
 */
export async function rotateStoredSecrets(db: Db, keyring: Keyring): Promise<RotationCount> {
  return db.transaction(async (tx) => {
    const count: RotationCount = { resealed: 0, sealed: 0, alreadyActive: 0 };
    await resealStoredSecrets(tx, ({ stored, context }) => {
      const clear = open(keyring, stored, context);
      const kid = sealedKid(stored);
      if (kid === keyring.activeKid) {
        count.alreadyActive++;
        return stored;
      }
      count[kid === null ? 'sealed' : 'resealed']++;
      return seal(keyring, clear, context);
    });
    return count;
  });
}
