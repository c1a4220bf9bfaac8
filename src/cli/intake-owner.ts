// What `import` and `export` need besides the database: the clock, and owners named on the
// command line found among the team's reps (asking Slack only when a token is set).
import type { Logger } from 'pino';
import { clockFrom, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createOwnerResolver, type OwnerResolver } from '../intake/resolve-owner.js';
import { commandTeamClients } from './team-clients.js';
import { UsageError } from './usage-error.js';

export interface IntakeOwners {
  now: () => Date;
  resolver: OwnerResolver;
  /** A rep of the team named by Slack id, e-mail or display name; else a one-line refusal. */
  ownerOf(flag: string, raw: string): Promise<string>;
}

export async function intakeOwners(config: Config, logger: Logger, database: Database, teamId: string): Promise<IntakeOwners> {
  const now = clockFrom(config);
  const client = (await commandTeamClients(config, logger, database).forTeam(teamId))?.client ?? null;
  const resolver = createOwnerResolver({ db: database.db, teamId, client, logger, now });
  return {
    now,
    resolver,
    async ownerOf(flag, raw) {
      const found = await resolver.resolve(raw);
      if ('error' in found) throw new UsageError(`${flag} ${raw}: ${found.error}.`);
      return found.userId;
    },
  };
}
