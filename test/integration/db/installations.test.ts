import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { removeInstallation, saveInstallation, type InstallationRecord } from '../../../src/db/ops/installations.js';
import { findInstallation, listInstallations } from '../../../src/db/queries/installations.js';
import { installations } from '../../../src/db/schema.js';
import { parseKeyring } from '../../../src/secrets/keyring.js';
import { SecretKeyError } from '../../../src/secrets/sealed.js';
import { dbTargets, useDatabase } from '../../support/db.js';

const keyring = parseKeyring(`k1:${randomBytes(32).toString('base64')}`);
const t0 = new Date('2026-12-01T10:00:00Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);

const install = (teamId: string, more: Partial<InstallationRecord> = {}): InstallationRecord => ({
  teamId,
  enterpriseId: null,
  appId: 'A0APP',
  botToken: `xoxb-${teamId}-${randomBytes(6).toString('hex')}`,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  scopes: ['chat:write', 'commands', 'users:read'],
  installerUserId: 'U0ADMIN',
  installedAt: t0,
  ...more,
});

describe.each(dbTargets())('installations on $name', (target) => {
  const database = useDatabase(target);
  const stored = async (teamId: string) => (await database.db.select().from(installations).where(eq(installations.teamId, teamId)))[0];

  it('gives back what was saved, token included, while the table holds it sealed', async () => {
    const saved = install('T0SAVE', { enterpriseId: 'E0ORG' });
    await saveInstallation(database.db, keyring, saved);
    expect(await findInstallation(database.db, keyring, 'T0SAVE')).toEqual(saved);
    const row = await stored('T0SAVE');
    expect(row!.botToken).toMatch(/^fcs1:k1:/);
    expect(row!.botToken).not.toContain(saved.botToken);
  });

  it('has nothing for a team that never installed', async () => {
    expect(await findInstallation(database.db, keyring, 'T0NEVER')).toBeNull();
  });

  it('replaces a team\'s install when it installs again', async () => {
    await saveInstallation(database.db, keyring, install('T0AGAIN'));
    const again = install('T0AGAIN', { installedAt: later(60), scopes: ['chat:write'], installerUserId: 'U0OTHER' });
    await saveInstallation(database.db, keyring, again);
    expect(await findInstallation(database.db, keyring, 'T0AGAIN')).toEqual(again);
  });

  it('deletes on an uninstall event no older than the install, and never a fresher install', async () => {
    await saveInstallation(database.db, keyring, install('T0GONE', { installedAt: later(100) }));
    expect(await removeInstallation(database.db, 'T0GONE', later(99))).toBe(false);
    expect(await findInstallation(database.db, keyring, 'T0GONE')).not.toBeNull();
    expect(await removeInstallation(database.db, 'T0GONE', later(100))).toBe(true);
    expect(await findInstallation(database.db, keyring, 'T0GONE')).toBeNull();
    expect(await removeInstallation(database.db, 'T0GONE', later(200))).toBe(false);
  });

  it('a token copied into another team\'s row does not open there', async () => {
    await saveInstallation(database.db, keyring, install('T0AAA'));
    await saveInstallation(database.db, keyring, install('T0BBB'));
    const theirs = (await stored('T0AAA'))!.botToken;
    await database.db.update(installations).set({ botToken: theirs }).where(eq(installations.teamId, 'T0BBB'));
    await expect(findInstallation(database.db, keyring, 'T0BBB')).rejects.toThrow(SecretKeyError);
    await expect(findInstallation(database.db, keyring, 'T0BBB')).rejects.toThrow(/key "k1"/);
  });

  it('a sealed token without keys, or with another key, fails naming the key id', async () => {
    await saveInstallation(database.db, keyring, install('T0KEYS'));
    await expect(findInstallation(database.db, null, 'T0KEYS')).rejects.toThrow(/key "k1".*FOLLOWUP_ENCRYPTION_KEYS is not set/);
    const other = parseKeyring(`k2:${randomBytes(32).toString('base64')}`);
    await expect(findInstallation(database.db, other, 'T0KEYS')).rejects.toThrow(/key "k1".*does not list/);
  });

  it('lists every install by team, without tokens', async () => {
    const listed = await listInstallations(database.db);
    expect(listed.map((i) => i.teamId)).toEqual([...listed.map((i) => i.teamId)].sort());
    const { botToken: _token, ...withoutToken } = install('T0SAVE', { enterpriseId: 'E0ORG' });
    expect(listed.find((i) => i.teamId === 'T0SAVE')).toEqual(withoutToken);
    expect(JSON.stringify(listed)).not.toMatch(/xoxb-|fcs1:/);
  });
});
