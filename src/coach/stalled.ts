import { duration, plural } from './labels.js';
import { isOverdue, localDaysBetween } from './local-day.js';
import type { Clock, CoachLead, CoachStep, WorkWeek } from './types.js';
import { isSnoozed, needsNextStep, NO_TOUCH_STALL_MS, noTouchFor, overdueFor, promiseOverdue, speedToLeadMissed, stoppedEarly } from './warnings.js';

const DAY = 86_400_000;
// R15: "gone quiet" only when nothing is coming up within this long.
export const COMING_UP_MS = 7 * DAY;
// R15: a parked lead is flagged when snoozed this often, or for more than this many days in all.
export const PARKED_FLAG_SNOOZES = 3;
export const PARKED_FLAG_DAYS = 60;

// R15: what needs a manager's attention, most severe first. A lead is listed once, under the first that applies.
export const STALL_REASONS = ['missed-promise', 'first-hour-missed', 'overdue', 'stopped-early', 'no-next-step', 'gone-quiet'] as const;
export type StallReason = (typeof STALL_REASONS)[number];

export const STALL_LABEL: Record<StallReason, string> = {
  'missed-promise': 'Promised step missed',
  'first-hour-missed': 'New lead not contacted within its first working hour',
  overdue: 'Next step overdue',
  'stopped-early': 'Stopped after 1–2 touches, nothing scheduled',
  'no-next-step': 'No dated next step',
  'gone-quiet': 'No touch in 14 days, nothing coming up',
};

/** The same reasons in a few words, said beside the reason a lead is listed under. */
export const STALL_SHORT: Record<StallReason, string> = {
  'missed-promise': 'promise missed',
  'first-hour-missed': 'first hour missed',
  overdue: 'step overdue',
  'stopped-early': 'stopped early',
  'no-next-step': 'no next step',
  'gone-quiet': 'no touch in 14 days',
};

export interface Stall {
  reason: StallReason;
  /** The other reasons that apply, in a few words. */
  others: string[];
  /** What it is, for a manager: "promised call overdue 3 days", "stopped at 1 touch, nothing scheduled". */
  detail: string;
  stuckDays: number;
}


const daysSince = (d: Date | null, now: Date) => (d ? Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY)) : 0);
/** Whole days a step has been overdue: calendar days for an all-day step (as "overdue 1 day" says), else 24-hour days. */
const stepStuckDays = (step: CoachStep, { now, zone }: Clock) =>
  step.allDay ? Math.max(localDaysBetween(step.dueAt, now, zone), 1) : daysSince(step.dueAt, now);
const lastTouch = (lead: CoachLead, now: Date) => (lead.lastTouchAt ? `last touch ${duration(now.getTime() - lead.lastTouchAt.getTime())} ago` : 'never touched');

/** A step the coach itself proposed on a cold prospect does not count as due (docs/rules.md#r12). */
const countedStep = (lead: CoachLead) => (lead.tier === 'cold' && lead.openStep?.origin === 'coach' ? null : lead.openStep);

// docs/rules.md#r7: 1–2 touches and nothing scheduled. Cold prospects wait without a step (R12).
const stoppedEarlyStall = (lead: CoachLead): boolean => lead.tier !== 'cold' && stoppedEarly(lead);

// docs/rules.md#r15: touched, no touch in 14 days, and nothing due within the next 7.
function goneQuiet(lead: CoachLead, { now }: Clock): boolean {
  if (lead.status !== 'open' || lead.tier === 'cold' || !noTouchFor(lead, now, NO_TOUCH_STALL_MS)) return false;
  const step = countedStep(lead);
  return step === null || step.dueAt.getTime() - now.getTime() > COMING_UP_MS;
}

/** Each reason that applies, with what it is and for how many days, most severe first. */
function applying(lead: CoachLead, clock: Clock, week: WorkWeek): { reason: StallReason; detail: string; stuckDays: number }[] {
  const { now } = clock;
  const out: { reason: StallReason; detail: string; stuckDays: number }[] = [];
  const step = countedStep(lead);
  const promise = promiseOverdue(lead, clock);
  if (promise && step) out.push({ reason: 'missed-promise', detail: promise.text, stuckDays: stepStuckDays(step, clock) });
  const firstHour = speedToLeadMissed(lead, clock, week);
  if (firstHour) out.push({ reason: 'first-hour-missed', detail: firstHour.text, stuckDays: daysSince(lead.createdAt, now) });
  if (step && !step.promised && isOverdue(step, now, clock.zone)) {
    const what = step.origin === 'plan' ? 'planned first contact' : step.action;
    out.push({ reason: 'overdue', detail: `${what} overdue ${overdueFor(step, clock)}`, stuckDays: stepStuckDays(step, clock) });
  }
  if (stoppedEarlyStall(lead)) {
    out.push({ reason: 'stopped-early', detail: `stopped at ${plural(lead.touchCount, 'touch', 'touches')}, nothing scheduled`, stuckDays: daysSince(lead.lastTouchAt, now) });
  }
  if (needsNextStep(lead, clock)) out.push({ reason: 'no-next-step', detail: `no dated next step, ${lastTouch(lead, now)}`, stuckDays: daysSince(lead.lastTouchAt, now) });
  if (goneQuiet(lead, clock)) {
    out.push({ reason: 'gone-quiet', detail: `no touch in ${plural(daysSince(lead.lastTouchAt, now), 'day')}, nothing due within a week`, stuckDays: daysSince(lead.lastTouchAt, now) });
  }
  return out;
}

