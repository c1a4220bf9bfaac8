import { isDueByToday } from './local-day.js';
import { isActive } from './warnings.js';
import type { Clock, CoachLead } from './types.js';

/** Why a lead is in today's queue. */
export type DueKind = 'first-contact' | 'step' | 'check-in' | 'revived';

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
  // R2: never touched — due now for the first contact, next step or not.
  if (lead.touchCount === 0) return 'first-contact';
  return stepDue ? 'step' : null;
}
