import { duration } from './labels.js';
import { inZone, isOverdue } from './local-day.js';
import type { Clock, CoachLead } from './types.js';
import {
  isSnoozed,
  needsNextStep,
  NO_TOUCH_STALL_MS,
  noTouchFor,
  overdueFor,
  promiseOverdue,
  speedToLeadMissed,
  stoppedEarly,
  DEFAULT_WORK_WEEK,
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
    if (speedToLeadMissed(lead, clock, DEFAULT_WORK_WEEK)) out.push('speed-to-lead');
  }
  return out;
}

// Code-unit order: the same on every machine, whatever its locale.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface StalledLead {
  lead: CoachLead;
  categories: StalledCategory[];
}

/** The stalled leads among these, in a stable order (owner, then name). */
export function stalledLeads(leads: readonly CoachLead[], clock: Clock): StalledLead[] {
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
  for (const { lead, categories } of stalledLeads(leads, clock)) {
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
