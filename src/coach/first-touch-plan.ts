// docs/rules.md#r2: imported leads with no touch history are not all due at once. The first-touch plan
// spreads their first contacts over the coming working days, highest priority first, at most
// `newPerDay` a rep a day.
import { inZone } from './local-day.js';
import { medianValue, priorityScore } from './priority.js';
import type { Clock, CoachLead, WorkWeek } from './types.js';
import { workingDaysFrom } from './working-time.js';

/** The action of a planned first contact: what it is for, not just "call". */
export const FIRST_CONTACT_ACTION = 'introduce yourself and ask what prompted their interest';

/** The plan's day key: the local calendar day, 'yyyy-mm-dd', in the rep's zone. */
export const planDayKey = (at: Date, zone: string): string => inZone(at, zone).toFormat('yyyy-MM-dd');

const byPriority = (leads: readonly CoachLead[]) => {
  const defaultValue = medianValue(leads);
  return leads
    .map((lead) => ({ lead, score: priorityScore(lead, defaultValue) }))
    .sort((a, b) => b.score - a.score || (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0))
    .map((s) => s.lead);
};

/**
 * R2: a first-contact date for each of these (unplanned) leads, highest priority first, on the working
 * days from today (today only while its working hours last), at most `newPerDay` a day counting those
 * already planned (`alreadyPlanned`: day key → count). Each is due by the end of its day in the rep's zone.
 */
export function planFirstTouches(
  leads: readonly CoachLead[],
  alreadyPlanned: ReadonlyMap<string, number>,
  week: WorkWeek,
  newPerDay: number,
  clock: Clock,
): Array<{ leadId: string; dueAt: Date }> {
  const perDay = Math.max(1, Math.floor(newPerDay));
  const queue = byPriority(leads);
  const out: Array<{ leadId: string; dueAt: Date }> = [];
  let days: Date[] = [];
  for (let d = 0; out.length < queue.length; d++) {
    if (d >= days.length) days = workingDaysFrom(clock.now, week, clock.zone, days.length + Math.max(queue.length, 7));
    const key = planDayKey(days[d]!, clock.zone);
    const room = perDay - (alreadyPlanned.get(key) ?? 0);
    const dueAt = inZone(days[d]!, clock.zone).endOf('day').toJSDate();
    for (let k = 0; k < room && out.length < queue.length; k++) out.push({ leadId: queue[out.length]!.id, dueAt });
  }
  return out;
}
