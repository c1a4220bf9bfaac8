import { describe, expect, it } from 'vitest';
import { digestDue, type TeamSchedule } from '../../../src/jobs/digest-schedule.js';

const team = (over: Partial<TeamSchedule> = {}): TeamSchedule => ({ digestChannel: 'C0SALES', digestDay: 1, digestTime: '09:00', teamTz: 'America/Chicago', ...over });
const at = (iso: string) => new Date(iso);

describe('when the weekly digest is due', () => {
  it('is Monday 09:00 in the team zone by default, reporting the week before', () => {
    // Mon 30 Nov 2026, 09:00 in Chicago is 15:00 UTC.
    expect(digestDue(team(), at('2026-11-30T14:59:00Z'))).toBeNull();
    expect(digestDue(team(), at('2026-11-30T15:00:00Z'))).toEqual({
      periodKey: '2026-W49',
      from: at('2026-11-23T06:00:00Z'),
      to: at('2026-11-30T06:00:00Z'),
    });
    expect(digestDue(team(), at('2026-11-30T19:00:01Z'))).toBeNull();
  });

  it('follows digest-day, digest-time and the team zone', () => {
    expect(digestDue(team({ digestDay: 5, digestTime: '16:30', teamTz: 'Europe/Berlin' }), at('2026-11-27T15:30:00Z'))?.periodKey).toBe('2026-W48');
    expect(digestDue(team({ digestDay: 5 }), at('2026-11-30T15:00:00Z'))).toBeNull();
  });

  it('is never due without a channel', () => {
    expect(digestDue(team({ digestChannel: null }), at('2026-11-30T15:00:00Z'))).toBeNull();
  });
});
