import { DateTime } from 'luxon';

/** A valid IANA zone, else UTC: a bad zone must never make a date go wrong silently. */
export function safeZone(zone: string): string {
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

export const inZone = (at: Date, zone: string): DateTime => DateTime.fromJSDate(at, { zone: safeZone(zone) });

/** The last instant of the viewer's local day containing `at`. */
export const endOfLocalDay = (at: Date, zone: string): Date => inZone(at, zone).endOf('day').toJSDate();

/** Whole local days from a to b (b later: positive). Calendar days, so DST changes don't matter. */
export function localDaysBetween(a: Date, b: Date, zone: string): number {
  const da = inZone(a, zone).startOf('day');
  const db = inZone(b, zone).startOf('day');
  return Math.round(db.diff(da, 'days').days);
}

/** A step is due on its day and overdue after it, both in the viewer's zone. */
export const isOverdue = (dueAt: Date, now: Date, zone: string): boolean => now > endOfLocalDay(dueAt, zone);
export const isDueByToday = (dueAt: Date, now: Date, zone: string): boolean => dueAt <= endOfLocalDay(now, zone);
