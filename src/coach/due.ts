import { isDueByToday } from './local-day.js';
import { isActive } from './warnings.js';
import type { Clock, CoachLead } from './types.js';

/** Why a lead is in today's queue. */
export type DueKind = 'first-contact' | 'planned-first-contact' | 'step' | 'check-in' | 'revived';

/** The lifecycle of a lead (docs/rules.md#lifecycle): which leads are due today, and for what. Null: not in the queue. */
export function dueKind(lead: CoachLead, clock: Clock): DueKind | null {
  if (!isActive(lead, clock.now)) return null;
  const step = lead.openStep;
  const stepDue = step !== null && isDueByToday(step.dueAt, clock.now, clock.zone);
  // R11: a customer is back in the queue only when a check-in (or another step) falls due.
  if (lead.status === 'won') return stepDue ? 'check-in' : null;
  if (lead.tier === 'cold') {
    // R12: cold prospects stay out unless a step the rep set falls due or a trigger event revives them.
    if (stepDue && step.origin === 'rep') return 'step';
    if (lead.revivedAt && (lead.lastTouchAt === null || lead.lastTouchAt < lead.revivedAt)) return 'revived';
    return null;
  }
  if (lead.touchCount === 0) {
    // R2: an imported lead's first contact is due on the day the first-touch plan gave it (and stays
    // due after), or on the day of the step the import brought; only with neither is it due now.
    if (step?.origin === 'plan') return stepDue ? 'planned-first-contact' : null;
    if (lead.imported && step) return stepDue ? 'step' : null;
    // R2: any other never-touched lead is due now for its first contact, next step or not.
    return 'first-contact';
  }
  return stepDue ? 'step' : null;
}
