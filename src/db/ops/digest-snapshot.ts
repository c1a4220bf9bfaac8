import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { digestSnapshots } from '../schema-manager.js';

// docs/rules.md#r15: the digest remembers its figures per week (rep '' is the team line); the next week shows the change.

export type SnapshotFigures = Record<string, number>;

/** Stores (or, on a retried digest, replaces) one week's figures. */
export async function saveDigestSnapshot(db: Queryable, teamId: string, weekStart: string, byRep: ReadonlyMap<string, SnapshotFigures>): Promise<void> {
  const rows = [...byRep].map(([repId, figures]) => ({ teamId, weekStart, repId, figures }));
  if (!rows.length) return;
  await db
    .insert(digestSnapshots)
    .values(rows)
    .onConflictDoUpdate({ target: [digestSnapshots.teamId, digestSnapshots.weekStart, digestSnapshots.repId], set: { figures: sql`excluded.figures` } });
}

/** One week's stored figures by rep ('' the team), empty when that week had no digest. */
export async function digestSnapshot(db: Queryable, teamId: string, weekStart: string): Promise<Map<string, SnapshotFigures>> {
  const rows = await db
    .select({ repId: digestSnapshots.repId, figures: digestSnapshots.figures })
    .from(digestSnapshots)
    .where(and(eq(digestSnapshots.teamId, teamId), eq(digestSnapshots.weekStart, weekStart)));
  return new Map(rows.map((r) => [r.repId, r.figures as SnapshotFigures]));
}
