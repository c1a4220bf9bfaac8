import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reps, teams } from '../schema.js';

/** What became of the team's managers at an install. */
export type FirstManagerOutcome = 'appointed' | 'has-manager' | 'not-admin';

/**
 * The installer of a team with no manager yet becomes its first manager, when Slack says they are a
 * workspace admin or owner (who may appoint managers anyway: docs/commands.md#settings). One transaction.
 */
export async function appointFirstManager(db: Db, teamId: string, userId: string, isSlackAdmin: boolean, now: Date): Promise<FirstManagerOutcome> {
  return db.transaction(async (tx) => {
    await tx.insert(teams).values({ id: teamId }).onConflictDoNothing();
    // Two installs of one team at once: the team row's lock lets one of them decide.
    await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const [manager] = await tx.select({ userId: reps.userId }).from(reps).where(and(eq(reps.teamId, teamId), eq(reps.isManager, true))).limit(1);
    if (manager) return 'has-manager';
    if (!isSlackAdmin) return 'not-admin';
    await tx
      .insert(reps)
      .values({ teamId, userId, isManager: true, isSlackAdmin: true })
      .onConflictDoUpdate({ target: [reps.teamId, reps.userId], set: { isManager: true, isSlackAdmin: true, updatedAt: now } });
    return 'appointed';
  });
}
