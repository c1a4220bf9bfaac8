import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { arrivalLookbackMs, firstHourEnds, managerNoteDue, ownerAlertDue, reminderDue } from '../../../src/coach/arrival-times.js';
import { addWorkingMs, DEFAULT_WORK_WEEK, workingMsBetween } from '../../../src/coach/index.js';
import { inZone } from '../../../src/coach/local-day.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const WEEK = DEFAULT_WORK_WEEK; // 09:00–18:00, Monday to Friday
const EVERY_DAY = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6, 7] };
/** An instant given as wall-clock time in a zone: local('2026-11-28T02:00', NY). */
const local = (wall: string, zone: string) => DateTime.fromISO(wall, { zone }).toJSDate();
const wall = (at: Date, zone: string) => inZone(at, zone).toFormat('ccc d LLL HH:mm');
const between = (a: string, b: string, zone: string, week = WEEK) => workingMsBetween(local(a, zone), local(b, zone), week, zone);

describe('R2 working time: the overlap with each working day\'s hours', () => {
  it('counts only the hours of working days: evenings, nights and weekends are not working time', () => {
    expect(between('2026-11-25T10:00', '2026-11-25T12:30', NY)).toBe(2.5 * HOUR); // Wed, inside the hours
    expect(between('2026-11-25T20:00', '2026-11-26T09:30', NY)).toBe(30 * MIN); // Wed evening to Thu morning
    expect(between('2026-11-27T17:00', '2026-11-30T10:00', NY)).toBe(2 * HOUR); // Fri 17:00 to Mon 10:00
    expect(between('2026-11-28T02:00', '2026-11-30T09:00', NY)).toBe(0); // Saturday night to Monday's start
    expect(between('2026-11-28T02:00', '2026-11-30T10:00', NY)).toBe(HOUR);
    expect(between('2026-11-23T09:00', '2026-11-30T09:00', NY)).toBe(45 * HOUR); // a whole week
    expect(between('2026-11-25T12:00', '2026-11-25T10:00', NY)).toBe(0); // backwards: none
  });

  it('adds working time across evenings and weekends, and an arrival outside the hours counts from the next start', () => {
    const add = (from: string, ms: number, zone: string, week = WEEK) => wall(addWorkingMs(local(from, zone), ms, week, zone), zone);
    expect(add('2026-11-25T10:00', HOUR, NY)).toBe('Wed 25 Nov 11:00');
    expect(add('2026-11-25T17:30', HOUR, NY)).toBe('Thu 26 Nov 09:30');
    expect(add('2026-11-28T02:00', HOUR, NY)).toBe('Mon 30 Nov 10:00');
    expect(add('2026-11-27T17:00', 10 * HOUR, NY)).toBe('Mon 30 Nov 18:00'); // 1 hour on Friday, 9 on Monday
    expect(add('2026-11-28T02:00', 0, NY)).toBe('Sat 28 Nov 02:00');
    expect(add('2026-11-28T02:00', HOUR, NY, { start: '09:00', end: '18:00', days: [6] })).toBe('Sat 28 Nov 10:00');
  });

  it('adding then measuring gives back what was added, in any zone', () => {
    for (const zone of [NY, BERLIN, TOKYO, 'UTC']) {
      for (let h = 0; h < 24 * 9; h += 7) {
        const from = new Date(Date.UTC(2026, 2, 1) + h * HOUR + 13 * MIN);
        for (const ms of [MIN, HOUR, 5 * HOUR + 17 * MIN, 30 * HOUR]) {
          expect(workingMsBetween(from, addWorkingMs(from, ms, WEEK, zone), WEEK, zone)).toBe(ms);
        }
      }
    }
  });

  it('a DST day keeps its hours: 09:00–18:00 wall clock is 9 hours on the day the clocks change (Berlin)', () => {
    // Sunday 29 March 2026: clocks go forward at 02:00; Sunday 25 October: back at 03:00.
    expect(between('2026-03-29T00:00', '2026-03-30T00:00', BERLIN, EVERY_DAY)).toBe(9 * HOUR);
    expect(between('2026-10-25T00:00', '2026-10-26T00:00', BERLIN, EVERY_DAY)).toBe(9 * HOUR);
    // The working day starts at 09:00 local either side of the change: 08:00 UTC before, 07:00 after.
    expect(addWorkingMs(local('2026-03-28T20:00', BERLIN), HOUR, EVERY_DAY, BERLIN).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(addWorkingMs(local('2026-03-29T20:00', BERLIN), HOUR, EVERY_DAY, BERLIN).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('a DST weekend in New York: Friday evening to Monday morning is the same working time, the start an hour earlier in UTC', () => {
    // Sunday 8 March 2026: clocks go forward. Monday's 09:00 is 13:00 UTC, Friday's was 14:00 UTC.
    expect(between('2026-03-06T17:30', '2026-03-09T09:30', NY)).toBe(HOUR);
    expect(addWorkingMs(local('2026-03-06T17:30', NY), HOUR, WEEK, NY).toISOString()).toBe('2026-03-09T13:30:00.000Z');
    // And back on Sunday 1 November 2026: Monday's 09:00 is 14:00 UTC again.
    expect(addWorkingMs(local('2026-10-30T17:30', NY), HOUR, WEEK, NY).toISOString()).toBe('2026-11-02T14:30:00.000Z');
  });

  it('is read in each person\'s own zone: the same two instants are different working time in zones far apart', () => {
    // Mon 30 Nov 00:00 to 15:00 UTC: 09:00–18:00 in Tokyo (9 hours), 19:00 Sun–10:00 Mon in New York (1 hour).
    const from = new Date('2026-11-30T00:00:00Z');
    const to = new Date('2026-11-30T15:00:00Z');
    expect(workingMsBetween(from, to, WEEK, TOKYO)).toBe(9 * HOUR);
    expect(workingMsBetween(from, to, WEEK, NY)).toBe(HOUR);
    expect(workingMsBetween(from, to, WEEK, BERLIN)).toBe(7 * HOUR); // 01:00–16:00 there: 09:00–16:00
  });
});

describe('R2 when the speed-to-lead job speaks, in working time', () => {
  const saturday = local('2026-11-28T02:00', NY);

  it('a Saturday 02:00 lead: the owner on Monday 09:00, the reminder and the manager at 10:00, nobody at night', () => {
    for (const at of ['2026-11-28T02:00', '2026-11-28T03:01', '2026-11-29T14:00', '2026-11-30T08:59']) {
      const t = local(at, NY);
      expect([ownerAlertDue(saturday, t, WEEK, NY), reminderDue(saturday, t, WEEK, NY), managerNoteDue(saturday, t, WEEK, NY, NY)]).toEqual([false, false, false]);
    }
    expect(ownerAlertDue(saturday, local('2026-11-30T09:00', NY), WEEK, NY)).toBe(true);
    expect(reminderDue(saturday, local('2026-11-30T09:59', NY), WEEK, NY)).toBe(false);
    expect(wall(firstHourEnds(saturday, WEEK, NY), NY)).toBe('Mon 30 Nov 10:00');
    expect(ownerAlertDue(saturday, local('2026-11-30T10:00', NY), WEEK, NY)).toBe(false);
    expect(reminderDue(saturday, local('2026-11-30T10:00', NY), WEEK, NY)).toBe(true);
    expect(managerNoteDue(saturday, local('2026-11-30T10:00', NY), WEEK, NY, NY)).toBe(true);
  });

  it('the manager is told only inside the manager\'s own hours, however far apart the zones', () => {
    // Owner in Tokyo, lead at Mon 09:00 there; their hour is over at 10:00 Tokyo = Sun 20:00 in New York.
    const arrival = local('2026-11-30T09:00', TOKYO);
    const over = firstHourEnds(arrival, WEEK, TOKYO);
    expect(reminderDue(arrival, over, WEEK, TOKYO)).toBe(true);
    expect(managerNoteDue(arrival, over, WEEK, TOKYO, NY)).toBe(false);
    expect(managerNoteDue(arrival, local('2026-11-30T08:59', NY), WEEK, TOKYO, NY)).toBe(false);
    expect(managerNoteDue(arrival, local('2026-11-30T09:00', NY), WEEK, TOKYO, NY)).toBe(true);
  });

  it('a lead stays eligible for a working day after its hour, then it is the digest\'s business', () => {
    const wed = local('2026-11-25T10:00', NY); // hour over at 11:00
    expect(reminderDue(wed, local('2026-11-26T11:00', NY), WEEK, NY)).toBe(true); // 9 working hours on
    expect(reminderDue(wed, local('2026-11-26T11:01', NY), WEEK, NY)).toBe(false);
    // A Friday 17:30 lead is still reminded on Monday: the weekend is no working time.
    expect(reminderDue(local('2026-11-27T17:30', NY), local('2026-11-30T10:00', NY), WEEK, NY)).toBe(true);
    // The database is asked far enough back to cover that, however thin the week.
    expect(arrivalLookbackMs(WEEK)).toBeGreaterThanOrEqual(9 * 24 * HOUR);
    expect(arrivalLookbackMs({ start: '09:00', end: '10:00', days: [3] })).toBeGreaterThanOrEqual(4 * 7 * 24 * HOUR);
  });
});
