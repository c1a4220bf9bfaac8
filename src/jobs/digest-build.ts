import type { KnownBlock } from '@slack/types';
import { safeZone } from '../coach/local-day.js';
import type { Db } from '../db/client.js';
import { pickForInspection } from '../db/ops/pick-for-inspection.js';
import { loadDigest, type DigestData } from '../db/queries/digest-content.js';
import type { Team } from '../db/schema.js';
import { digestMessages } from '../slack/ui/digest-message.js';

// Inspection picks per rep (docs/rules.md#r15): two open leads a manager should look at this week.
const PICKS_PER_REP = 2;

/**
 * The digest for a week: what it says (read from the database), with each rep's inspection picks
 * (seeded by team, week and rep: the same week asks about the same leads), as messages in order.
 * Shared by the weekly job and `/followup digest`.
 */
export async function buildDigest(
  db: Db,
  team: Pick<Team, 'id' | 'teamTz' | 'workStart' | 'workEnd' | 'workDays'>,
  w: { from: Date; to: Date; now: Date; soFar: boolean },
): Promise<{ data: DigestData; messages: { text: string; blocks: KnownBlock[] }[] }> {
  const zone = safeZone(team.teamTz ?? 'UTC');
  const week = { start: team.workStart, end: team.workEnd, days: team.workDays };
  const data = await loadDigest(db, { teamId: team.id, ...w, zone, week });
  for (const rep of data.reps) {
    if (rep.away?.kind === 'deactivated' || rep.figures.open === 0) continue;
    rep.picks = await pickForInspection(db, { teamId: team.id, repId: rep.repId, weekKey: data.weekStart, source: 'digest', count: PICKS_PER_REP, now: w.now });
  }
  return { data, messages: digestMessages(data) };
}
