import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDue, parseDueDate } from '../../../../src/slack/parse/dates.js';

const NY = 'America/New_York';
// Wednesday 25 Nov 2026, 10:00 in New York.
const WED = new Date('2026-11-25T15:00:00Z');
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();

function due(text: string, now: Date = WED, zone = NY) {
  const r = parseDueDate(text, { now, zone });
  if (!r.ok) throw new Error(`expected a date for "${text}", got: ${r.error}`);
  return r;
}
function refused(text: string, now: Date = WED, zone = NY): string {
  const r = parseDueDate(text, { now, zone });
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.due.toISOString()}`);
  return r.error;
}

describe('parseDueDate: what reps type (New York, Wed 25 Nov 2026 10:00)', () => {
  it.each([
    // A bare date is the end of that day in the rep's zone (docs/commands.md#dates).
    ['friday', '2026-11-27T23:59:59.999', true],
    ['fri', '2026-11-27T23:59:59.999', true],
    ['Friday.', '2026-11-27T23:59:59.999', true],
    ['FRI', '2026-11-27T23:59:59.999', true],
    ['on friday', '2026-11-27T23:59:59.999', true],
    ['(friday)', '2026-11-27T23:59:59.999', true],
    ['  friday ,', '2026-11-27T23:59:59.999', true],
    ['this friday', '2026-11-27T23:59:59.999', true],
    ['today', '2026-11-25T23:59:59.999', true],
    ['tomorrow', '2026-11-26T23:59:59.999', true],
    ['tmrw', '2026-11-26T23:59:59.999', true],
    ['in 3 days', '2026-11-28T23:59:59.999', true],
    ['next week', '2026-12-02T23:59:59.999', true],
    ['2026-12-01', '2026-12-01T23:59:59.999', true],
    ['dec 3', '2026-12-03T23:59:59.999', true],
    ['3 dec', '2026-12-03T23:59:59.999', true],
    ['jan 5', '2027-01-05T23:59:59.999', true],
    // chrono reads "next tuesday" as the coming one and "next fri" (said on a Wednesday) as next week's.
    ['next tuesday', '2026-12-01T23:59:59.999', true],
    ['next fri', '2026-12-04T23:59:59.999', true],
    // A time given: that instant, in the rep's zone.
    ['dec 3 2pm', '2026-12-03T14:00:00.000', false],
    ['tomorrow 9:30am', '2026-11-26T09:30:00.000', false],
    ['2026-12-01 10:00', '2026-12-01T10:00:00.000', false],
    ['noon', '2026-11-25T12:00:00.000', false],
    // chrono picks the nearest Monday, last week's; a weekday means the next one.
    ['monday at 2pm', '2026-11-30T14:00:00.000', false],
  ])('%s → %s local', (text, local, allDay) => {
    const r = due(text);
    expect(r.due).toEqual(at(local, NY));
    expect(r.allDay).toBe(allDay);
  });

  it('docs/commands.md#dates example: friday = Fri 27 Nov 23:59:59.999 New York = 2026-11-28T04:59:59.999Z', () => {
    expect(due('friday').due.toISOString()).toBe('2026-11-28T04:59:59.999Z');
  });

  it('takes explicit offsets and relative times as instants', () => {
    expect(due('in 3 hours').due.toISOString()).toBe('2026-11-25T18:00:00.000Z');
    expect(due('tomorrow 2pm EST').due.toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(due('2026-12-01T10:00:00Z').due.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(due('in 3 hours').allDay).toBe(false);
  });

  it('refuses text that is not wholly a date, naming it', () => {
    expect(refused('soon')).toBe(`I couldn't read "soon" as a date. Try friday, tomorrow, in 3 days or 2026-12-01.`);
    for (const text of ['friday maybe', 'call bob', 'asap', 'by friday', 'fri day', 'the 3rd', '12:00 or so', '🚀']) {
      expect(refused(text), text).toMatch(/^I couldn't read ".*" as a date/);
    }
  });

  it('refuses empty and huge input without echoing all of it', () => {
    expect(refused('')).toMatch(/Give a date/);
    expect(refused('   ')).toMatch(/Give a date/);
    const huge = refused('friday '.repeat(1500));
    expect(huge.length).toBeLessThan(200);
  });

  it('escapes what it echoes', () => {
    expect(refused('<!channel>')).toContain('"@channel"');
    expect(refused('a &amp; b')).toContain('"a &amp; b"');
  });
});

