import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { safeZone } from '../../coach/local-day.js';

export type DueDate =
  | { ok: true; due: Date; allDay: boolean }
  | { ok: false; error: string; reason: 'unreadable' | 'past' };

const WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

const clean = (text: string) => text.trim().replace(/^[\s,.;:]+|[\s,.;:!?]+$/g, '').replace(/\s+/g, ' ');

/**
 * Reads a due date in the rep's zone (DESIGN §1): a bare date means the end of that day, a weekday
 * name the next such day (today counts until its end), a time that instant. Past dates are refused.
 */
export function parseDueDate(text: string, ctx: { now: Date; zone: string }): DueDate {
  const zone = safeZone(ctx.zone);
  const input = clean(text);
  const now = DateTime.fromJSDate(ctx.now, { zone });
  const unreadable = { ok: false as const, reason: 'unreadable' as const, error: `I couldn't read "${input || text.trim()}" as a date. Try friday, tomorrow, in 3 days or 2026-12-01.` };
  if (!input || input.length > 100) return unreadable;

  let local: DateTime;
  let allDay: boolean;
  const weekday = WEEKDAYS[input.toLowerCase()];
  if (weekday !== undefined) {
    // A weekday alone: the next such day, today included (chrono's choice differs).
    local = now.plus({ days: (weekday - now.weekday + 7) % 7 }).endOf('day');
    allDay = true;
  } else {
    // chrono knows fixed offsets only: give it the zone's offset now, then rebuild in the zone.
    const [result] = chrono.parse(input, { instant: ctx.now, timezone: now.offset });
    if (!result || result.index !== 0 || clean(result.text).length !== input.length) return unreadable;
    const c = result.start;
    const day = DateTime.fromObject({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! }, { zone });
    if (!day.isValid) return unreadable;
    allDay = !c.isCertain('hour');
    local = allDay
      ? day.endOf('day')
      : day.set({ hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0, second: c.get('second') ?? 0, millisecond: 0 });
  }
  if (!local.isValid) return unreadable;
  if (local < now) {
    return { ok: false, reason: 'past', error: `${formatDue(local.toJSDate(), zone, ctx.now)} is in the past: pick a date from now on.` };
  }
  return { ok: true, due: local.toJSDate(), allDay };
}

/** "Fri 28 Nov" for an end-of-day date, "Fri 28 Nov 14:00" otherwise; the year only when it differs. */
export function formatDue(due: Date, zone: string, now: Date): string {
  const z = safeZone(zone);
  const d = DateTime.fromJSDate(due, { zone: z });
  const endOfDay = d.hour === 23 && d.minute === 59;
  const sameYear = d.year === DateTime.fromJSDate(now, { zone: z }).year;
  return d.toFormat(`ccc d LLL${sameYear ? '' : ' yyyy'}${endOfDay ? '' : ' HH:mm'}`);
}
