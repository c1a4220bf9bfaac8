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
    inbound: false,
    touchCount: 3,
    firstTouchAt: ago(29 * DAY),
    lastTouchAt: ago(5 * DAY),
    lastTouchChannel: 'email',
    lastOutcome: null,
    snoozedUntil: null,
    snoozeReason: null,
    snoozeCount: 0,
    snoozedDaysTotal: 0,
    revivedAt: null,
    wonAt: null,
    signalCount: 0,
    positiveSignalCount: 0,
    theirKept: 0,
    theirMissed: 0,
    touchesSinceEngagement: 1,
    referredBy: null,
    openStep: step({ dueAt: later(7 * DAY) }),
    ...over,
  };
}

let stepSeq = 0;
export function step(over: Partial<CoachStep> = {}): CoachStep {
  stepSeq += 1;
  return {
    id: `step-${stepSeq}`,
    action: 'call',
    dueAt: later(7 * DAY),
    allDay: true,
    promised: false,
    theirCommitment: null,
    theirStatus: null,
    origin: 'rep',
    ...over,
  };
}

/** Due today (end of the local day), not overdue. */
export const END_OF_TODAY = new Date('2026-11-26T04:59:59.999Z');
export const dueToday = (over: Partial<CoachStep> = {}) => step({ dueAt: END_OF_TODAY, ...over });
/** Due today at a time of day (local hour in New York, where NOW is 10:00). */
export const todayAt = (hour: number, over: Partial<CoachStep> = {}) =>
  step({ dueAt: new Date(Date.UTC(2026, 10, 25, hour + 5)), allDay: false, ...over });
/** Due yesterday: overdue by one day. */
export const overdue1 = (over: Partial<CoachStep> = {}) => step({ dueAt: new Date('2026-11-25T04:59:59.999Z'), ...over });
