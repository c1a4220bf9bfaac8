import type { Keyring } from '../../secrets/keyring.js';
import { isSealed, seal } from '../../secrets/sealed.js';
import type { Db } from '../client.js';
import { resealStoredSecrets } from '../stored-secrets.js';

/**
 * The start-up pass (serve and migrate, when keys are set): every secret still stored in clear is
 * sealed with the active key, in one transaction. Values sealed already are left as they are, under
 * whichever key; `keys rotate` moves those. Returns how many were sealed.
 */
export async function sealStoredSecrets(db: Db, keyring: Keyring): Promise<number> {
  return db.transaction(async (tx) => {
    let sealed = 0;
    await resealStoredSecrets(tx, ({ stored, context }) => {
      if (isSealed(stored)) return stored;
      sealed++;
      return seal(keyring, stored, context);
    });
    return sealed;
  });
}
