// The Slack clients a command sends with (serve, `jobs run`, import and export), chosen in one place.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { installationCacheFor, type InstallationCache } from '../install/installation-cache.js';
import type { Metrics } from '../observability/metrics.js';
import { teamClientsFor, type TeamClients } from '../outbound/team-clients.js';

/**
 * Each installed workspace's own token in OAuth mode; the environment's bot token for every team
 * otherwise (single-workspace mode).
 */
export function commandTeamClients(
  config: Config,
  logger: Logger,
  database: Database,
  metrics?: Metrics,
  installations: InstallationCache | undefined = installationCacheFor(config, database.db),
): TeamClients {
  return teamClientsFor(config, logger, installations, metrics);
}
