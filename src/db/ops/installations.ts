import { and, eq, lte, sql } from 'drizzle-orm';
import type { Keyring } from '../../secrets/keyring.js';
import { seal } from '../../secrets/sealed.js';
import type { Queryable } from '../client.js';
import { installations } from '../schema.js';
import { botTokenContext } from '../stored-secrets.js';

/** One workspace's install, as the app uses it: the bot token in clear (it is sealed in the table). */
export interface InstallationRecord {
  teamId: string;
  enterpriseId: string | null;
  appId: string | null;
  botToken: string;
  botId: string | null;
  botUserId: string | null;
  scopes: string[];
  installerUserId: string | null;
  installedAt: Date;
}

/** Stores an install, replacing the team's previous one (a re-install); the token is sealed with the active key. */
export async function saveInstallation(db: Queryable, keyring: Keyring, record: InstallationRecord): Promise<void> {
  const row = {
    teamId: record.teamId,
    enterpriseId: record.enterpriseId,
    appId: record.appId,
    botToken: seal(keyring, record.botToken, botTokenContext(record)),
    botId: record.botId,
    botUserId: record.botUserId,
    scopes: record.scopes,
    installerUserId: record.installerUserId,
    installedAt: record.installedAt,
  };
  const { teamId: _key, ...replaced } = row;
  await db
    .insert(installations)
    .values(row)
    .onConflictDoUpdate({ target: installations.teamId, set: { ...replaced, updatedAt: sql`now()` } });
}

/**
 * Deletes the team's install when it is not newer than the event that asks for it (app_uninstalled,
 * tokens_revoked): a late event never deletes a fresh install. True when a row went.
 */
export async function removeInstallation(db: Queryable, teamId: string, eventTime: Date): Promise<boolean> {
  const rows = await db
    .delete(installations)
    .where(and(eq(installations.teamId, teamId), lte(installations.installedAt, eventTime)))
    .returning({ teamId: installations.teamId });
  return rows.length === 1;
}
