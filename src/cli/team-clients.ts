// The Slack clients a command sends with (serve, `jobs run`, import and export), chosen in one place.
import type { Logger } from 'pino';
import { isOAuthMode, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { installationCache, type InstallationCache } from '../install/installation-cache.js';
import type { Metrics } from '../observability/metrics.js';
import { teamClientsFor, type TeamClients } from '../outbound/team-clients.js';

/** OAuth mode: the installed workspaces' tokens, read from the database (kept 30 s); else none. */
export function commandInstallations(config: Config, database: Database): InstallationCache | undefined {
  return isOAuthMode(config) ? installationCache(database.db, config.FOLLOWUP_ENCRYPTION_KEYS!, { allowedTeams: config.FOLLOWUP_ALLOWED_TEAMS }) : undefined;
}

/**
 * Each installed workspace's own token in OAuth mode; the environment's bot token for every team
 * otherwise (single-workspace mode).
 */
export function commandTeamClients(
  config: Config,
  logger: Logger,
  database: Database,
  metrics?: Metrics,
  installations: InstallationCache | undefined = commandInstallations(config, database),
): TeamClients {
  return teamClientsFor(config, logger, installations, metrics);
}
