import { describe, expect, it } from 'vitest';
import { morningDue, type RepSchedule } from '../../../src/jobs/morning-schedule.js';

const rep = (over: Partial<RepSchedule> = {}): RepSchedule => ({ userId: 'U1', tz: 'America/New_York', dmTime: '08:00', dmsPausedUntil: null, ...over });
const at = (iso: string) => new Date(iso);

describe('when the morning DM is due', () => {
  it('is due at the rep\'s own 08:00 in their zone, for their local day', () => {
    // Wed 25 Nov 2026: 08:00 in New York is 13:00 UTC.
    expect(morningDue(rep(), at('2026-11-25T12:59:00Z'))).toBeNull();
    expect(morningDue(rep(), at('2026-11-25T13:00:00Z'))).toEqual({ periodKey: '2026-11-25', at: at('2026-11-25T13:00:00Z') });
    // 09:00 UTC is 10:00 in Berlin (due, 2 hours late); 13:00 UTC is 14:00 there (past the catch-up window).
    expect(morningDue(rep({ tz: 'Europe/Berlin' }), at('2026-11-25T09:00:00Z'))?.periodKey).toBe('2026-11-25');
    expect(morningDue(rep({ tz: 'Europe/Berlin' }), at('2026-11-25T13:00:00Z'))).toBeNull();
    // 23:00 UTC Wednesday is 08:00 Thursday in Tokyo: Thursday's DM.
    expect(morningDue(rep({ tz: 'Asia/Tokyo' }), at('2026-11-25T23:00:00Z'))?.periodKey).toBe('2026-11-26');
  });

  it('takes a DM time to the minute', () => {
    expect(morningDue(rep({ dmTime: '07:30' }), at('2026-11-25T12:29:00Z'))).toBeNull();
    expect(morningDue(rep({ dmTime: '07:30' }), at('2026-11-25T12:30:00Z'))).not.toBeNull();
  });

  it('catches up to 4 hours late, never later', () => {
    expect(morningDue(rep(), at('2026-11-25T17:00:00Z'))).not.toBeNull();
    expect(morningDue(rep(), at('2026-11-25T17:00:01Z'))).toBeNull();
  });

  it('follows DST: 08:00 New York is 12:00 UTC before the change and 13:00 after', () => {
    // DST ended Sun 1 Nov 2026. Fri 30 Oct is EDT (UTC-4), Mon 2 Nov is EST (UTC-5).
    expect(morningDue(rep(), at('2026-10-30T12:00:00Z'))?.at).toEqual(at('2026-10-30T12:00:00Z'));
    expect(morningDue(rep(), at('2026-11-02T12:00:00Z'))).toBeNull();
    expect(morningDue(rep(), at('2026-11-02T13:00:00Z'))?.at).toEqual(at('2026-11-02T13:00:00Z'));
    // Europe moves on a different Sunday (29 Mar 2026): Mon 30 Mar 08:00 Berlin is 06:00 UTC.
    expect(morningDue(rep({ tz: 'Europe/Berlin' }), at('2026-03-30T06:00:00Z'))?.periodKey).toBe('2026-03-30');
  });

  it('skips weekends in the rep\'s zone', () => {
    // Sat 28 Nov in New York.
    expect(morningDue(rep(), at('2026-11-28T14:00:00Z'))).toBeNull();
    // Mon 30 Nov 08:00 in Auckland is still Sunday in UTC.
    expect(morningDue(rep({ tz: 'Pacific/Auckland' }), at('2026-11-29T19:00:00Z'))?.periodKey).toBe('2026-11-30');
  });

  it('is paused until the date the rep set, and an unknown zone counts as UTC', () => {
    expect(morningDue(rep({ dmsPausedUntil: at('2026-11-26T05:00:00Z') }), at('2026-11-25T13:00:00Z'))).toBeNull();
    expect(morningDue(rep({ dmsPausedUntil: at('2026-11-25T05:00:00Z') }), at('2026-11-25T13:00:00Z'))).not.toBeNull();
    expect(morningDue(rep({ tz: 'Mars/Olympus' }), at('2026-11-25T08:00:00Z'))?.periodKey).toBe('2026-11-25');
  });
});
