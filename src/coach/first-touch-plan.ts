// Minimal stand-in for helper B's first-touch plan (#14 item 6), written to the shared contract so the
// data layer can call it; B's version replaces this file at merge.
import { priorityScore, medianValue } from './priority.js';
import { inZone } from './local-day.js';
import type { Clock, CoachLead, WorkWeek } from './types.js';

/** The planned first contact's action: a purpose, never a bare "follow up" (R6). */
export const FIRST_CONTACT_ACTION = 'first contact: ask what prompted their interest';
/** The importer's default step when a row has a date but no action (R6). */
export const DEFAULT_IMPORTED_ACTION = 'call to ask where things stand and agree a next step';

/**
 * Spreads unplanned leads' first contacts over working days from today (today only while working
 * hours last), highest priority first, at most `newPerDay` a day counting those already planned.
 */
export function planFirstTouches(
  leads: readonly CoachLead[],
  alreadyPlanned: Map<string, number>,
  week: WorkWeek,
  newPerDay: number,
  clock: Clock,
): Array<{ leadId: string; dueAt: Date }> {
  const median = medianValue(leads);
  const ordered = [...leads].sort((a, b) => priorityScore(b, median) - priorityScore(a, median) || a.id.localeCompare(b.id));
  const plan: Array<{ leadId: string; dueAt: Date }> = [];
  const now = inZone(clock.now, clock.zone);
  const [endH, endM] = week.end.split(':').map(Number) as [number, number];
  let day = now.startOf('day');
  if (now >= day.set({ hour: endH, minute: endM })) day = day.plus({ days: 1 });
  let next = 0;
  for (let guard = 0; next < ordered.length && guard < 3660; guard++, day = day.plus({ days: 1 })) {
    if (!week.days.includes(day.weekday)) continue;
    let room = newPerDay - (alreadyPlanned.get(day.toISODate()!) ?? 0);
    for (; room > 0 && next < ordered.length; room--) plan.push({ leadId: ordered[next++]!.id, dueAt: day.endOf('day').toJSDate() });
  }
  return plan;
}
