// At start, stored secrets are brought under the configured keys (docs/operations.md#encryption-keys).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { sealStoredSecrets } from '../db/ops/seal-stored-secrets.js';

/**
 * With keys, seals every secret still stored in clear (serve and migrate run it). Without keys,
 * `warnWithoutKeys` logs the one warning serve gives: secrets stay in clear, as before keys existed.
 */
export async function sealSecretsAtStart(
  database: Database,
  config: Pick<Config, 'FOLLOWUP_ENCRYPTION_KEYS'>,
  logger: Logger,
  opts: { warnWithoutKeys: boolean },
): Promise<void> {
  const keyring = config.FOLLOWUP_ENCRYPTION_KEYS;
  if (!keyring) {
    if (opts.warnWithoutKeys) {
      logger.warn('FOLLOWUP_ENCRYPTION_KEYS is not set: stored secrets (webhook secrets) are kept in clear; see docs/operations.md#encryption-keys');
    }
    return;
  }
  const sealed = await sealStoredSecrets(database.db, keyring);
  if (sealed > 0) logger.info({ sealed, kid: keyring.activeKid }, 'stored secrets sealed with the active key');
}
