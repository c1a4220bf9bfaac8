import { DateTime, IANAZone } from 'luxon';

const validZones = new Map<string, boolean>();

/** A valid IANA zone, else UTC: a bad zone must never make a date go wrong silently. */
export function safeZone(zone: string): string {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    validZones.set(zone, valid);
  }
  return valid ? zone : 'UTC';
}

export const inZone = (at: Date, zone: string): DateTime => DateTime.fromJSDate(at, { zone: safeZone(zone) });

// Ranking a team asks for the same few days over and over; luxon is slow enough for this to matter.
const endOfDayCache = new Map<string, Date>();

/** The last instant of the viewer's local day containing `at`. */
export function endOfLocalDay(at: Date, zone: string): Date {
  const key = `${at.getTime()}|${zone}`;
  let end = endOfDayCache.get(key);
  if (end === undefined) {
    if (endOfDayCache.size > 10_000) endOfDayCache.clear();
    end = inZone(at, zone).endOf('day').toJSDate();
    endOfDayCache.set(key, end);
  }
  return end;
}

/** Whole local days from a to b (b later: positive). Calendar days, so DST changes don't matter. */
export function localDaysBetween(a: Date, b: Date, zone: string): number {
  const day = (d: Date) => {
    const local = inZone(d, zone);
    return Date.UTC(local.year, local.month - 1, local.day);
  };
  return Math.round((day(b) - day(a)) / 86_400_000);
}

/** A step is due on its day and overdue after it, both in the viewer's zone. */
export const isOverdue = (dueAt: Date, now: Date, zone: string): boolean => now > endOfLocalDay(dueAt, zone);
export const isDueByToday = (dueAt: Date, now: Date, zone: string): boolean => dueAt <= endOfLocalDay(now, zone);
