import { DateTime } from 'luxon';
import { safeZone } from '../coach/local-day.js';

export interface RepSchedule {
  userId: string;
  tz: string | null;
  /** Local time of the morning DM, "HH:MM". */
  dmTime: string;
  dmsPausedUntil: Date | null;
}

// A rep whose DM time passed while the app was down still gets it, up to 4 hours late, never a day late.
export const CATCH_UP_MS = 4 * 60 * 60_000;

/**
 * Whether this rep's morning DM is due at `now`, and for which local day (the ledger's period key).
 * Weekdays only, at their own hour in their own zone (DST-correct: the zone, not an offset).
 */
export function morningDue(rep: RepSchedule, now: Date): { periodKey: string; at: Date } | null {
  if (rep.dmsPausedUntil && now < rep.dmsPausedUntil) return null;
  const local = DateTime.fromJSDate(now, { zone: safeZone(rep.tz ?? 'UTC') });
  if (local.weekday > 5) return null;
  const [h, m] = rep.dmTime.split(':').map(Number);
  const at = local.set({ hour: h ?? 8, minute: m ?? 0, second: 0, millisecond: 0 });
  const late = now.getTime() - at.toMillis();
  if (late < 0 || late > CATCH_UP_MS) return null;
  return { periodKey: local.toISODate()!, at: at.toJSDate() };
}
