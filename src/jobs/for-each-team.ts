import { activeTeamIds } from '../db/queries/active-teams.js';
import { forEachLimited } from './for-each-limited.js';
import type { JobOptions, JobSummary } from './job-options.js';

// Teams worked on side by side: each sends at its own pace (its pacer), so a 429 that holds one
// team back for its Retry-After leaves the others sending. Within a team, JobOptions.concurrency holds.
export const TEAMS_AT_ONCE = 4;

/**
 * What is done when one team's run throws (its installation cannot be read, a statement fails): the
 * team is counted failed and named in the log with the error's message (which names a key id, for a
 * key that is missing), and the other teams carry on.
 */
export function teamFailed(opts: Pick<JobOptions, 'logger'>, summary: JobSummary, teamId: string, err: unknown): void {
  summary.failed += 1;
  opts.logger.warn({ job: summary.job, teamId, error: (err as Error).message }, 'job stopped for this team (the other teams carry on)');
}

/**
 * Runs `work` for each installed, active team (or the one asked for), a few teams at a time; none
 * starts after shutdown begins. One team's failure is that team's alone (teamFailed).
 */
export async function forEachTeam(
  opts: Pick<JobOptions, 'database' | 'teamId' | 'signal' | 'logger'>,
  summary: JobSummary,
  work: (teamId: string) => Promise<void>,
): Promise<void> {
  const teamIds = await activeTeamIds(opts.database.db, opts.teamId);
  await forEachLimited(teamIds, TEAMS_AT_ONCE, async (teamId) => {
    if (opts.signal?.aborted) return;
    await work(teamId).catch((err: unknown) => teamFailed(opts, summary, teamId, err));
  });
}
