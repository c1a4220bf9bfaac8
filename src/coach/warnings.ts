import { duration, plural } from './labels.js';
import { inZone, isDueByToday, isOverdue, localDaysBetween } from './local-day.js';
import type { Clock, CoachLead, CoachStep, WorkWeek } from './types.js';
import { workingMsBetween } from './working-time.js';

export { DEFAULT_WORK_WEEK } from './working-time.js';

export type Rule = 'R2' | 'R3' | 'R5' | 'R7' | 'R8' | 'R9' | 'R14';
export interface Warning {
  rule: Rule;
  text: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// R2: first contact within 1 hour of working time.
export const SPEED_TO_LEAD_MS = HOUR;
// R7: no touch in 14 days is stalled.
export const NO_TOUCH_STALL_MS = 14 * DAY;
// R8: no more than one proactive touch per lead within 2 days.
export const PESTER_WINDOW_MS = 2 * DAY;
// R9: 4+ touches with no engagement at all: offer the choice (change approach or close it).
export const NO_REPLY_TOUCHES = 4;
// R14: the reminder to confirm a call by email stays this long.
const CONFIRM_WINDOW_MS = 3 * DAY;

export const isSnoozed = (lead: CoachLead, now: Date): boolean => lead.snoozedUntil !== null && now < lead.snoozedUntil;

/** Leads the coach speaks about at all: not lost, not snoozed. */
export const isActive = (lead: CoachLead, now: Date): boolean => lead.status !== 'lost' && !isSnoozed(lead, now);

/** "14:00" when the step has a time of day, in the viewer's zone; '' for an all-day step. */
export const stepTime = (step: Pick<CoachStep, 'dueAt' | 'allDay'>, zone: string): string =>
  step.allDay ? '' : inZone(step.dueAt, zone).toFormat('HH:mm');

/** How long a step has been overdue: hours for a timed step ("3 hours"), calendar days for an all-day one. */
export function overdueFor(step: Pick<CoachStep, 'dueAt' | 'allDay'>, { now, zone }: Clock): string {
  if (!step.allDay) return duration(now.getTime() - step.dueAt.getTime());
  return plural(Math.max(localDaysBetween(step.dueAt, now, zone), 1), 'day');
}

/**
 * R2: a new arrival — inbound, never touched, open, not imported, not cold (R12) and not a customer.
 * Hand-added leads (unless added as inbound), imported leads and customers are not new arrivals.
 */
export const isNewArrival = (lead: Pick<CoachLead, 'inbound' | 'status' | 'touchCount' | 'imported' | 'tier'>): boolean =>
  lead.inbound && lead.status === 'open' && lead.touchCount === 0 && !lead.imported && lead.tier !== 'cold' && lead.tier !== 'customer';

// R2: a new arrival still untouched one hour of working time after it came in (an arrival outside
// working hours counts from the next working start), in the zone of the clock: the owner's for a queue.
export function speedToLeadMissed(lead: CoachLead, { now, zone }: Clock, week: WorkWeek): Warning | null {
  if (!isNewArrival(lead)) return null;
  const working = workingMsBetween(lead.createdAt, now, week, zone);
  if (working < SPEED_TO_LEAD_MS) return null;
  const wall = now.getTime() - lead.createdAt.getTime();
  // Said in plain hours while all of it was working time; else in working hours, which is what counts.
  const age = working === wall ? duration(wall) : plural(Math.floor(working / HOUR), 'working hour');
  return { rule: 'R2', text: `no first contact ${age} after it came in` };
}

// R3: every touched open lead has a dated next step; cold prospects wait without one (R12).
export function needsNextStep(lead: CoachLead, { now }: Clock): boolean {
  return lead.status === 'open' && lead.touchCount > 0 && lead.openStep === null && lead.tier !== 'cold' && !isSnoozed(lead, now);
}

// R5: a promised step gone overdue is the most severe warning; a timed one is overdue from its time.
export function promiseOverdue(lead: CoachLead, clock: Clock): Warning | null {
  const step = lead.openStep;
  if (!step?.promised || !isOverdue(step, clock.now, clock.zone)) return null;
  return { rule: 'R5', text: `promised ${step.action} overdue ${overdueFor(step, clock)}` };
}

// R5: a promised step due today and not yet overdue: "call promised for today at 14:00".
export function promiseDueToday(lead: CoachLead, clock: Clock): Warning | null {
  const step = lead.openStep;
  if (!step?.promised || isOverdue(step, clock.now, clock.zone) || !isDueByToday(step.dueAt, clock.now, clock.zone)) return null;
  const time = stepTime(step, clock.zone);
  return { rule: 'R5', text: `${step.action} promised for today${time ? ` at ${time}` : ''}` };
}

// docs/rules.md#r7: stopped at 1–2 touches with nothing scheduled. A step still to come is persistence, however far off.
export function stoppedEarly(lead: CoachLead, _clock?: Clock): boolean {
  return lead.status === 'open' && lead.touchCount >= 1 && lead.touchCount <= 2 && lead.openStep === null;
}

export function noTouchFor(lead: CoachLead, now: Date, ms: number): boolean {
  return lead.lastTouchAt !== null && now.getTime() - lead.lastTouchAt.getTime() > ms;
}

export function stoppedEarlyWarning(lead: CoachLead, clock: Clock): Warning | null {
  if (!stoppedEarly(lead, clock)) return null;
  return { rule: 'R7', text: stoppedAtText(lead.touchCount) };
}

/** R7 in words. A lead with no next step after 1–2 touches (R3's section) has stopped early by definition. */
export const stoppedAtText = (touchCount: number): string => `stopped at ${plural(touchCount, 'touch', 'touches')}: most sales take 5–12`;

/** What R3's "No next step" section says beside a lead: R7's warning when it stopped after 1–2 touches. */
export const noNextStepNote = (lead: Pick<CoachLead, 'touchCount'>): string | null =>
  lead.touchCount >= 1 && lead.touchCount <= 2 ? stoppedAtText(lead.touchCount) : null;

// R9 with R7: a lead that showed engagement is never told to give up; only 4+ touches with no reply
// at all since the last engagement offer the choice — another way, or close it.
export const offersChangeApproach = (lead: CoachLead): boolean =>
  lead.status === 'open' && lead.touchesSinceEngagement >= NO_REPLY_TOUCHES;

export function changeApproach(lead: CoachLead): Warning | null {
  if (!offersChangeApproach(lead)) return null;
  return { rule: 'R9', text: `${lead.touchesSinceEngagement} touches with no reply — try another way or close it` };
}

// R8: don't pester — said only on steps the coach proposed (a rep's own date is the rep's call), and not
// when the prospect asked for this step (they committed to their side).
export function touchedTooRecently(lead: CoachLead, { now }: Clock): Warning | null {
  const step = lead.openStep;
  if (lead.lastTouchAt === null || step?.origin !== 'coach' || step.theirCommitment) return null;
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
