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

// Ranking a team asks about the same day (today) over and over; luxon is slow enough for this to matter.
const dayCache = new Map<string, { start: Date; end: Date }>();

// Every zone's offset is a whole number of quarter hours, so all instants of one UTC quarter hour
// fall in the same local day: cache by quarter hour, and a team's thousands of due dates share entries.
const QUARTER_HOUR = 15 * 60_000;

function localDay(at: Date, zone: string): { start: Date; end: Date } {
  const key = `${Math.floor(at.getTime() / QUARTER_HOUR)}|${zone}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    if (dayCache.size > 10_000) dayCache.clear();
    const local = inZone(at, zone);
    day = { start: local.startOf('day').toJSDate(), end: local.endOf('day').toJSDate() };
    dayCache.set(key, day);
  }
  return day;
}

/** The last instant of the viewer's local day containing `at`. */
export const endOfLocalDay = (at: Date, zone: string): Date => localDay(at, zone).end;
export const startOfLocalDay = (at: Date, zone: string): Date => localDay(at, zone).start;

/** Whole local days from a to b (b later: positive). Calendar days, so DST changes don't matter. */
export function localDaysBetween(a: Date, b: Date, zone: string): number {
  // Local days are 23 to 25 hours long across DST changes: rounding whole days absorbs that.
  return Math.round((startOfLocalDay(b, zone).getTime() - startOfLocalDay(a, zone).getTime()) / 86_400_000);
}

/**
 * docs/rules.md#r5: an all-day step is due on its day and overdue after it (its day ended before today
 * began, in the viewer's zone); a step with a time of day is overdue from that time.
 */
export const isOverdue = (step: { dueAt: Date; allDay: boolean }, now: Date, zone: string): boolean =>
  step.allDay ? step.dueAt < startOfLocalDay(now, zone) : step.dueAt < now;
export const isDueByToday = (dueAt: Date, now: Date, zone: string): boolean => dueAt <= endOfLocalDay(now, zone);