describe('parseDueDate: the past is refused', () => {
  it.each([
    ['yesterday', 'Tue 24 Nov is in the past'],
    ['2020-01-01', 'Wed 1 Jan 2020 is in the past'],
    ['today 9am', 'Wed 25 Nov 09:00 is in the past'],
    ['9am', 'Wed 25 Nov 09:00 is in the past'],
    ['last friday', 'Fri 20 Nov is in the past'],
    ['wednesday 9am', 'Wed 25 Nov 09:00 is in the past'],
  ])('%s', (text, message) => {
    const r = parseDueDate(text, { now: WED, zone: NY });
    expect(r).toMatchObject({ ok: false, reason: 'past' });
    expect(!r.ok && r.error).toContain(message);
  });

  it('a month and day without a year is the nearest one, so a recent day is refused, not moved a year on', () => {
    const dec5 = at('2026-12-05T10:00', NY);
    expect(refused('dec 3', dec5)).toContain('Thu 3 Dec is in the past');
  });

  it('today 11am at 10am, and now itself, are fine', () => {
    expect(due('today 11am').due).toEqual(at('2026-11-25T11:00', NY));
    expect(due('now').due).toEqual(WED);
  });
});

describe('parseDueDate: a weekday name is the next such day, today counting until its end', () => {
  const FRI_10AM = at('2026-11-27T10:00', NY);
  it('on Friday at 10:00, friday is today 23:59:59.999', () => {
    expect(due('friday', FRI_10AM)).toEqual({ ok: true, due: at('2026-11-27T23:59:59.999', NY), allDay: true });
  });
  it('on Friday, a later time today is today; an earlier one is refused, not moved a week', () => {
    expect(due('fri 2pm', FRI_10AM).due).toEqual(at('2026-11-27T14:00', NY));
    expect(refused('fri 9am', FRI_10AM)).toContain('Fri 27 Nov 09:00 is in the past');
  });
  it('other weekdays are the coming ones', () => {
    expect(due('thursday', FRI_10AM).due).toEqual(at('2026-12-03T23:59:59.999', NY));
    expect(due('sat', FRI_10AM).due).toEqual(at('2026-11-28T23:59:59.999', NY));
    expect(due('wed', WED).due).toEqual(at('2026-11-25T23:59:59.999', NY));
  });
  it('at the last millisecond of Friday it is still today; at Saturday midnight it is next week', () => {
    expect(due('friday', at('2026-11-27T23:59:59.999', NY)).due).toEqual(at('2026-11-27T23:59:59.999', NY));
    expect(due('friday', at('2026-11-28T00:00', NY)).due).toEqual(at('2026-12-04T23:59:59.999', NY));
  });
});

