// docs/rules.md#r2: when the speed-to-lead job may speak about a new arrival, all in working time —
// the team's hours and days, wall-clock in each person's own zone. Nobody is messaged outside their hours.
import type { WorkWeek } from './types.js';
import { SPEED_TO_LEAD_MS } from './warnings.js';
import { addWorkingMs, isWorkingTime, workingDayMs, workingMsBetween } from './working-time.js';

const DAY = 24 * 60 * 60_000;

/** When the owner's first working hour with the lead is over: the arrival (or their next working start) plus one working hour. */
export const firstHourEnds = (createdAt: Date, week: WorkWeek, ownerZone: string): Date =>
  addWorkingMs(createdAt, SPEED_TO_LEAD_MS, week, ownerZone);

/**
 * The arrival alert: inside the owner's working hours, while the lead is in its first working hour —
 * on arrival if it came in during their hours, else at the start of their next (a Saturday 02:00 lead
 * on Monday 09:00). After that hour the reminder speaks of it instead.
 */
export const ownerAlertDue = (createdAt: Date, now: Date, week: WorkWeek, ownerZone: string): boolean =>
  now >= createdAt && isWorkingTime(now, week, ownerZone) && workingMsBetween(createdAt, now, week, ownerZone) < SPEED_TO_LEAD_MS;

/** Once the first working hour is over, for a working day of the owner's time, inside the owner's hours. */
export function reminderDue(createdAt: Date, now: Date, week: WorkWeek, ownerZone: string): boolean {
  const over = firstHourEnds(createdAt, week, ownerZone);
  return now >= over && isWorkingTime(now, week, ownerZone) && workingMsBetween(over, now, week, ownerZone) <= workingDayMs(week);
}

/**
 * The manager's note: once the owner's first working hour is over (one working hour after the owner's
 * alert), only inside the manager's own working hours, for a working day of the manager's time after.
 */
export function managerNoteDue(createdAt: Date, now: Date, week: WorkWeek, ownerZone: string, managerZone: string): boolean {
  const over = firstHourEnds(createdAt, week, ownerZone);
  return now >= over && isWorkingTime(now, week, managerZone) && workingMsBetween(over, now, week, managerZone) <= workingDayMs(week);
}

/**
 * How far back (wall clock) a lead may have come in and still be owed a message: the first hour and two
 * working days' worth (the owner's, then the manager's) in whole weeks of working time, a week for where
 * in the week it starts, and two days for zones far apart. The database reads no further back.
 */
export function arrivalLookbackMs(week: WorkWeek): number {
  const days = new Set(week.days.length ? week.days : [1, 2, 3, 4, 5, 6, 7]).size;
  const perWeek = workingDayMs(week) * days;
  return (Math.ceil((SPEED_TO_LEAD_MS + 2 * workingDayMs(week)) / perWeek) + 1) * 7 * DAY + 2 * DAY;
}
