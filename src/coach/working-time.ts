// docs/rules.md#r2: the team's working hours and days, wall-clock in each person's own zone. Used by the
// first-touch plan (and by speed to lead's hour of working time).
import type { DateTime } from 'luxon';
import { inZone } from './local-day.js';
import type { WorkWeek } from './types.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of 'HH:MM'; a clear error for anything else. */
export function parseClockTime(text: string): number {
  const m = HHMM.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a time of day like 09:00`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'HH:MM-HH:MM' → { start, end }, the end after the start. */
export function parseWorkHours(text: string): { start: string; end: string } {
  const [start, end, ...rest] = text.split('-').map((p) => p.trim());
  if (!start || !end || rest.length) throw new RangeError(`"${text}" is not working hours like 09:00-18:00`);
  if (parseClockTime(end) <= parseClockTime(start)) throw new RangeError(`working hours must end after they start (${text})`);
  return { start, end };
}

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const dayNumber = (name: string): number => {
  const word = name.trim().toLowerCase();
  const i = Math.max(DAY_NAMES.indexOf(word as (typeof DAY_NAMES)[number]), FULL_NAMES.indexOf(word));
  if (i < 0) throw new RangeError(`"${name.trim()}" is not a weekday (mon, tue, … sun)`);
  return i + 1;
};

/** 'mon-fri', 'mon,wed,fri', 'mon-wed,fri', 'fri-mon' (wrapping) → ISO weekdays, sorted, at least one. */
export function parseWorkDays(text: string): number[] {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    if (!part.trim()) throw new RangeError(`"${text}" is not a list of weekdays like mon-fri or mon,wed,fri`);
    const [from, to, ...rest] = part.split('-');
    if (rest.length) throw new RangeError(`"${part.trim()}" is not a weekday or a range like mon-fri`);
    const a = dayNumber(from!);
    const b = to === undefined ? a : dayNumber(to);
    for (let d = a, n = 0; n < 7; d = (d % 7) + 1, n++) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/** ISO weekdays → 'mon-fri', 'mon,wed,fri', 'mon-wed,fri': what parseWorkDays reads back. */
export function formatWorkDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const name = (d: number) => DAY_NAMES[d - 1]!;
    parts.push(j - i >= 2 ? `${name(sorted[i]!)}-${name(sorted[j]!)}` : sorted.slice(i, j + 1).map(name).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

// An empty list of days would mean no working time ever: read it as every day rather than loop forever.
const workDays = (week: WorkWeek): readonly number[] => (week.days.length ? week.days : [1, 2, 3, 4, 5, 6, 7]);
const at = (day: DateTime, minutes: number): DateTime => day.startOf('day').set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
const dayStart = (day: DateTime, week: WorkWeek) => at(day, parseClockTime(week.start));
const dayEnd = (day: DateTime, week: WorkWeek) => at(day, parseClockTime(week.end));

/** Inside the working hours of a working day, in that zone. */
export function isWorkingTime(when: Date, week: WorkWeek, zone: string): boolean {
  const local = inZone(when, zone);
  if (!workDays(week).includes(local.weekday)) return false;
  return local >= dayStart(local, week) && local < dayEnd(local, week);
}

/** `when` itself if it is working time, else the start of the next working period. */
export function nextWorkingStart(when: Date, week: WorkWeek, zone: string): Date {
  if (isWorkingTime(when, week, zone)) return when;
  let day = inZone(when, zone);
  for (let i = 0; i < 8; i++, day = day.plus({ days: 1 })) {
    if (!workDays(week).includes(day.weekday)) continue;
    const start = dayStart(day, week);
    if (start.toMillis() > when.getTime()) return start.toJSDate();
  }
  throw new RangeError('no working time in the week'); // unreachable: some day is a working day
}

/**
 * The starts of the next `n` working days from `now` (today counts while its working hours have not
 * ended), in that zone.
 */
export function workingDaysFrom(now: Date, week: WorkWeek, zone: string, n: number): Date[] {
  const out: Date[] = [];
  let day = inZone(now, zone);
  for (let guard = 0; out.length < n && guard < n * 7 + 7; guard++, day = day.plus({ days: 1 })) {
    if (!workDays(week).includes(day.weekday)) continue;
    if (guard === 0 && now.getTime() >= dayEnd(day, week).toMillis()) continue;
    out.push(dayStart(day, week).toJSDate());
  }
  return out;
}

/** docs/rules.md#r2: 09:00–18:00, Monday to Friday — a team's working time until a manager sets its own. */
export const DEFAULT_WORK_WEEK: WorkWeek = Object.freeze({ start: '09:00', end: '18:00', days: Object.freeze([1, 2, 3, 4, 5]) as number[] });

/** The working period (start and end instants) of the working day that holds `when`, or null on a day off. */
function periodOf(day: DateTime, week: WorkWeek): { start: number; end: number } | null {
  if (!workDays(week).includes(day.weekday)) return null;
  return { start: dayStart(day, week).toMillis(), end: dayEnd(day, week).toMillis() };
}

/**
 * docs/rules.md#r2: how much working time lies between two instants — the overlap with each working
 * day's hours, wall-clock in that zone (a DST day keeps its hours: 09:00–18:00 is 9 hours either side of
 * the change). No holidays. 0 when `to` is not after `from`.
 */
export function workingMsBetween(from: Date, to: Date, week: WorkWeek, zone: string): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  // One step per local day from `from`'s day through `to`'s (a day before, for a zone ahead of UTC's date).
  for (let day = inZone(from, zone).startOf('day'); day.toMillis() < b; day = day.plus({ days: 1 })) {
    const p = periodOf(day, week);
    if (p) total += Math.max(0, Math.min(b, p.end) - Math.max(a, p.start));
  }
  return total;
}

/** docs/rules.md#r2: the instant at which `ms` of working time has passed since `from` (`from` itself for 0). */
export function addWorkingMs(from: Date, ms: number, week: WorkWeek, zone: string): Date {
  if (ms <= 0) return from;
  let left = ms;
  let cursor = nextWorkingStart(from, week, zone).getTime();
  // Each pass uses up one working period; a period is at least a minute, so this ends.
  for (;;) {
    const p = periodOf(inZone(new Date(cursor), zone), week)!;
    if (cursor + left <= p.end) return new Date(cursor + left);
    left -= p.end - cursor;
    cursor = nextWorkingStart(new Date(p.end), week, zone).getTime();
  }
}

/** The length of one working day's hours: how long a lead stays eligible for speed-to-lead messages (R2). */
export const workingDayMs = (week: WorkWeek): number => (parseClockTime(week.end) - parseClockTime(week.start)) * 60_000;