/**
 * docs/rules.md#r15: why this lead needs a manager's attention, under its most severe reason, or null.
 * Lost and snoozed leads are never stalled (snoozed ones are parked); a cold prospect with nothing due and
 * a lead on schedule are not either.
 */
export function stallOf(lead: CoachLead, clock: Clock, week: WorkWeek): Stall | null {
  if (lead.status === 'lost' || isSnoozed(lead, clock.now)) return null;
  const [first, ...rest] = applying(lead, clock, week);
  if (!first) return null;
  return { reason: first.reason, others: rest.map((r) => STALL_SHORT[r.reason]), detail: first.detail, stuckDays: first.stuckDays };
}

export interface Parked {
  lead: CoachLead;
  reason: string | null;
  until: Date;
  /** Snoozed 3 times or more, or more than 60 days in all: worth a question. */
  flagged: boolean;
}

/** docs/rules.md#r15: a snoozed lead is parked until it wakes, apart from the stalled ones. */
export function parkedOf(lead: CoachLead, now: Date): Parked | null {
  if (lead.status === 'lost' || !isSnoozed(lead, now)) return null;
  const flagged = lead.snoozeCount >= PARKED_FLAG_SNOOZES || lead.snoozedDaysTotal > PARKED_FLAG_DAYS;
  return { lead, reason: lead.snoozeReason, until: lead.snoozedUntil!, flagged };
}

export interface StalledLead {
  lead: CoachLead;
  stall: Stall;
}

// Code-unit order: the same on every machine, whatever its locale.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const severity = (r: StallReason) => STALL_REASONS.indexOf(r);

/** The stalled leads among these, each once: by owner, then severity, then longest stuck, then name. */
export function stalledLeads(leads: readonly CoachLead[], clock: Clock, week: WorkWeek): StalledLead[] {
  const out: StalledLead[] = [];
  for (const lead of leads) {
    const stall = stallOf(lead, clock, week);
    if (stall) out.push({ lead, stall });
  }
  return out.sort(
    (a, b) =>
      compareText(a.lead.ownerId, b.lead.ownerId) ||
      severity(a.stall.reason) - severity(b.stall.reason) ||
      b.stall.stuckDays - a.stall.stuckDays ||
      compareText(a.lead.name, b.lead.name) ||
      compareText(a.lead.id, b.lead.id),
  );
}

export interface StalledGroup {
  count: number;
  /** The first names (longest stuck first): a message lists a few and counts the rest. */
  names: string[];
  /** Beside each name, what it is and the other reasons in a few words ("call overdue 3 days; also no touch in 14 days"). */
  details?: string[];
}

/** One rep's stalled leads, each once under its most severe reason, and their parked ones: bounded, however many leads. */
export interface RepStalledSummary {
  ownerId: string;
  total: number;
  byReason: Partial<Record<StallReason, StalledGroup>>;
  parked: number;
  parkedFlagged: number;
  /** Leads considered (not lost, not parked): the denominator of `total`. */
  leads?: number;
  /** A few parked leads, flagged ones first, then soonest to wake. */
  parkedLeads?: Parked[];
}

/** "promised call overdue 3 days; also no touch in 14 days" */
export const stallDetail = (stall: Stall): string => (stall.others.length ? `${stall.detail}; also ${stall.others.join(', ')}` : stall.detail);

export function summarizeStalled(
  ownerId: string,
  leads: readonly CoachLead[],
  clock: Clock,
  week: WorkWeek,
  namesPerReason: number,
): RepStalledSummary {
  const summary: RepStalledSummary = { ownerId, total: 0, byReason: {}, parked: 0, parkedFlagged: 0, leads: 0, parkedLeads: [] };
  const parkedLeads: Parked[] = [];
  for (const lead of leads) {
    if (lead.status === 'lost') continue;
    const parked = parkedOf(lead, clock.now);
    if (!parked) {
      summary.leads! += 1;
      continue;
    }
    summary.parked += 1;
    if (parked.flagged) summary.parkedFlagged += 1;
    parkedLeads.push(parked);
  }
  summary.parkedLeads = parkedLeads
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.until.getTime() - b.until.getTime() || compareText(a.lead.name, b.lead.name))
    .slice(0, namesPerReason);
  for (const { lead, stall } of stalledLeads(leads, clock, week)) {
    summary.total += 1;
    const group = (summary.byReason[stall.reason] ??= { count: 0, names: [], details: [] });
    group.count += 1;
    if (group.names.length < namesPerReason) {
      group.names.push(lead.name);
      group.details!.push(stallDetail(stall));
    }
  }
  return summary;
}
