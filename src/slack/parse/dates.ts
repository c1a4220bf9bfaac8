import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { safeZone } from '../../coach/local-day.js';
import { quoteUserText } from './slack-text.js';

export type DueDate =
  | { ok: true; due: Date; allDay: boolean }
  | { ok: false; error: string; reason: 'unreadable' | 'past' };

const EDGE = new Set(' ,.;:!?()"\'\u2018\u2019\u201c\u201d');
/** Whitespace collapsed, punctuation around the date dropped (a loop: an edge regex can backtrack badly). */
function clean(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  let start = 0;
  let end = t.length;
  while (start < end && EDGE.has(t[start]!)) start++;
  while (end > start && EDGE.has(t[end - 1]!)) end--;
  return t.slice(start, end);
}
// No date phrase is longer; this also keeps chrono away from pasted essays.
const MAX_DATE_CHARS = 100;
/** True when text cannot be a date, nor can any longer text ending with it. */
export const tooLongForADate = (text: string): boolean => clean(text).length > MAX_DATE_CHARS;
// "next friday" keeps chrono's reading (the Friday of next week); a plain weekday means the next such day.
const WEEKDAY_MODIFIER = /\b(next|last|past|prev|previous)\b/i;

/**
 * Reads a due date in the rep's zone: a bare date means the end of that day, a weekday
 * name the next such day (today counts until its end), a time that instant. Past dates are refused.
 */
export function parseDueDate(text: string, ctx: { now: Date; zone: string }): DueDate {
  const zone = safeZone(ctx.zone);
  const input = clean(text);
  const now = DateTime.fromJSDate(ctx.now, { zone });
  const unreadable = {
    ok: false as const,
    reason: 'unreadable' as const,
    error: input
      ? `I couldn't read "${quoteUserText(input)}" as a date. Try friday, tomorrow, in 3 days or 2026-12-01.`
      : 'Give a date, like friday, tomorrow, in 3 days or 2026-12-01.',
  };
  if (!input || input.length > MAX_DATE_CHARS) return unreadable;

  // chrono knows fixed offsets only: give it the zone's offset now, then rebuild in the zone (DST).
  let result: chrono.ParsedResult | undefined;
  try {
    [result] = chrono.parse(input, { instant: ctx.now, timezone: now.offset });
  } catch {
    return unreadable;
  }
  if (!result || result.index !== 0 || clean(result.text) !== input) return unreadable;
  const c = result.start;
  const timed = c.isCertain('hour');

  let local: DateTime;
  if (timed && c.isCertain('timezoneOffset')) {
    // An explicit offset ("2pm EST", "…T10:00Z") or a relative time ("in 3 hours"): already an instant.
    local = DateTime.fromJSDate(c.date(), { zone });
  } else {
    let day: DateTime;
    if (c.isCertain('weekday') && !c.isCertain('day') && !WEEKDAY_MODIFIER.test(input)) {
      // chrono takes the nearest such weekday, even a past one: we want the next, today included.
      const weekday = c.get('weekday') || 7; // chrono: 0 = Sunday; luxon: 7
      day = now.startOf('day').plus({ days: (weekday - now.weekday + 7) % 7 });
    } else {
      day = DateTime.fromObject({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! }, { zone });
    }
    local = timed
      ? day.set({ hour: c.get('hour')!, minute: c.get('minute') ?? 0, second: c.get('second') ?? 0, millisecond: 0 })
      : day.endOf('day');
  }
  if (!local.isValid) return unreadable;
  if (local < now) {
    const when = formatDue(local.toJSDate(), zone, ctx.now);
    return { ok: false, reason: 'past', error: `${when} is in the past: pick ${timed ? 'a later time' : 'today or a later date'}.` };
  }
  return { ok: true, due: local.toJSDate(), allDay: !timed };
}

/** "Fri 28 Nov" for an end-of-day date, "Fri 28 Nov 14:00" otherwise; the year only when it differs. */
export function formatDue(due: Date, zone: string, now: Date): string {
  const z = safeZone(zone);
  const d = DateTime.fromJSDate(due, { zone: z }).setLocale('en-US'); // not the server's locale
  const endOfDay = d.hour === 23 && d.minute === 59;
  const sameYear = d.year === DateTime.fromJSDate(now, { zone: z }).year;
  return d.toFormat(`ccc d LLL${sameYear ? '' : ' yyyy'}${endOfDay ? '' : ' HH:mm'}`);
}
