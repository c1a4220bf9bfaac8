import { and, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { digestSnapshots, inspectionPicks, inspections } from '../schema-manager.js';
import { deliveries, processedRequests, teams } from '../schema.js';

/**
 * Deletes every team uninstalled before `cutoff` and all of its data, in one transaction; returns
 * their ids. Leads, reps, touches and next steps go with the team row (foreign keys cascade); the
 * ledger, de-duplication records and the digest's weekly snapshots are deleted here.
 */
export async function purgeUninstalledTeams(db: Db, cutoff: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const gone = await tx.delete(teams).where(and(isNotNull(teams.uninstalledAt), lt(teams.uninstalledAt, cutoff))).returning({ id: teams.id });
    const ids = gone.map((t) => t.id);
    if (ids.length) {
      await tx.delete(deliveries).where(inArray(deliveries.teamId, ids));
      await tx.delete(processedRequests).where(inArray(processedRequests.teamId, ids));
      // Inspections and their picks go with the leads too; deleted by team all the same, as the ledger is.
      await tx.delete(inspectionPicks).where(inArray(inspectionPicks.teamId, ids));
      await tx.delete(inspections).where(inArray(inspections.teamId, ids));
      await tx.delete(digestSnapshots).where(inArray(digestSnapshots.teamId, ids));
    }
    return ids;
  });
}
