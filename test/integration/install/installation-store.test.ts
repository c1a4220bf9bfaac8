import type { Installation } from '@slack/bolt';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/db/client.js';
import { markUninstalled } from '../../../src/db/ops/install-state.js';
import { saveInstallation } from '../../../src/db/ops/installations.js';
import { reps, teams } from '../../../src/db/schema.js';
import { installationCache } from '../../../src/install/installation-cache.js';
import { appInstallationStore, type InstallationStoreDeps } from '../../../src/install/installation-store.js';
import { InstallRefused } from '../../../src/install/install-refused.js';
import { createLogger } from '../../../src/logger.js';
import { parseKeyring } from '../../../src/secrets/keyring.js';
import { dbTargets, useDatabase } from '../../support/db.js';

const keyring = parseKeyring(`k1:${Buffer.alloc(32, 1).toString('base64')}`);
const NOW = new Date('2026-11-25T15:00:00Z');

/** What Bolt hands the store after oauth.v2.access, for a workspace install. */
const bolts = (teamId: string, over: Partial<Installation> = {}, bot: Partial<NonNullable<Installation['bot']>> = {}): Installation => ({
  team: { id: teamId, name: `Team ${teamId}` },
  enterprise: undefined,
  user: { id: `U${teamId}ADMIN`, token: undefined, scopes: undefined },
  bot: { token: `xoxb-${teamId}-secret`, id: `B${teamId}`, userId: `U${teamId}BOT`, scopes: ['chat:write', 'commands'], ...bot },
  appId: 'A0APP',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
  ...over,
});

