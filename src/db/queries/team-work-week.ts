import { and, eq, inArray } from 'drizzle-orm';
import type { WorkWeek } from '../../coach/types.js';
import { DEFAULT_WORK_WEEK } from '../../coach/working-time.js';
import type { Queryable } from '../client.js';
import { reps, teams } from '../schema.js';

/** docs/rules.md#r2: the team's working hours and days (the defaults for a team with no row yet). */
export async function teamWorkWeek(db: Queryable, teamId: string): Promise<WorkWeek> {
  const [team] = await db.select({ start: teams.workStart, end: teams.workEnd, days: teams.workDays }).from(teams).where(eq(teams.id, teamId));
  return team ?? DEFAULT_WORK_WEEK;
}

export interface TeamWorkTime {
  week: WorkWeek;
  /** A person's own zone, in which their working hours are read (UTC when Slack has not told us). */
  zoneOf(userId: string): string;
}

/** The team's working week and its people's zones: all of them, or only those named. */
export async function teamWorkTime(db: Queryable, teamId: string, userIds?: string[]): Promise<TeamWorkTime> {
  const week = await teamWorkWeek(db, teamId);
  const rows = await db
    .select({ userId: reps.userId, tz: reps.tz })
    .from(reps)
    .where(and(eq(reps.teamId, teamId), userIds ? inArray(reps.userId, userIds) : undefined));
  const zones = new Map(rows.map((r) => [r.userId, r.tz ?? 'UTC']));
  return { week, zoneOf: (userId) => zones.get(userId) ?? 'UTC' };
}
