import type { Queryable } from '../client.js';
import { processedRequests } from '../schema.js';

/**
 * Records a Slack trigger/view/event id inside the caller's transaction. False means it was
 * handled before (a double click or double submit): the caller should write nothing.
 */
export async function claimRequest(db: Queryable, teamId: string, key: string, kind: string): Promise<boolean> {
  const rows = await db
    .insert(processedRequests)
    .values({ teamId, key, kind })
    .onConflictDoNothing()
    .returning({ key: processedRequests.key });
  return rows.length === 1;
}
