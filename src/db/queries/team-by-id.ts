import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { teams, type Team } from '../schema.js';

/** A team's row (its settings: digest channel, day and time, zone), if it has one. */
export async function teamById(db: Queryable, teamId: string): Promise<Team | undefined> {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  return team;
}
