import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../client.js';
import { teams } from '../schema.js';

/**
 * The next owner for a lead that names none: the team's counter is bumped under its row lock, so
 * arrivals at the same moment queue up and each takes the next rep in turn (fair under concurrency).
 * The pool: reps who are not guests and not on leave (`off:`); managers only if they hold open leads
 * themselves. Null when nobody can take it.
 */
export async function takeRoundRobinOwner(tx: Tx, teamId: string, now: Date): Promise<string | null> {
  const [team] = await tx
    .update(teams)
    .set({ roundRobinCount: sql`${teams.roundRobinCount} + 1` })
    .where(eq(teams.id, teamId))
    .returning({ count: teams.roundRobinCount });
  if (!team) return null;
  const pool = rowsOf(
    await tx.execute(sql`
      select r.user_id from reps r
      where r.team_id = ${teamId} and not r.is_guest
        and (r.dms_paused_until is null or r.dms_paused_until <= ${now.toISOString()}::timestamptz)
        and (not r.is_manager or exists (
          select 1 from leads l where l.team_id = r.team_id and l.owner_id = r.user_id and l.status = 'open'))
      order by r.user_id`),
  ).map((r) => String(r.user_id));
  if (pool.length === 0) return null;
  return pool[(team.count - 1) % pool.length]!;
}
