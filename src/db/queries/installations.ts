import { asc, eq } from 'drizzle-orm';
import type { Keyring } from '../../secrets/keyring.js';
import { open } from '../../secrets/sealed.js';
import type { Queryable } from '../client.js';
import type { InstallationRecord } from '../ops/installations.js';
import { installations } from '../schema.js';
import { botTokenContext } from '../stored-secrets.js';

/**
 * The team's install with its bot token opened, or null when it has none. Throws SecretKeyError
 * (naming the key id) when the token's key is not in the keyring.
 */
export async function findInstallation(db: Queryable, keyring: Keyring | null, teamId: string): Promise<InstallationRecord | null> {
  const [row] = await db.select().from(installations).where(eq(installations.teamId, teamId));
  if (!row) return null;
  const { updatedAt: _updated, ...record } = row;
  return { ...record, botToken: open(keyring, row.botToken, botTokenContext(row)) };
}

/** Every install, by team id, without tokens (`followup-coach installs list`). */
export async function listInstallations(db: Queryable): Promise<Omit<InstallationRecord, 'botToken'>[]> {
  return db
    .select({
      teamId: installations.teamId,
      enterpriseId: installations.enterpriseId,
      appId: installations.appId,
      botId: installations.botId,
      botUserId: installations.botUserId,
      scopes: installations.scopes,
      installerUserId: installations.installerUserId,
      installedAt: installations.installedAt,
    })
    .from(installations)
    .orderBy(asc(installations.teamId));
}
