import { DateTime } from 'luxon';
import { endOfLocalDay } from '../coach/local-day.js';

/** A moment in a person's own zone: whole days from the demo's Monday (negative: before it), and the local time. */
export type When = readonly [day: number, time: string];

/** The demo plays the Monday of the current week, so its dates read as this week's. */
export function demoMonday(realNow: Date = new Date()): string {
  return DateTime.fromJSDate(realNow, { zone: 'UTC' }).startOf('week').toISODate()!;
}

/** One person's calendar around the demo's Monday. */
export interface LocalCalendar {
  zone: string;
  at(when: When): Date;
  /** A bare date, as a rep types it: the end of that local day. */
  endOfDay(day: number): Date;
}

export function localCalendar(monday: string, zone: string): LocalCalendar {
  const midnight = DateTime.fromISO(monday, { zone });
  const at = ([day, time]: When): Date => {
    const [hour, minute] = time.split(':').map(Number);
    return midnight.plus({ days: day }).set({ hour, minute }).toJSDate();
  };
  return { zone, at, endOfDay: (day) => endOfLocalDay(at([day, '12:00']), zone) };
}
