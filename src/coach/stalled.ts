import { duration } from './labels.js';
import { inZone, isOverdue } from './local-day.js';
import type { Clock, CoachLead, WorkWeek } from './types.js';
import {
  isSnoozed,
  needsNextStep,
  NO_TOUCH_STALL_MS,
  noTouchFor,
  overdueFor,
  promiseOverdue,
  speedToLeadMissed,
  stoppedEarly,
} from './warnings.js';

// R15: what a manager inspects. One lead can be in several categories.
export const STALLED_CATEGORIES = [
  'no-next-step',
  'overdue',
  'missed-promise',
  'no-touch-14d',
  'stopped-early',
  'speed-to-lead',
  'parked',
] as const;
export type StalledCategory = (typeof STALLED_CATEGORIES)[number];

export const STALLED_LABEL: Record<StalledCategory, string> = {
  'no-next-step': 'No next step defined',
  overdue: 'Next step overdue',
  'missed-promise': 'Promised step missed',
  'no-touch-14d': 'No touch in 14 days',
  'stopped-early': 'Stopped at 1–2 touches',
  'speed-to-lead': 'No first contact within an hour',
  parked: 'Parked (snoozed)',
};

export function stalledCategories(lead: CoachLead, clock: Clock): StalledCategory[] {
  if (lead.status === 'lost') return [];
  // A snoozed lead is parked, and only that, until it wakes.
  if (isSnoozed(lead, clock.now)) return ['parked'];
  const out: StalledCategory[] = [];
  if (needsNextStep(lead, clock)) out.push('no-next-step');
  const step = lead.openStep;
  if (step && isOverdue(step, clock.now, clock.zone)) out.push(promiseOverdue(lead, clock) ? 'missed-promise' : 'overdue');
  if (lead.status === 'open') {
    if (noTouchFor(lead, clock.now, NO_TOUCH_STALL_MS)) out.push('no-touch-14d');
    if (stoppedEarly(lead, clock)) out.push('stopped-early');
    if (speedToLeadMissed(lead, clock)) out.push('speed-to-lead');
  }
  return out;
}

// Code-unit order: the same on every machine, whatever its locale.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface OldStalledLead {
  lead: CoachLead;
  categories: StalledCategory[];
}

function oldStalledLeads(leads: readonly CoachLead[], clock: Clock): OldStalledLead[] {
  return leads
    .map((lead) => ({ lead, categories: stalledCategories(lead, clock) }))
    .filter((s) => s.categories.length > 0)
    .sort(
      (a, b) =>
        compareText(a.lead.ownerId, b.lead.ownerId) || compareText(a.lead.name, b.lead.name) || compareText(a.lead.id, b.lead.id),
    );
}

export interface StalledGroup {
  count: number;
  /** The first names, by name: a message lists a few and counts the rest. */
  names: string[];
}

/** One rep's stalled leads, folded to counts and a few names per category: bounded, however many leads. */
export interface RepStalledSummary {
  ownerId: string;
  total: number;
  byCategory: Partial<Record<StalledCategory, StalledGroup>>;
}

export function summarizeStalled(
  ownerId: string,
  leads: readonly CoachLead[],
  clock: Clock,
  namesPerCategory: number,
  /** Also say how long each named lead has been stuck (the digest does). */
  withHowLong = false,
): RepStalledSummary {
  const summary: RepStalledSummary = { ownerId, total: 0, byCategory: {} };
  for (const { lead, categories } of oldStalledLeads(leads, clock)) {
    summary.total += 1;
    for (const category of categories) {
      const group = (summary.byCategory[category] ??= { count: 0, names: [] });
      group.count += 1;
      if (group.names.length < namesPerCategory) {
        const howLong = withHowLong ? stalledFor(lead, category, clock) : '';
        group.names.push(howLong ? `${lead.name} (${howLong})` : lead.name);
      }
    }
  }
  return summary;
}

/** How long a lead has been stuck in a category, in words ("overdue 3 days"), for the manager. */
export function stalledFor(lead: CoachLead, category: StalledCategory, clock: Clock): string {
  const since = (d: Date | null) => (d ? duration(clock.now.getTime() - d.getTime()) : '');
  switch (category) {
    case 'overdue':
    case 'missed-promise':
      return lead.openStep ? `overdue ${overdueFor(lead.openStep, clock)}` : '';
    case 'speed-to-lead':
      return `untouched ${since(lead.createdAt)}`;
    case 'parked':
      return lead.snoozedUntil ? `until ${inZone(lead.snoozedUntil, clock.zone).toFormat('d LLL')}` : '';
    default:
      return lead.lastTouchAt ? `last touch ${since(lead.lastTouchAt)} ago` : '';
  }
}

// TEMP shim for #15 (helper D writes the real rules): the new names, over the old categories.
export const STALL_REASONS = ['missed-promise', 'first-hour-missed', 'overdue', 'stopped-early', 'no-next-step', 'gone-quiet'] as const;
export type StallReason = (typeof STALL_REASONS)[number];
export interface Stall { reason: StallReason; others: string[]; detail: string; stuckDays: number }
export const STALL_LABEL: Record<StallReason, string> = {
  'missed-promise': 'Promised step missed', 'first-hour-missed': 'First hour missed', overdue: 'Next step overdue',
  'stopped-early': 'Stopped after 1–2 touches', 'no-next-step': 'No dated next step', 'gone-quiet': 'Gone quiet',
};
const FROM_OLD: Partial<Record<StalledCategory, StallReason>> = {
  'missed-promise': 'missed-promise', 'speed-to-lead': 'first-hour-missed', overdue: 'overdue', 'stopped-early': 'stopped-early',
  'no-next-step': 'no-next-step', 'no-touch-14d': 'gone-quiet',
};
export function stallOf(lead: CoachLead, clock: Clock, _week: WorkWeek): Stall | null {
  const reasons = STALL_REASONS.filter((r) => stalledCategories(lead, clock).some((c) => FROM_OLD[c] === r));
  if (!reasons.length) return null;
  const reason = reasons[0]!;
  const since = lead.lastTouchAt ?? lead.createdAt;
  return { reason, others: reasons.slice(1).map((r) => STALL_LABEL[r].toLowerCase()), detail: STALL_LABEL[reason].toLowerCase(),
    stuckDays: Math.floor((clock.now.getTime() - since.getTime()) / 86_400_000) };
}
export interface Parked { lead: CoachLead; reason: string | null; until: Date; flagged: boolean }
export function parkedOf(lead: CoachLead, now: Date): Parked | null {
  if (lead.status === 'lost' || !isSnoozed(lead, now) || !lead.snoozedUntil) return null;
  const l = lead as CoachLead & { snoozeCount?: number; snoozedDaysTotal?: number; snoozeReason?: string | null };
  return { lead, reason: l.snoozeReason ?? null, until: lead.snoozedUntil, flagged: (l.snoozeCount ?? 0) >= 3 || (l.snoozedDaysTotal ?? 0) > 60 };
}
export interface StalledLead { lead: CoachLead; stall: Stall }
export function stalledLeads(leads: readonly CoachLead[], clock: Clock, week: WorkWeek): StalledLead[] {
  return leads.flatMap((lead) => { const stall = stallOf(lead, clock, week); return stall ? [{ lead, stall }] : []; });
}
