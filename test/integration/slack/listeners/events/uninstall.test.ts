import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { removeInstallation, saveInstallation } from '../../../../../src/db/ops/installations.js';
import { markReinstalled, markUninstalled } from '../../../../../src/db/ops/install-state.js';
import { teams } from '../../../../../src/db/schema.js';
import { installationCache, type InstallationCache } from '../../../../../src/install/installation-cache.js';
import { createLogger } from '../../../../../src/logger.js';
import { parseKeyring } from '../../../../../src/secrets/keyring.js';
import { appUninstalled, tokensRevoked } from '../../../../../src/slack/listeners/events/uninstall.js';
import type { TokenStatus } from '../../../../../src/outbound/token-check.js';
import type { Services } from '../../../../../src/slack/services.js';
import { dbTargets, useDatabase } from '../../../../support/db.js';

const keyring = parseKeyring(`k1:${Buffer.alloc(32, 2).toString('base64')}`);
const at = (hhmm: string, ms = 0) => new Date(new Date(`2026-11-25T${hhmm}:00Z`).getTime() + ms);
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

describe.each(dbTargets())('uninstall events by time on $name', (target) => {
  const database = useDatabase(target);
  const servicesWith = (installations: InstallationCache | undefined, tokenStatus?: (token: string) => Promise<TokenStatus>) =>
    ({ database, logger: createLogger('silent'), now: () => at('12:00'), installations, tokenStatus }) as unknown as Services;

  /** Stores the team's install at this time, as a finished OAuth install does. */
  const install = async (teamId: string, when: Date, token: string) => {
    await saveInstallation(database.db, keyring, { teamId, enterpriseId: null, appId: 'A0APP', botToken: token, botId: 'B1', botUserId: 'U0BOT', scopes: ['chat:write'], installerUserId: 'U1', installedAt: when });
    await database.db.insert(teams).values({ id: teamId }).onConflictDoNothing();
    await markReinstalled(database.db, teamId, when);
  };
  const uninstalledEvent = (services: Services, teamId: string, when: Date) =>
    appUninstalled(services)({ body: { team_id: teamId, event_time: seconds(when) }, event: { type: 'app_uninstalled' }, context: { teamId } } as never);
  const revokedEvent = (services: Services, teamId: string, when: Date, bot = 'U0BOT') =>
    tokensRevoked(services)({ body: { team_id: teamId, event_time: seconds(when) }, event: { type: 'tokens_revoked', tokens: { bot: [bot] } }, context: { teamId } } as never);
  const uninstalledAt = async (teamId: string) => (await database.db.select().from(teams).where(eq(teams.id, teamId)))[0]?.uninstalledAt ?? null;

  it('app_uninstalled deletes the token at once and stops the team', async () => {
    const cache = installationCache(database.db, keyring);
    await install('T1', at('10:00'), 'xoxb-T1');
    expect(await cache.tokenFor('T1')).toBe('xoxb-T1');
    await uninstalledEvent(servicesWith(cache), 'T1', at('10:05'));
    expect(await cache.tokenFor('T1')).toBeNull();
    expect(await uninstalledAt('T1')).not.toBeNull();
  });

  it.each([
    ['app_uninstalled, then tokens_revoked', [uninstalledEvent, revokedEvent]],
    ['tokens_revoked, then app_uninstalled', [revokedEvent, uninstalledEvent]],
  ])('%s, both arriving after a re-install, leave the new install working', async (_label, events) => {
    const teamId = `T${events[0] === uninstalledEvent ? 2 : 3}`;
    const cache = installationCache(database.db, keyring);
    const services = servicesWith(cache);
    await install(teamId, at('10:00'), 'xoxb-old');
    // Removed at 10:05 and installed again at 10:10; Slack's events for the removal come only now.
    await install(teamId, at('10:10'), 'xoxb-new');
    for (const event of events) await event(services, teamId, at('10:05'));
    expect(await cache.tokenFor(teamId)).toBe('xoxb-new');
    expect(await uninstalledAt(teamId)).toBeNull();
  });

  it.each([
    ['app_uninstalled, then tokens_revoked', [uninstalledEvent, revokedEvent]],
    ['tokens_revoked, then app_uninstalled', [revokedEvent, uninstalledEvent]],
  ])('%s in time: the install goes, and a re-install after them works', async (_label, events) => {
    const teamId = `T${events[0] === uninstalledEvent ? 4 : 5}`;
    const cache = installationCache(database.db, keyring);
    const services = servicesWith(cache);
    await install(teamId, at('10:00'), 'xoxb-old');
    for (const event of events) await event(services, teamId, at('10:05'));
    expect(await cache.tokenFor(teamId)).toBeNull();
    expect(await uninstalledAt(teamId)).not.toBeNull();
    await install(teamId, at('10:10'), 'xoxb-new');
    expect(await cache.tokenFor(teamId)).toBe('xoxb-new');
    expect(await uninstalledAt(teamId)).toBeNull();
  });

  it('with one bot token from the environment, stops the team as before', async () => {
    await database.db.insert(teams).values({ id: 'T6' });
    await revokedEvent(servicesWith(undefined), 'T6', at('10:05'));
    expect(await uninstalledAt('T6')).toEqual(at('12:00'));
  });

  it.each([
    ['refuses it: the install goes and the team stops', 'refused', null, true],
    ['takes it: the install stays and the team carries on', 'works', 'xoxb-same', false],
  ] as const)('an event from the same second as the install asks Slack about the stored token; Slack %s', async (_label, status, token, stopped) => {
    const teamId = `T7${status}`;
    const asked: string[] = [];
    const cache = installationCache(database.db, keyring);
    const services = servicesWith(cache, async (t) => (asked.push(t), status));
    // Installed at 10:05:00.600; Slack's event_time, whole seconds, says 10:05:00.
    await install(teamId, at('10:05', 600), 'xoxb-same');
    await uninstalledEvent(services, teamId, at('10:05'));
    expect(asked).toEqual(['xoxb-same']);
    expect(await cache.tokenFor(teamId)).toBe(token);
    expect((await uninstalledAt(teamId)) !== null).toBe(stopped);
  });

  it('a late event whose install Slack cannot be asked about (no answer) deletes nothing', async () => {
    const cache = installationCache(database.db, keyring);
    await install('T8', at('10:10'), 'xoxb-new');
    await uninstalledEvent(servicesWith(cache, async () => 'unknown'), 'T8', at('10:05'));
    expect(await cache.tokenFor('T8')).toBe('xoxb-new');
    expect(await uninstalledAt('T8')).toBeNull();
  });

  it('a re-install stored while Slack is asked about the old token is kept, and the team not stopped', async () => {
    const cache = installationCache(database.db, keyring);
    await install('T9', at('10:05', 600), 'xoxb-old');
    const services = servicesWith(cache, async () => {
      await install('T9', at('10:06'), 'xoxb-new');
      return 'refused';
    });
    await uninstalledEvent(services, 'T9', at('10:05'));
    expect(await cache.tokenFor('T9')).toBe('xoxb-new');
    expect(await uninstalledAt('T9')).toBeNull();
  });

  it('tokens_revoked for another bot than the install\'s deletes nothing and stops nothing', async () => {
    const cache = installationCache(database.db, keyring);
    await install('T10', at('10:00'), 'xoxb-T10');
    await revokedEvent(servicesWith(cache, async () => 'refused'), 'T10', at('10:05'), 'U0OTHERBOT');
    expect(await cache.tokenFor('T10')).toBe('xoxb-T10');
    expect(await uninstalledAt('T10')).toBeNull();
  });

  it('a team with an install is never marked uninstalled, even by a re-install committed between the delete and the mark', async () => {
    await install('T11', at('10:00'), 'xoxb-old');
    expect(await removeInstallation(database.db, 'T11', at('10:05'))).toBe(true);
    // The re-install lands here, before the listener marks the team.
    await install('T11', at('10:06'), 'xoxb-new');
    expect(await markUninstalled(database.db, 'T11', at('10:07'), { unlessInstalled: true })).toBe(false);
    expect(await uninstalledAt('T11')).toBeNull();
    // Without an install, the mark goes through.
    expect(await removeInstallation(database.db, 'T11', at('10:08'))).toBe(true);
    expect(await markUninstalled(database.db, 'T11', at('10:09'), { unlessInstalled: true })).toBe(true);
  });
});
