import { activeTeamIds } from '../db/queries/active-teams.js';
import { forEachLimited } from './for-each-limited.js';
import type { JobOptions } from './job-options.js';

// Teams worked on side by side: each sends at its own pace (its pacer), so a 429 that holds one
// team back for its Retry-After leaves the others sending. Within a team, JobOptions.concurrency holds.
export const TEAMS_AT_ONCE = 4;

/** Runs `work` for each installed, active team (or the one asked for), a few teams at a time; none starts after shutdown begins. */
export async function forEachTeam(opts: Pick<JobOptions, 'database' | 'teamId' | 'signal'>, work: (teamId: string) => Promise<void>): Promise<void> {
  const teamIds = await activeTeamIds(opts.database.db, opts.teamId);
  await forEachLimited(teamIds, TEAMS_AT_ONCE, async (teamId) => {
    if (!opts.signal?.aborted) await work(teamId);
  });
}