describe.each(dbTargets())('installations on $name', (target) => {
  const database = useDatabase(target);
  const given = (over: Partial<InstallationStoreDeps> = {}) => {
    const admins = new Set<string>();
    const uninstalled: string[] = [];
    const cache = installationCache(database.db, keyring);
    const store = appInstallationStore({
      database,
      keyring,
      cache,
      logger: createLogger('silent'),
      now: () => NOW,
      installerIsAdmin: async (_token, userId) => admins.has(userId),
      uninstallRefused: async (_token, teamId) => void uninstalled.push(teamId),
      ...over,
    });
    return { store, cache, admins, uninstalled };
  };
  const managers = async (teamId: string) =>
    (await database.db.select({ userId: reps.userId }).from(reps).where(and(eq(reps.teamId, teamId), eq(reps.isManager, true)))).map((r) => r.userId);

  it('stores an install with its token sealed, and Bolt reads it back with the token in clear', async () => {
    const { store, admins } = given();
    admins.add('UT1ADMIN');
    const installation = bolts('T1', { enterprise: { id: 'E1' } });
    await store.storeInstallation(installation);
    const raw = rowsOf(await database.db.execute(sql`select * from installations where team_id = 'T1'`))[0]!;
    expect(JSON.stringify(raw)).not.toContain('xoxb-T1-secret');
    expect(raw).toMatchObject({ enterprise_id: 'E1', app_id: 'A0APP', bot_user_id: 'UT1BOT', installer_user_id: 'UT1ADMIN' });
    const fetched = await store.fetchInstallation({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false });
    expect(fetched).toMatchObject({ team: { id: 'T1' }, enterprise: { id: 'E1' }, bot: { token: 'xoxb-T1-secret', id: 'BT1', userId: 'UT1BOT' }, isEnterpriseInstall: false });
    await expect(store.fetchInstallation({ teamId: 'T0NONE', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('no installation for team T0NONE');
  });

  it('makes an admin or owner who installs the first manager, and no one else', async () => {
    const { store, admins } = given();
    admins.add('UT2ADMIN');
    const first = bolts('T2');
    await store.storeInstallation(first);
    expect(store.firstManagerOf(first)).toBe('appointed');
    expect(await managers('T2')).toEqual(['UT2ADMIN']);
    // A re-install by another admin keeps the managers the team has.
    admins.add('UT2OTHER');
    const again = bolts('T2', { user: { id: 'UT2OTHER', token: undefined, scopes: undefined } });
    await store.storeInstallation(again);
    expect(store.firstManagerOf(again)).toBe('has-manager');
    expect(await managers('T2')).toEqual(['UT2ADMIN']);
    // A member who is not an admin installs a team without a manager: one is still to be appointed.
    const member = bolts('T3');
    await store.storeInstallation(member);
    expect(store.firstManagerOf(member)).toBe('not-admin');
    expect(await managers('T3')).toEqual([]);
  });

  it.each([
    ['an org-wide install', bolts('T4', { team: undefined, enterprise: { id: 'E4' }, isEnterpriseInstall: true }), 'org_wide'],
    ['an install with a refresh token (token rotation on)', bolts('T4', {}, { refreshToken: 'xoxe-1-refresh', expiresAt: 1 }), 'token_rotation'],
    ['a workspace not in FOLLOWUP_ALLOWED_TEAMS', bolts('T4'), 'team_not_allowed'],
  ])('refuses %s, stores nothing and gives the install back', async (_label, installation, reason) => {
    const { store, uninstalled } = given({ allowedTeams: ['T1', 'T2'] });
    const refused = await store.storeInstallation(installation).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(InstallRefused);
    expect((refused as InstallRefused).reason).toBe(reason);
    expect(rowsOf(await database.db.execute(sql`select team_id from installations where team_id = 'T4'`))).toEqual([]);
    expect(uninstalled).toEqual([installation.team?.id ?? 'E4']);
  });

  it('takes a workspace on the allowed list', async () => {
    const { store, cache } = given({ allowedTeams: ['T5'] });
    await store.storeInstallation(bolts('T5'));
    expect(await cache.tokenFor('T5')).toBe('xoxb-T5-secret');
  });

  it('resumes a team that was uninstalled, with its data', async () => {
    const { store } = given();
    await database.db.insert(teams).values({ id: 'T6', digestChannel: 'C0SALES' });
    await markUninstalled(database.db, 'T6', new Date('2026-11-20T00:00:00Z'));
    await store.storeInstallation(bolts('T6'));
    const [team] = await database.db.select().from(teams).where(eq(teams.id, 'T6'));
    expect(team).toMatchObject({ uninstalledAt: null, digestChannel: 'C0SALES' });
  });

  it('keeps a read for 30 s, drops it on forget or a re-install, and keeps no miss', async () => {
    let clock = 0;
    const cache = installationCache(database.db, keyring, { clock: () => clock });
    const record = (token: string) => ({ teamId: 'T7', enterpriseId: null, appId: null, botToken: token, botId: null, botUserId: null, scopes: [], installerUserId: null, installedAt: NOW });
    expect(await cache.tokenFor('T7')).toBeNull();
    await saveInstallation(database.db, keyring, record('xoxb-old'));
    // No miss was kept: the install is seen at once.
    expect(await cache.tokenFor('T7')).toBe('xoxb-old');
    // Another replica re-installs: this one sees the new token once its copy is 30 s old.
    await saveInstallation(database.db, keyring, record('xoxb-new'));
    clock = 29_999;
    expect(await cache.tokenFor('T7')).toBe('xoxb-old');
    clock = 30_000;
    expect(await cache.tokenFor('T7')).toBe('xoxb-new');
    await saveInstallation(database.db, keyring, record('xoxb-newer'));
    cache.forget('T7');
    expect(await cache.tokenFor('T7')).toBe('xoxb-newer');
    // The store forgets on its own when it saves.
    const { store, cache: storeCache } = given();
    expect(await storeCache.tokenFor('T8')).toBeNull();
    await store.storeInstallation(bolts('T8'));
    expect(await storeCache.tokenFor('T8')).toBe('xoxb-T8-secret');
    await store.storeInstallation(bolts('T8', {}, { token: 'xoxb-T8-again' }));
    expect(await storeCache.tokenFor('T8')).toBe('xoxb-T8-again');
  });

  it('a refused re-install of a team installed already leaves its install in place (no apps.uninstall)', async () => {
    const { store, cache, uninstalled } = given();
    await store.storeInstallation(bolts('T9'));
    const refused = await store.storeInstallation(bolts('T9', {}, { token: 'xoxb-T9-rotating', refreshToken: 'xoxe-1-refresh', expiresAt: 1 })).catch((err: unknown) => err);
    expect((refused as InstallRefused).reason).toBe('token_rotation');
    expect(uninstalled).toEqual([]);
    expect(await cache.tokenFor('T9')).toBe('xoxb-T9-secret');
  });

  it('stamps an install with the real time, not the app\'s clock (which FOLLOWUP_CLOCK_START may move)', async () => {
    const { store } = given();
    const before = Date.now();
    await store.storeInstallation(bolts('T10'));
    const [row] = rowsOf(await database.db.execute(sql`select installed_at from installations where team_id = 'T10'`));
    const stamped = new Date(row!.installed_at as string).getTime();
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('answers "no install" for a team taken off FOLLOWUP_ALLOWED_TEAMS, so requests and jobs skip it', async () => {
    const { store } = given();
    await store.storeInstallation(bolts('T11'));
    const cache = installationCache(database.db, keyring, { allowedTeams: ['T12'] });
    expect(await cache.tokenFor('T11')).toBeNull();
    expect(await cache.installation('T11')).toBeNull();
    const narrowed = given({ cache });
    await expect(narrowed.store.fetchInstallation({ teamId: 'T11', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('no installation for team T11');
    // Still on the list elsewhere: the install is read as before.
    expect(await installationCache(database.db, keyring, { allowedTeams: ['T11'] }).tokenFor('T11')).toBe('xoxb-T11-secret');
  });
});
