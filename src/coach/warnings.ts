import { duration, plural } from './labels.js';
import { isOverdue, localDaysBetween } from './local-day.js';
import type { Clock, CoachLead } from './types.js';

export type Rule = 'R2' | 'R3' | 'R5' | 'R7' | 'R8' | 'R9' | 'R14';
export interface Warning {
  rule: Rule;
  text: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// R2: first contact within 1 hour.
export const SPEED_TO_LEAD_MS = HOUR;
// R7: no touch in 14 days is stalled.
export const NO_TOUCH_STALL_MS = 14 * DAY;
// R8: no more than one proactive touch per lead within 2 days.
export const PESTER_WINDOW_MS = 2 * DAY;
// R9: 4+ touches with no progress.
export const NO_PROGRESS_TOUCHES = 4;
// R14: the reminder to confirm a call by email stays this long.
const CONFIRM_WINDOW_MS = 3 * DAY;

export const isSnoozed = (lead: CoachLead, now: Date): boolean => lead.snoozedUntil !== null && now < lead.snoozedUntil;

/** Leads the coach speaks about at all: not lost, not snoozed. */
export const isActive = (lead: CoachLead, now: Date): boolean => lead.status !== 'lost' && !isSnoozed(lead, now);

// R2: a new arrival untouched after 1 hour. Imported leads and cold prospects are not new arrivals.
export function speedToLeadMissed(lead: CoachLead, { now }: Clock): Warning | null {
  if (lead.status !== 'open' || lead.touchCount > 0 || lead.imported || lead.tier === 'cold') return null;
  const age = now.getTime() - lead.createdAt.getTime();
  if (age <= SPEED_TO_LEAD_MS) return null;
  return { rule: 'R2', text: `no first contact ${duration(age)} after it came in` };
}

// R3: every touched open lead has a dated next step; cold prospects wait without one (R12).
export function needsNextStep(lead: CoachLead, { now }: Clock): boolean {
  return lead.status === 'open' && lead.touchCount > 0 && lead.openStep === null && lead.tier !== 'cold' && !isSnoozed(lead, now);
}

// R5: a promised step gone overdue is the most severe warning.
export function promiseOverdue(lead: CoachLead, { now, zone }: Clock): Warning | null {
  const step = lead.openStep;
  if (!step?.promised || !isOverdue(step.dueAt, now, zone)) return null;
  const days = localDaysBetween(step.dueAt, now, zone);
  return { rule: 'R5', text: `promised ${step.action} overdue ${plural(days, 'day')}` };
}

// R7: stopped at 1–2 touches — no open next step, or no touch in 14 days.
export function stoppedEarly(lead: CoachLead, { now }: Clock): boolean {
  if (lead.status !== 'open' || lead.touchCount < 1 || lead.touchCount > 2) return false;
  return lead.openStep === null || noTouchFor(lead, now, NO_TOUCH_STALL_MS);
}

export function noTouchFor(lead: CoachLead, now: Date, ms: number): boolean {
  return lead.lastTouchAt !== null && now.getTime() - lead.lastTouchAt.getTime() > ms;
}

export function stoppedEarlyWarning(lead: CoachLead, clock: Clock): Warning | null {
  if (!stoppedEarly(lead, clock)) return null;
  return { rule: 'R7', text: `stopped at ${plural(lead.touchCount, 'touch', 'touches')}: most sales take 5–12` };
}

// R9: every touch should move the sale forward.
export function noProgress(lead: CoachLead): Warning | null {
  if (lead.status !== 'open' || lead.touchesSinceProgress < NO_PROGRESS_TOUCHES) return null;
  return {
    rule: 'R9',
    text: `${lead.touchesSinceProgress} touches without progress: close it or change approach`,
  };
}

// R8: don't pester — unless the prospect asked for this step (they committed to their side).
export function touchedTooRecently(lead: CoachLead, { now }: Clock): Warning | null {
  if (lead.lastTouchAt === null || lead.openStep?.theirCommitment) return null;
  const since = now.getTime() - lead.lastTouchAt.getTime();
  if (since >= PESTER_WINDOW_MS) return null;
  return { rule: 'R8', text: `touched ${duration(since)} ago: give them room` };
}

// R14: after a call, confirm by email what was agreed.
export function confirmByEmail(lead: CoachLead, { now }: Clock): Warning | null {
  if (lead.lastTouchChannel !== 'call' || lead.lastTouchAt === null) return null;
  if (now.getTime() - lead.lastTouchAt.getTime() > CONFIRM_WINDOW_MS) return null;
  return { rule: 'R14', text: 'confirm by email what was agreed on the call' };
}
