import { describe, expect, it } from 'vitest';
import {
  formatWorkDays,
  isWorkingTime,
  nextWorkingStart,
  parseWorkDays,
  parseWorkHours,
  planDayKey,
  planFirstTouches,
  workingDaysFrom,
} from '../../../src/coach/index.js';
import { inZone } from '../../../src/coach/local-day.js';
import { clock, lead, ZONE } from './fixtures.js';

const WEEK = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] };
const ny = (iso: string) => inZone(new Date(iso), ZONE).toFormat('ccc d LLL HH:mm');

describe('R2 working hours and days', () => {
  it('reads and writes days as a manager types them', () => {
    expect(parseWorkDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseWorkDays('Fri-Mon')).toEqual([1, 5, 6, 7]);
    expect(parseWorkDays('sunday')).toEqual([7]);
    for (const days of [[1, 2, 3, 4, 5], [1, 3, 5], [1, 2, 3, 5], [6, 7], [1, 2, 3, 4, 5, 6, 7]]) {
      expect(parseWorkDays(formatWorkDays(days))).toEqual(days);
    }
    expect(formatWorkDays([1, 2, 3, 4, 5])).toBe('mon-fri');
    expect(formatWorkDays([1, 3, 5])).toBe('mon,wed,fri');
  });

  it('refuses what is not a weekday list or an hour range, saying why', () => {
    expect(() => parseWorkDays('mon-fry')).toThrow(/"fry" is not a weekday/);
    expect(() => parseWorkDays('')).toThrow(/not a list of weekdays/);
    expect(() => parseWorkHours('18:00-09:00')).toThrow(/end after they start/);
    expect(() => parseWorkHours('9-5')).toThrow(/not a time of day/);
    expect(parseWorkHours('08:30-17:00')).toEqual({ start: '08:30', end: '17:00' });
  });

  it('working time is the hours of the working days, in the person\'s own zone', () => {
    expect(isWorkingTime(new Date('2026-11-25T15:00:00Z'), WEEK, ZONE)).toBe(true); // Wed 10:00
    expect(isWorkingTime(new Date('2026-11-25T23:30:00Z'), WEEK, ZONE)).toBe(false); // Wed 18:30
    expect(isWorkingTime(new Date('2026-11-28T15:00:00Z'), WEEK, ZONE)).toBe(false); // Sat
    expect(isWorkingTime(new Date('2026-11-25T15:00:00Z'), WEEK, 'Asia/Tokyo')).toBe(false); // Thu 00:00 there
  });

  it('the next working start skips evenings and weekends', () => {
    expect(nextWorkingStart(new Date('2026-11-25T15:00:00Z'), WEEK, ZONE).toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(ny(nextWorkingStart(new Date('2026-11-25T23:30:00Z'), WEEK, ZONE).toISOString())).toBe('Thu 26 Nov 09:00');
    expect(ny(nextWorkingStart(new Date('2026-11-27T23:30:00Z'), WEEK, ZONE).toISOString())).toBe('Mon 30 Nov 09:00');
    expect(ny(nextWorkingStart(new Date('2026-11-25T12:00:00Z'), WEEK, ZONE).toISOString())).toBe('Wed 25 Nov 09:00');
  });

  it('working days count today only while its hours last', () => {
    const days = (iso: string) => workingDaysFrom(new Date(iso), WEEK, ZONE, 3).map((d) => ny(d.toISOString()));
    expect(days('2026-11-25T15:00:00Z')).toEqual(['Wed 25 Nov 09:00', 'Thu 26 Nov 09:00', 'Fri 27 Nov 09:00']);
    expect(days('2026-11-25T23:30:00Z')).toEqual(['Thu 26 Nov 09:00', 'Fri 27 Nov 09:00', 'Mon 30 Nov 09:00']);
  });
});

describe('R2 the first-touch plan', () => {
  const untouched = (i: number, value: number) =>
    lead({ id: `imp-${String(i).padStart(3, '0')}`, imported: true, touchCount: 0, lastTouchAt: null, openStep: null, value });

  it('spreads first contacts over working days, highest priority first, at most new-per-day a day', () => {
    const leads = Array.from({ length: 25 }, (_, i) => untouched(i, 1000 + i * 10));
    const plan = planFirstTouches(leads, new Map(), WEEK, 10, clock);
    expect(plan).toHaveLength(25);
    const perDay = new Map<string, number>();
    for (const p of plan) perDay.set(planDayKey(p.dueAt, ZONE), (perDay.get(planDayKey(p.dueAt, ZONE)) ?? 0) + 1);
    expect([...perDay]).toEqual([['2026-11-25', 10], ['2026-11-26', 10], ['2026-11-27', 5]]);
    // The most valuable lead comes first, on today.
    expect(plan[0]).toMatchObject({ leadId: 'imp-024' });
    expect(planDayKey(plan[0]!.dueAt, ZONE)).toBe('2026-11-25');
    expect(planDayKey(plan.find((p) => p.leadId === 'imp-000')!.dueAt, ZONE)).toBe('2026-11-27');
    // Due by the end of its day.
    expect(ny(plan[0]!.dueAt.toISOString())).toBe('Wed 25 Nov 23:59');
  });

  it('counts the first contacts already planned, and skips days that are not working days', () => {
    const leads = Array.from({ length: 6 }, (_, i) => untouched(i, 1000));
    const already = new Map([['2026-11-25', 8], ['2026-11-26', 10]]);
    const plan = planFirstTouches(leads, already, WEEK, 10, clock);
    expect(plan.map((p) => planDayKey(p.dueAt, ZONE))).toEqual(['2026-11-25', '2026-11-25', '2026-11-27', '2026-11-27', '2026-11-27', '2026-11-27']);
    const friday = planFirstTouches(leads, new Map(), WEEK, 3, { now: new Date('2026-11-27T23:30:00Z'), zone: ZONE });
    expect(friday.map((p) => planDayKey(p.dueAt, ZONE))).toEqual(['2026-11-30', '2026-11-30', '2026-11-30', '2026-12-01', '2026-12-01', '2026-12-01']);
  });
});
