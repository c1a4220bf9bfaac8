import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { ensureRep } from '../db/ops/ensure-rep.js';
import { repsWithStaleZones } from '../db/queries/team-reps.js';
import { fetchRepProfile, PROFILE_MAX_AGE_MS } from '../outbound/slack-users.js';
import type { TeamSlack } from '../outbound/team-clients.js';

// users.info is generous (Tier 4) but a big team is refreshed over several ticks, not in one burst.
export const ZONES_PER_TICK = 50;

/**
 * Reps' time zones come from Slack's `users.info` and are refreshed at most daily (a rep who moves
 * or travels gets the morning DM at their new 08:00); a zone the rep set with `settings tz:` stays.
 * The team's Slack client is asked for only when a zone is stale; a team with none keeps its zones.
 */
export async function refreshStaleZones(db: Db, slackOfTeam: () => Promise<TeamSlack | null>, logger: Logger, teamId: string, now: Date): Promise<number> {
  const stale = await repsWithStaleZones(db, teamId, new Date(now.getTime() - PROFILE_MAX_AGE_MS), ZONES_PER_TICK);
  if (stale.length === 0) return 0;
  const slack = await slackOfTeam();
  if (!slack) return 0;
  let refreshed = 0;
  for (const userId of stale) {
    const profile = await fetchRepProfile(slack.client, userId, logger);
    if (!profile) continue;
    await ensureRep(db, teamId, userId, profile, now);
    refreshed += 1;
  }
  return refreshed;
}
