// A CRM's date cell → an instant, read in the owner's zone unless it carries an offset. Pure.
import { DateTime } from 'luxon';
import { safeZone } from '../coach/local-day.js';

export interface CrmDate {
  at: Date;
  /** False for a bare date: the caller decides which instant of the day it means. */
  timed: boolean;
}

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/**
 * ISO dates with or without a time and offset, US "12/01/2026" (month first, as Salesforce and
 * HubSpot write them in the US), dotted European "01.12.2026" (day first), with an optional time
 * and AM/PM. Read in `zone` unless the text carries an offset. Null when unreadable.
 */
export function parseCrmDate(raw: string, zone: string): CrmDate | null {
  // A file repeats its dates (created on the same days): luxon's zone arithmetic is worth caching.
  const key = `${zone}\u0000${raw}`;
  let parsed = dateCache.get(key);
  if (parsed === undefined) {
    if (dateCache.size > 20_000) dateCache.clear();
    parsed = parseCrmDateUncached(raw, zone);
    dateCache.set(key, parsed);
  }
  return parsed;
}
const dateCache = new Map<string, CrmDate | null>();

function parseCrmDateUncached(raw: string, zone: string): CrmDate | null {
  const text = raw.trim();
  const z = safeZone(zone);
  let parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number };
  let offset: string | undefined;
  let m = ISO.exec(text);
  if (m) {
    parts = { year: +m[1]!, month: +m[3]!, day: +m[4]! };
    if (m[5] !== undefined) {
      parts = { ...parts, hour: +m[5], minute: +m[6]!, second: m[7] ? +m[7] : 0, ms: m[8] ? Math.floor(+`0.${m[8]}` * 1000) : 0 };
    }
    offset = m[9];
  } else if ((m = SLASHED.exec(text))) {
    const [first, second] = [+m[1]!, +m[3]!];
    const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    parts = m[2] === '/' ? { year, month: first, day: second } : { year, month: second, day: first };
    if (m[5] !== undefined) {
      let hour = +m[5];
      const meridiem = m[8]?.toLowerCase()[0];
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
      }
      parts = { ...parts, hour, minute: +m[6]!, second: m[7] ? +m[7] : 0, ms: 0 };
    }
  } else {
    return null;
  }
  const timed = parts.hour !== undefined;
  const fields = { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0, millisecond: parts.ms ?? 0 };
  const at = offset
    ? DateTime.fromObject(fields, { zone: offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${normalizeOffset(offset)}` })
    : DateTime.fromObject(fields, { zone: z });
  // luxon rolls nothing over: 2026-02-30 or 25:00 is invalid rather than March or the next day.
  if (!at.isValid || at.year < 1900 || at.year > 2200) return null;
  return { at: at.toJSDate(), timed };
}

const normalizeOffset = (o: string) => (o.includes(':') || o.length === 3 ? o : `${o.slice(0, 3)}:${o.slice(3)}`);
