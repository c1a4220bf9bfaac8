import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../../src/slack/parse/subcommands.js';

const ctx = { now: new Date('2026-11-25T15:00:00Z'), zone: 'America/New_York' };
const value = (text: string) => {
  const r = parseSettings(text, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (text: string) => {
  const r = parseSettings(text, ctx);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return r.error;
};

describe('settings: working time, new leads a day and check-ins (R2, R11)', () => {
  it('reads hours, days, new-per-day and checkin-days', () => {
    expect(value('hours:08:30-17:00 days:mon-fri new-per-day:12 checkin-days:60')).toMatchObject({
      workStart: '08:30',
      workEnd: '17:00',
      workDays: [1, 2, 3, 4, 5],
      newPerDay: 12,
      checkinDays: 60,
    });
    expect(value('hours:9:00-18:00')).toMatchObject({ workStart: '09:00', workEnd: '18:00' });
    expect(value('days:mon,wed,fri')).toMatchObject({ workDays: [1, 3, 5] });
  });

  it('refuses bad values, saying what to write', () => {
    expect(error('hours:18:00-09:00')).toBe('hours: takes the working day\'s start and end, like 09:00-18:00 (not "18:00-09:00").');
    expect(error('hours:9-5')).toMatch(/like 09:00-18:00/);
    expect(error('days:someday')).toBe('days: takes working days like mon-fri or mon,wed,fri (not "someday").');
    expect(error('new-per-day:0')).toBe('new-per-day: takes a whole number from 1 to 50 (not "0").');
    expect(error('new-per-day:51')).toMatch(/from 1 to 50/);
    expect(error('checkin-days:6')).toBe('checkin-days: takes a whole number from 7 to 365 (not "6").');
    expect(error('checkin-days:ninety')).toMatch(/from 7 to 365/);
  });
});
