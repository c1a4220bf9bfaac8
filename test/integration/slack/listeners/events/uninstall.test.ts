import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { saveInstallation } from '../../../../../src/db/ops/installations.js';
import { markReinstalled } from '../../../../../src/db/ops/install-state.js';
import { teams } from '../../../../../src/db/schema.js';
import { installationCache, type InstallationCache } from '../../../../../src/install/installation-cache.js';
import { createLogger } from '../../../../../src/logger.js';
import { parseKeyring } from '../../../../../src/secrets/keyring.js';
import { appUninstalled, tokensRevoked } from '../../../../../src/slack/listeners/events/uninstall.js';
import type { Services } from '../../../../../src/slack/services.js';
import { dbTargets, useDatabase } from '../../../../support/db.js';

const keyring = parseKeyring(`k1:${Buffer.alloc(32, 2).toString('base64')}`);
const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00Z`);
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

describe.each(dbTargets())('uninstall events by time on $name', (target) => {
  const database = useDatabase(target);
  const servicesWith = (installations: InstallationCache | undefined) =>
    ({ database, logger: createLogger('silent'), now: () => at('12:00'), installations }) as unknown as Services;

  /** Stores the team's install at this time, as a finished OAuth install does. */
  const install = async (teamId: string, when: Date, token: string) => {
    await saveInstallation(database.db, keyring, { teamId, enterpriseId: null, appId: 'A0APP', botToken: token, botId: 'B1', botUserId: 'U0BOT', scopes: ['chat:write'], installerUserId: 'U1', installedAt: when });
    await database.db.insert(teams).values({ id: teamId }).onConflictDoNothing();
    await markReinstalled(database.db, teamId, when);
  };
  const uninstalledEvent = (services: Services, teamId: string, when: Date) =>
    appUninstalled(services)({ body: { team_id: teamId, event_time: seconds(when) }, event: { type: 'app_uninstalled' }, context: { teamId } } as never);
  const revokedEvent = (services: Services, teamId: string, when: Date) =>
    tokensRevoked(services)({ body: { team_id: teamId, event_time: seconds(when) }, event: { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }, context: { teamId } } as never);
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
});
