// At serve's start in OAuth mode, each install's token is tried (docs/architecture.md#installations):
// a team marked uninstalled whose token works was installed again and resumes; a refused token is
// only reported (an uninstall event deletes it). Runs in the background: listening does not wait.
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { markReinstalled } from '../db/ops/install-state.js';
import { findInstallation, listInstallations } from '../db/queries/installations.js';
import type { TokenStatus } from '../outbound/token-check.js';
import type { Keyring } from '../secrets/keyring.js';
import { SecretKeyError } from '../secrets/sealed.js';

export interface CheckInstallsDeps {
  database: Database;
  keyring: Keyring;
  logger: Logger;
  now: () => Date;
  tokenStatus(token: string): Promise<TokenStatus>;
  /** Installs asked about at once. */
  concurrency?: number;
}

export interface InstallsChecked {
  works: number;
  refused: number;
  unreadable: number;
  unknown: number;
}

export async function checkInstalls(deps: CheckInstallsDeps): Promise<InstallsChecked> {
  const { database, logger } = deps;
  const counts: InstallsChecked = { works: 0, refused: 0, unreadable: 0, unknown: 0 };
  const check = async (teamId: string): Promise<void> => {
    let token: string | undefined;
    try {
      token = (await findInstallation(database.db, deps.keyring, teamId))?.botToken;
    } catch (err) {
      if (!(err instanceof SecretKeyError)) throw err;
      counts.unreadable++;
      return logger.warn({ team: teamId, err: err.message }, 'the install\'s token cannot be read: the workspace gets nothing until the key is configured');
    }
    if (!token) return; // uninstalled since the list was read
    const status = await deps.tokenStatus(token);
    counts[status]++;
    if (status === 'refused') logger.warn({ team: teamId }, 'Slack refuses the install\'s token: the workspace must install the app again');
    else if (status === 'works' && (await markReinstalled(database.db, teamId, deps.now()))) logger.info({ team: teamId }, 'team reinstalled: its jobs resume');
  };
  const teams = (await listInstallations(database.db)).map((i) => i.teamId);
  let next = 0;
  const worker = async () => {
    while (next < teams.length) await check(teams[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, teams.length) }, worker));
  logger.info({ installs: teams.length, ...counts }, 'installs checked with Slack');
  return counts;
}
