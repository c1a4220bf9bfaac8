import { and, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { deliveries, processedRequests, teams } from '../db/schema.js';
import type { JobSummary } from './morning.js';

export interface PurgeSummary extends JobSummary {
  purged: string[];
}

/**
 * Uninstalled teams keep their data for `retentionDays` (a reinstall resumes where it stopped);
 * after that the team and everything of it is deleted. Leads, reps, touches and next steps go with
 * the team row (foreign keys cascade); the ledger and de-duplication records are deleted here.
 */
export async function purgeUninstalled(opts: { database: Database; at: Date; retentionDays: number }): Promise<PurgeSummary> {
  const cutoff = new Date(opts.at.getTime() - opts.retentionDays * 24 * 60 * 60 * 1000);
  const purged = await opts.database.db.transaction(async (tx) => {
    const gone = await tx.delete(teams).where(and(isNotNull(teams.uninstalledAt), lt(teams.uninstalledAt, cutoff))).returning({ id: teams.id });
    const ids = gone.map((t) => t.id);
    if (ids.length) {
      await tx.delete(deliveries).where(inArray(deliveries.teamId, ids));
      await tx.delete(processedRequests).where(inArray(processedRequests.teamId, ids));
    }
    return ids;
  });
  return { job: 'purge', sent: 0, skipped: 0, failed: 0, purged };
}
