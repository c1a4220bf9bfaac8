import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { saveInstallation } from '../../../src/db/ops/installations.js';
import { rotateStoredSecrets } from '../../../src/db/ops/rotate-stored-secrets.js';
import { sealStoredSecrets } from '../../../src/db/ops/seal-stored-secrets.js';
import { openWebhookSecrets, validSecrets, webhookSecret } from '../../../src/db/ops/webhook-secret.js';
import { findInstallation } from '../../../src/db/queries/installations.js';
import { teamById } from '../../../src/db/queries/team-by-id.js';
import { installations, teams } from '../../../src/db/schema.js';
import { parseKeyring } from '../../../src/secrets/keyring.js';
import { SecretKeyError, sealedKid } from '../../../src/secrets/sealed.js';
import { dbTargets, useDatabase } from '../../support/db.js';

const entry = (kid: string) => `${kid}:${randomBytes(32).toString('base64')}`;
const OLD = entry('old');
const NEW = entry('new');
const oldOnly = parseKeyring(OLD);
const newThenOld = parseKeyring(`${NEW},${OLD}`);
const newOnly = parseKeyring(NEW);
const now = new Date('2026-12-01T10:00:00Z');

const installOf = (teamId: string) => ({
  teamId,
  enterpriseId: null,
  appId: 'A0APP',
  botToken: `xoxb-${teamId}-token`,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  scopes: ['chat:write'],
  installerUserId: 'U0ADMIN',
  installedAt: now,
});

describe.each(dbTargets())('stored secrets on $name', (target) => {
  const database = useDatabase(target);
  const row = async (teamId: string) => (await teamById(database.db, teamId))!;
  const signable = async (teamId: string, keyring: Parameters<typeof openWebhookSecrets>[1]) =>
    validSecrets(openWebhookSecrets(await row(teamId), keyring), now);

  it('a webhook secret made with keys is stored sealed and read back in clear; without keys, in clear as before', async () => {
    const sealed = await webhookSecret(database.db, 'T0SEAL', { now, keyring: oldOnly });
    expect(sealed).toMatch(/^[0-9a-f]{64}$/);
    expect((await row('T0SEAL')).webhookSecret).toMatch(/^fcs1:old:/);
    expect(await webhookSecret(database.db, 'T0SEAL', { now, keyring: oldOnly })).toBe(sealed);
    expect(await signable('T0SEAL', oldOnly)).toEqual([sealed]);

    const clear = await webhookSecret(database.db, 'T0CLEAR', { now, keyring: null });
    expect((await row('T0CLEAR')).webhookSecret).toBe(clear);
    expect(await signable('T0CLEAR', null)).toEqual([clear]);
  });

  it('after a rotation both secrets verify, each sealed against its own column', async () => {
    const first = await webhookSecret(database.db, 'T0ROT', { now, keyring: oldOnly });
    const second = await webhookSecret(database.db, 'T0ROT', { now, keyring: oldOnly, rotate: true });
    expect(second).not.toBe(first);
    const stored = await row('T0ROT');
    expect(stored.webhookSecretPrevious).toMatch(/^fcs1:old:/);
    expect(await signable('T0ROT', oldOnly)).toEqual([second, first]);
    // The two values swapped between columns no longer open.
    await database.db.update(teams).set({ webhookSecret: stored.webhookSecretPrevious, webhookSecretPrevious: stored.webhookSecret }).where(eq(teams.id, 'T0ROT'));
    await expect(signable('T0ROT', oldOnly)).rejects.toThrow(SecretKeyError);
    await database.db.update(teams).set({ webhookSecret: stored.webhookSecret, webhookSecretPrevious: stored.webhookSecretPrevious }).where(eq(teams.id, 'T0ROT'));
  });

  it('the start-up pass seals what is in clear and leaves sealed values alone', async () => {
    const clear = await webhookSecret(database.db, 'T0CLEAR', { now, keyring: null });
    const before = (await row('T0SEAL')).webhookSecret;
    expect(await sealStoredSecrets(database.db, oldOnly)).toBe(1);
    expect((await row('T0CLEAR')).webhookSecret).toMatch(/^fcs1:old:/);
    expect(await signable('T0CLEAR', oldOnly)).toEqual([clear]);
    expect((await row('T0SEAL')).webhookSecret).toBe(before);
    expect(await sealStoredSecrets(database.db, oldOnly)).toBe(0);
  });

  it('keys rotate moves everything to the new key; the old key can then go', async () => {
    await saveInstallation(database.db, oldOnly, installOf('T0INST'));
    const secretBefore = validSecrets(openWebhookSecrets(await row('T0ROT'), oldOnly), now);
    // One in clear too: rotating seals it.
    await database.db.insert(teams).values({ id: 'T0LATE', webhookSecret: 'f'.repeat(64) });

    expect(await rotateStoredSecrets(database.db, newThenOld)).toEqual({ resealed: 5, sealed: 1, alreadyActive: 0 });
    expect(await rotateStoredSecrets(database.db, newThenOld)).toEqual({ resealed: 0, sealed: 0, alreadyActive: 6 });

    const all = await database.db.select().from(teams);
    const values = all.flatMap((t) => [t.webhookSecret, t.webhookSecretPrevious]).filter((v) => v !== null);
    expect(values.map((v) => sealedKid(v!))).toEqual(values.map(() => 'new'));
    const [inst] = await database.db.select().from(installations).where(eq(installations.teamId, 'T0INST'));
    expect(sealedKid(inst!.botToken)).toBe('new');

    expect((await findInstallation(database.db, newOnly, 'T0INST'))!.botToken).toBe('xoxb-T0INST-token');
    expect(await signable('T0ROT', newOnly)).toEqual(secretBefore);
    expect(await signable('T0LATE', newOnly)).toEqual(['f'.repeat(64)]);
  });

  it('a value under a key no longer listed stops the rotation, naming the key, and changes nothing', async () => {
    await saveInstallation(database.db, oldOnly, installOf('T0STALE'));
    const before = await database.db.select().from(teams);
    const third = parseKeyring(entry('third') + ',' + NEW);
    const refused = rotateStoredSecrets(database.db, third);
    await expect(refused).rejects.toThrow(SecretKeyError);
    await expect(refused).rejects.toThrow(/key "old".*does not list.*T0STALE, installations\.bot_token/);
    expect(await database.db.select().from(teams)).toEqual(before);
    const [inst] = await database.db.select().from(installations).where(eq(installations.teamId, 'T0STALE'));
    expect(sealedKid(inst!.botToken)).toBe('old');
  });
});
