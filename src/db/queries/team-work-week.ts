import { eq } from 'drizzle-orm';
import type { WorkWeek } from '../../coach/types.js';
import { DEFAULT_WORK_WEEK } from '../../coach/working-time.js';
import type { Queryable } from '../client.js';
import { teams } from '../schema.js';

/** docs/rules.md#r2: the team's working hours and days (the defaults for a team with no row yet). */
export async function teamWorkWeek(db: Queryable, teamId: string): Promise<WorkWeek> {
  const [team] = await db.select({ start: teams.workStart, end: teams.workEnd, days: teams.workDays }).from(teams).where(eq(teams.id, teamId));
  return team ?? DEFAULT_WORK_WEEK;
}
