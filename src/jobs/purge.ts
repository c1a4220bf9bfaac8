import type { Database } from '../db/client.js';
import { purgeUninstalledTeams } from '../db/ops/purge-uninstalled-teams.js';
import type { JobSummary } from './job-options.js';

export interface PurgeSummary extends JobSummary {
  purged: string[];
}

/**
 * Uninstalled teams keep their data for `retentionDays` (a reinstall resumes where it stopped);
 * after that the team and everything of it is deleted.
 */
export async function purgeUninstalled(opts: { database: Database; at: Date; retentionDays: number }): Promise<PurgeSummary> {
  const cutoff = new Date(opts.at.getTime() - opts.retentionDays * 24 * 60 * 60 * 1000);
  const purged = await purgeUninstalledTeams(opts.database.db, cutoff);
  return { job: 'purge', sent: 0, skipped: 0, failed: 0, purged };
}