describe('parseDueDate: time zones', () => {
  it('the same text is a different instant in another zone', () => {
    expect(due('friday', WED, 'Europe/Berlin').due.toISOString()).toBe('2026-11-27T22:59:59.999Z');
    expect(due('dec 3 2pm', WED, 'Europe/Berlin').due.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(due('dec 3 2pm', WED, 'Asia/Tokyo').due.toISOString()).toBe('2026-12-03T05:00:00.000Z');
  });

  it("reads 'today' and weekdays on the rep's own calendar day", () => {
    // 15:00Z on Wednesday is already Thursday 00:00 in Tokyo.
    expect(due('today', WED, 'Asia/Tokyo').due.toISOString()).toBe('2026-11-26T14:59:59.999Z');
    expect(due('thursday', WED, 'Asia/Tokyo').due.toISOString()).toBe('2026-11-26T14:59:59.999Z');
    expect(due('wednesday', WED, 'Asia/Tokyo').due.toISOString()).toBe('2026-12-02T14:59:59.999Z');
    expect(due('wednesday', WED, 'Pacific/Honolulu').due.toISOString()).toBe('2026-11-26T09:59:59.999Z');
  });

  it('an unknown zone reads as UTC', () => {
    expect(due('friday', WED, 'Mars/Olympus_Mons').due.toISOString()).toBe('2026-11-27T23:59:59.999Z');
    expect(due('friday', WED, '').due.toISOString()).toBe('2026-11-27T23:59:59.999Z');
  });

  it('New York after DST ended (1 Nov 2026): the date keeps its local meaning', () => {
    const friOct30 = at('2026-10-30T12:00', NY); // EDT, UTC-4
    expect(due('2026-11-02', friOct30).due.toISOString()).toBe('2026-11-03T04:59:59.999Z'); // EST, UTC-5
    expect(due('nov 2 9am', friOct30).due.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(due('monday 9am', friOct30).due.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(due('in 3 days', friOct30).due.toISOString()).toBe('2026-11-03T04:59:59.999Z');
    // A relative time stays exact across the change.
    expect(due('in 48 hours', friOct30).due.toISOString()).toBe('2026-11-01T16:00:00.000Z');
  });

  it('Berlin when summer time starts (29 Mar 2026)', () => {
    const thuMar26 = at('2026-03-26T10:00', 'Europe/Berlin'); // CET, UTC+1
    expect(due('2026-03-30', thuMar26, 'Europe/Berlin').due.toISOString()).toBe('2026-03-30T21:59:59.999Z'); // CEST
    expect(due('mar 30 9am', thuMar26, 'Europe/Berlin').due.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(due('monday 9am', thuMar26, 'Europe/Berlin').due.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(due('sunday', thuMar26, 'Europe/Berlin').due.toISOString()).toBe('2026-03-29T21:59:59.999Z');
    // 02:30 does not exist that night: it becomes a real instant, not an invalid one.
    expect(due('mar 29 2:30am', thuMar26, 'Europe/Berlin').due.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('parseDueDate: independent of the server clock zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it.each(['UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(due('friday').due.toISOString()).toBe('2026-11-28T04:59:59.999Z');
    expect(due('in 3 days').due.toISOString()).toBe('2026-11-29T04:59:59.999Z');
    expect(due('dec 3 2pm').due.toISOString()).toBe('2026-12-03T19:00:00.000Z');
    expect(due('2026-11-02', at('2026-10-30T12:00', NY)).due.toISOString()).toBe('2026-11-03T04:59:59.999Z');
  });
});

describe('parseDueDate never throws', () => {
  it('on arbitrary text, instants and zones', () => {
    const zones = fc.constantFrom(NY, 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'Not/AZone');
    const now = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), now, zones, (text, now, zone) => {
        const r = parseDueDate(text, { now, zone });
        return r.ok ? r.due.getTime() >= now.getTime() : r.error.length > 0;
      }),
    );
  });
});

describe('formatDue', () => {
  it('shows all-day dates without a time and timed ones with it, in the rep zone', () => {
    expect(formatDue(new Date('2026-11-28T04:59:59.999Z'), NY, WED)).toBe('Fri 27 Nov');
    expect(formatDue(new Date('2026-12-03T19:00:00Z'), NY, WED)).toBe('Thu 3 Dec 14:00');
    expect(formatDue(new Date('2026-12-03T19:00:00Z'), 'Europe/Berlin', WED)).toBe('Thu 3 Dec 20:00');
  });
  it("adds the year only when it is not now's year in that zone", () => {
    expect(formatDue(at('2027-01-01T23:59:59.999', NY), NY, WED)).toBe('Fri 1 Jan 2027');
    expect(formatDue(new Date('2027-01-01T03:00:00Z'), NY, WED)).toBe('Thu 31 Dec 22:00');
    expect(formatDue(new Date('2027-01-01T03:00:00Z'), 'UTC', WED)).toBe('Fri 1 Jan 2027 03:00');
  });
  it('falls back to UTC for an unknown zone', () => {
    expect(formatDue(new Date('2026-11-27T23:59:59.999Z'), 'Nope/Nope', WED)).toBe('Fri 27 Nov');
  });
});
