import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Metrics } from '../observability/metrics.js';
import { Pacer } from './pacer.js';
import { countRateLimits, jobSlackClient, type SlackClient } from './slack-client.js';

/** Where a team's bot token comes from when workspaces install the app: their installation. */
export interface TokenSource {
  /** The team's bot token; null when the team has no installation. */
  tokenFor(teamId: string): Promise<string | null>;
  /** Slack refused the team's token: what is known of it is dropped, and the next tokenFor reads it afresh. */
  forget(teamId: string): void;
}

/** What is sent to one team goes through its own Web API client and its own pace. */
export interface TeamSlack {
  client: SlackClient;
  pacer: Pacer;
}

/** The Web API clients outbound sends use, one per team (docs/architecture.md, A scheduled message). */
export interface TeamClients {
  /** The team's client and pacer; null when the team has no installation, so nothing goes to it. */
  forTeam(teamId: string): Promise<TeamSlack | null>;
  /** Slack refused the team's token (`invalid_auth`, `token_revoked`…): it is read again next time. */
  forget(teamId: string): void;
}

// Slack's rate limits and 429s are per workspace: each team has a pacer of its own, so one team's
// pause never holds up another's sends.
function pacersPerTeam(perSecond: number): (teamId: string) => Pacer {
  const pacers = new Map<string, Pacer>();
  return (teamId) => {
    let pacer = pacers.get(teamId);
    if (!pacer) pacers.set(teamId, (pacer = new Pacer(perSecond)));
    return pacer;
  };
}

/**
 * Single-workspace mode: the environment's bot token for every team, as one shared client; a pacer
 * per team all the same. Without a token (a CLI run that needs none) no team has a client.
 */
export function envTeamClients(config: Config, logger: Logger, metrics?: Metrics): TeamClients {
  const client = config.SLACK_BOT_TOKEN ? jobSlackClient(config, logger) : null;
  if (client && metrics) countRateLimits(client, metrics);
  const pacerOf = pacersPerTeam(config.FOLLOWUP_SEND_RATE);
  return {
    forTeam: async (teamId) => (client ? { client, pacer: pacerOf(teamId) } : null),
    // The environment's token cannot be read again; a refused one stays refused until it is replaced.
    forget: () => {},
  };
}

/**
 * Installed workspaces: each team's token from its installation, a client per team built with the
 * jobs' policy (no automatic retries, 429s rejected to the pacer) and rebuilt when the token changes
 * (a re-install).
 */
export function installedTeamClients(config: Config, logger: Logger, tokens: TokenSource, metrics?: Metrics): TeamClients {
  const pacerOf = pacersPerTeam(config.FOLLOWUP_SEND_RATE);
  const clients = new Map<string, { token: string; client: SlackClient }>();
  return {
    async forTeam(teamId) {
      const token = await tokens.tokenFor(teamId);
      if (!token) {
        clients.delete(teamId);
        return null;
      }
      let known = clients.get(teamId);
      if (known?.token !== token) {
        const client = jobSlackClient(config, logger, token);
        if (metrics) countRateLimits(client, metrics);
        clients.set(teamId, (known = { token, client }));
      }
      return { client: known.client, pacer: pacerOf(teamId) };
    },
    forget(teamId) {
      clients.delete(teamId);
      tokens.forget(teamId);
    },
  };
}

/** The team clients for this deployment: installations' tokens when given a source of them, else the environment's. */
export function teamClientsFor(config: Config, logger: Logger, tokens?: TokenSource, metrics?: Metrics): TeamClients {
  return tokens ? installedTeamClients(config, logger, tokens, metrics) : envTeamClients(config, logger, metrics);
}
