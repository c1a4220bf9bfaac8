// Bolt's installation store over the installations table (docs/architecture.md#installations): an
// install is checked, stored (token sealed), the team resumes and may get its first manager; Bolt's
// authorize reads it back through the cache.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { appointFirstManager, type FirstManagerOutcome } from '../db/ops/first-manager.js';
import { markReinstalled } from '../db/ops/install-state.js';
import { removeInstallation, saveInstallation, type InstallationRecord } from '../db/ops/installations.js';
import { storedInstall } from '../db/queries/installed-at.js';
import type { Keyring } from '../secrets/keyring.js';
import type { InstallationCache } from './installation-cache.js';
import { InstallRefused, type RefusalReason } from './install-refused.js';

export interface InstallationStoreDeps {
  database: Database;
  keyring: Keyring;
  cache: InstallationCache;
  logger: Logger;
  now: () => Date;
  /** Only these workspaces may install (FOLLOWUP_ALLOWED_TEAMS); any when unset. */
  allowedTeams?: string[];
  /** users.info with the new token: is the installer a workspace admin or owner? */
  installerIsAdmin(token: string, userId: string): Promise<boolean>;
  /** A refused install is given back to Slack, so no app is left in the workspace without a stored token. */
  uninstallRefused(token: string, teamId: string): Promise<void>;
}

export interface AppInstallationStore extends InstallationStore {
  /** What became of the team's managers when this install was stored (for the page after it). */
  firstManagerOf(installation: Installation): FirstManagerOutcome | undefined;
}

function refusalOf(installation: Installation, allowedTeams: string[] | undefined): RefusalReason | null {
  if (installation.isEnterpriseInstall) return 'org_wide';
  if (!installation.team?.id || !installation.bot?.token) return 'no_bot';
  // Tokens that expire would need refreshing; token rotation stays off (manifest --oauth).
  if (installation.bot.refreshToken) return 'token_rotation';
  if (allowedTeams && !allowedTeams.includes(installation.team.id)) return 'team_not_allowed';
  return null;
}

const recordOf = (installation: Installation, installedAt: Date): InstallationRecord => ({
  teamId: installation.team!.id,
  enterpriseId: installation.enterprise?.id ?? null,
  appId: installation.appId ?? null,
  botToken: installation.bot!.token,
  botId: installation.bot!.id ?? null,
  botUserId: installation.bot!.userId ?? null,
  scopes: installation.bot!.scopes ?? [],
  installerUserId: installation.user?.id ?? null,
  installedAt,
});

/** Bolt's shape of a stored install: a workspace's bot, never org-wide. */
const installationOf = (record: InstallationRecord): Installation<'v2', false> => ({
  team: { id: record.teamId },
  enterprise: record.enterpriseId ? { id: record.enterpriseId } : undefined,
  user: { id: record.installerUserId ?? '', token: undefined, scopes: undefined },
  bot: { token: record.botToken, id: record.botId ?? '', userId: record.botUserId ?? '', scopes: record.scopes },
  ...(record.appId ? { appId: record.appId } : {}),
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

export function appInstallationStore(deps: InstallationStoreDeps): AppInstallationStore {
  const { database, logger } = deps;
  const outcomes = new WeakMap<Installation, FirstManagerOutcome>();
  return {
    async storeInstallation(installation) {
      const refusal = refusalOf(installation, deps.allowedTeams);
      if (refusal) {
        const teamId = installation.team?.id ?? installation.enterprise?.id ?? '-';
        // A team installed already keeps its app: apps.uninstall would remove that install too.
        const installed = installation.team?.id ? (await storedInstall(database.db, installation.team.id)) !== null : false;
        logger.warn({ team: teamId, enterprise: installation.enterprise?.id, reason: refusal, kept: installed }, installed ? 'install refused; the install stored before stays' : 'install refused');
        if (installation.bot?.token && !installed) await deps.uninstallRefused(installation.bot.token, teamId);
        throw new InstallRefused(refusal);
      }
      const now = deps.now();
      // Slack's clock, not the app's (FOLLOWUP_CLOCK_START may move that): compared with event_time.
      const record = recordOf(installation, new Date());
      await saveInstallation(database.db, deps.keyring, record);
      deps.cache.forget(record.teamId);
      // A team uninstalled before (its data kept for the retention period) resumes.
      if (await markReinstalled(database.db, record.teamId, now)) logger.info({ team: record.teamId }, 'team reinstalled: its jobs resume');
      let outcome: FirstManagerOutcome = 'not-admin';
      if (record.installerUserId) {
        const admin = await deps.installerIsAdmin(record.botToken, record.installerUserId);
        outcome = await appointFirstManager(database.db, record.teamId, record.installerUserId, admin, now);
      }
      outcomes.set(installation, outcome);
      logger.info({ team: record.teamId, enterprise: record.enterpriseId, installer: record.installerUserId, firstManager: outcome }, 'workspace installed');
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = query.teamId && !query.isEnterpriseInstall ? await deps.cache.installation(query.teamId) : null;
      // Bolt answers the request as unauthorized: nothing is done for a team without an install.
      if (!record) throw new Error(`no installation for team ${query.teamId ?? query.enterpriseId ?? '-'}`);
      return installationOf(record);
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      if (!query.teamId) return;
      await removeInstallation(database.db, query.teamId, deps.now());
      deps.cache.forget(query.teamId);
    },

    firstManagerOf: (installation) => outcomes.get(installation),
  };
}
