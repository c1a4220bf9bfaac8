import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { teams, type Team } from '../schema.js';

/** The team stored under this Slack team id, or undefined when nothing of it is stored. */
export async function teamById(db: Queryable, teamId: string): Promise<Team | undefined> {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  return team;
}
