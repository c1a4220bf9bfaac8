// Bolt asks for the installation on every event, and jobs ask for each team's token: a read kept at
// most 30 s per team (docs/architecture.md#installations). Dropped at once on a re-install, an
// uninstall, or when Slack refuses the token; another replica's copy expires within the 30 s. A team
// taken off FOLLOWUP_ALLOWED_TEAMS is answered as not installed (its row stays until it uninstalls).
import { isOAuthMode, type Config } from '../config.js';
import type { Queryable } from '../db/client.js';
import type { InstallationRecord } from '../db/ops/installations.js';
import { findInstallation } from '../db/queries/installations.js';
import type { TokenSource } from '../outbound/team-clients.js';
import type { Keyring } from '../secrets/keyring.js';

export const INSTALLATION_TTL_MS = 30_000;

export interface InstallationCache extends TokenSource {
  /** The team's install with its token in clear; null when it has none (a miss is not kept). */
  installation(teamId: string): Promise<InstallationRecord | null>;
}

export interface InstallationCacheOptions {
  ttlMs?: number;
  /** Milliseconds now; tests move it. */
  clock?: () => number;
  /** FOLLOWUP_ALLOWED_TEAMS: any other team has no install here, so Bolt and the jobs skip it. */
  allowedTeams?: string[];
}

export function installationCache(db: Queryable, keyring: Keyring, opts: InstallationCacheOptions = {}): InstallationCache {
  const ttlMs = opts.ttlMs ?? INSTALLATION_TTL_MS;
  const clock = opts.clock ?? Date.now;
  // The read itself is kept, so callers asking at once share one query.
  const entries = new Map<string, { read: Promise<InstallationRecord | null>; expires: number }>();
  const installation = (teamId: string): Promise<InstallationRecord | null> => {
    if (opts.allowedTeams && !opts.allowedTeams.includes(teamId)) return Promise.resolve(null);
    const known = entries.get(teamId);
    if (known && known.expires > clock()) return known.read;
    const entry = { read: findInstallation(db, keyring, teamId), expires: clock() + ttlMs };
    entries.set(teamId, entry);
    const drop = () => {
      if (entries.get(teamId) === entry) entries.delete(teamId);
    };
    // A failed read or a team without an install is asked again next time.
    entry.read.then((record) => record ?? drop(), drop);
    return entry.read;
  };
  return {
    installation,
    tokenFor: async (teamId) => (await installation(teamId))?.botToken ?? null,
    forget: (teamId) => void entries.delete(teamId),
  };
}

/** OAuth mode: the installed workspaces' tokens, read from the database (kept 30 s); single-workspace mode: none. */
export function installationCacheFor(config: Config, db: Queryable): InstallationCache | undefined {
  return isOAuthMode(config) ? installationCache(db, config.FOLLOWUP_ENCRYPTION_KEYS!, { allowedTeams: config.FOLLOWUP_ALLOWED_TEAMS }) : undefined;
}
