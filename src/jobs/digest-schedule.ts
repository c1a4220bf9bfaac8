import { DateTime } from 'luxon';
import { safeZone } from '../coach/local-day.js';
import { CATCH_UP_MS } from './morning-schedule.js';

export interface TeamSchedule {
  digestChannel: string | null;
  /** ISO weekday, 1 = Monday. */
  digestDay: number;
  digestTime: string;
  teamTz: string | null;
}

/**
 * Whether the weekly digest is due at `now` (default Monday 09:00 in the team's zone, up to 4 hours
 * late), for which ISO week (the ledger's period key), and the week it reports: the seven days
 * before the digest's day.
 */
export function digestDue(team: TeamSchedule, now: Date): { periodKey: string; from: Date; to: Date } | null {
  if (!team.digestChannel) return null;
  const local = DateTime.fromJSDate(now, { zone: safeZone(team.teamTz ?? 'UTC') });
  if (local.weekday !== team.digestDay) return null;
  const [h, m] = team.digestTime.split(':').map(Number);
  const at = local.set({ hour: h ?? 9, minute: m ?? 0, second: 0, millisecond: 0 });
  const late = now.getTime() - at.toMillis();
  if (late < 0 || late > CATCH_UP_MS) return null;
  const to = local.startOf('day');
  return { periodKey: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`, from: to.minus({ weeks: 1 }).toJSDate(), to: to.toJSDate() };
}
