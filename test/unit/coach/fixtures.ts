import type { CoachLead, CoachStep } from '../../../src/coach/types.js';

// Wednesday 25 Nov 2026, 10:00 in New York.
export const NOW = new Date('2026-11-25T15:00:00Z');
export const ZONE = 'America/New_York';
export const clock = { now: NOW, zone: ZONE };
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ago = (ms: number) => new Date(NOW.getTime() - ms);
export const later = (ms: number) => new Date(NOW.getTime() + ms);

let seq = 0;
/** A touched, open lead with a step due next week: in no queue and no warning until a test changes it. */
export function lead(over: Partial<CoachLead> = {}): CoachLead {
  seq += 1;
  return {
    id: `lead-${String(seq).padStart(4, '0')}`,
    name: `Lead ${seq}`,
    company: null,
    ownerId: 'U1',
    tier: 'lead',
    value: 1000,
    status: 'open',
    createdAt: ago(30 * DAY),
    imported: false,
    touchCount: 3,
    firstTouchAt: ago(29 * DAY),
    lastTouchAt: ago(5 * DAY),
    lastTouchChannel: 'email',
    snoozedUntil: null,
    revivedAt: null,
    wonAt: null,
    signalCount: 0,
    theirKept: 0,
    theirMissed: 0,
    touchesSinceProgress: 1,
    openStep: step({ dueAt: later(7 * DAY) }),
    ...over,
  };
}

export function step(over: Partial<CoachStep> = {}): CoachStep {
  return { action: 'call', dueAt: later(7 * DAY), allDay: true, promised: false, theirCommitment: null, origin: 'rep', ...over };
}

/** Due today (end of the local day), not overdue. */
export const dueToday = () => step({ dueAt: new Date('2026-11-26T04:59:59.999Z') });
/** Due yesterday: overdue by one day. */
export const overdue1 = (over: Partial<CoachStep> = {}) => step({ dueAt: new Date('2026-11-25T04:59:59.999Z'), ...over });
