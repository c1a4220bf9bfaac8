import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { markUninstalled } from '../../../src/db/ops/install-state.js';
import { saveInstallation } from '../../../src/db/ops/installations.js';
import { findInstallation } from '../../../src/db/queries/installations.js';
import { teams } from '../../../src/db/schema.js';
import { checkInstalls } from '../../../src/install/check-installs.js';
import { createLogger } from '../../../src/logger.js';
import type { TokenStatus } from '../../../src/outbound/token-check.js';
import { parseKeyring } from '../../../src/secrets/keyring.js';
import { dbTargets, useDatabase } from '../../support/db.js';

const keyring = parseKeyring(`k1:${randomBytes(32).toString('base64')}`);
const oldKeyring = parseKeyring(`k0:${randomBytes(32).toString('base64')}`);
const NOW = new Date('2026-11-25T15:00:00Z');

// serve's start in OAuth mode: every install's own token is tried with Slack (review item 7).
describe.each(dbTargets())('start-up checks of the installs on $name', (target) => {
  const database = useDatabase(target);
  const install = (teamId: string, token: string, keys = keyring) =>
    saveInstallation(database.db, keys, { teamId, enterpriseId: null, appId: 'A0APP', botToken: token, botId: 'B1', botUserId: 'U0BOT', scopes: ['chat:write'], installerUserId: 'U1', installedAt: NOW });

  it('resumes a team whose token works, reports a refused token and an unreadable one, and sums up in one line', async () => {
    await install('T0WORKS', 'xoxb-works');
    await install('T0REFUSED', 'xoxb-refused');
    await install('T0OLDKEY', 'xoxb-oldkey', oldKeyring);
    await database.db.insert(teams).values([{ id: 'T0WORKS' }, { id: 'T0REFUSED' }]);
    await markUninstalled(database.db, 'T0WORKS', new Date('2026-11-20T00:00:00Z'));
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const asked: string[] = [];
    const tokenStatus = async (token: string): Promise<TokenStatus> => (asked.push(token), token === 'xoxb-works' ? 'works' : 'refused');

    const counts = await checkInstalls({ database, keyring, logger, now: () => NOW, tokenStatus, concurrency: 2 });

    expect(counts).toEqual({ works: 1, refused: 1, unreadable: 1, unknown: 0 });
    expect(asked.sort()).toEqual(['xoxb-refused', 'xoxb-works']);
    const [works] = await database.db.select().from(teams).where(eq(teams.id, 'T0WORKS'));
    expect(works!.uninstalledAt).toBeNull();
    expect(lines).toContainEqual(expect.objectContaining({ team: 'T0WORKS', msg: 'team reinstalled: its jobs resume' }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, team: 'T0REFUSED', msg: expect.stringContaining('must install the app again') }));
    const unreadable = lines.filter((l) => l.team === 'T0OLDKEY');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ level: 40, err: expect.stringContaining('"k0"') });
    // Nothing is deleted on a refusal: an uninstall event does that.
    expect(await findInstallation(database.db, keyring, 'T0REFUSED')).not.toBeNull();
    expect(lines.filter((l) => l.msg === 'installs checked with Slack')).toEqual([expect.objectContaining({ installs: 3, works: 1, refused: 1, unreadable: 1 })]);
  });
});
