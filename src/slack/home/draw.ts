import type { WebClient } from '@slack/web-api';
import { inZone } from '../../coach/local-day.js';
import { buildQueue } from '../../coach/queue.js';
import { summarizeStalled, type RepStalledSummary } from '../../coach/stalled.js';
import { loadCoachLeads } from '../../db/queries/coach-leads.js';
import { repMetrics } from '../../db/queries/rep-metrics.js';
import { forEachRepLeads } from '../../db/queries/team-leads-cursor.js';
import { homeInspections } from '../../db/queries/inspections.js';
import { teamReps } from '../../db/queries/team-reps.js';
import { teamWorkWeek } from '../../db/queries/team-work-week.js';
import { currentRep } from '../profile.js';
import type { HomeDeps } from './redraw.js';
import { homeView } from '../ui/home-view.js';
import { homeInspectionBlocks } from '../ui/home-inspections.js';

/** Draws the rep's App Home afresh: their queue, warnings and week; a manager also the team's stalled counts. */
export async function drawHome(deps: HomeDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  const { db } = deps.database;
  const now = deps.now();
  try {
    // The rep may not be the one who acted (a reassignment's other party): looked up here.
    const rep = await currentRep(db, client, deps.logger, { teamId, userId }, now);
    if (rep.isGuest) return;
    const clock = { now, zone: rep.tz ?? 'UTC' };
    // This week, Monday to Monday in the rep's zone.
    const monday = inZone(now, clock.zone).startOf('week');
    // One snapshot for the queue and the week: a touch committed between two reads would show half
    // (the step it completed still due, beside its count in the week).
    const { leads, metrics } = await db.transaction(
      async (tx) => ({
        leads: await loadCoachLeads(tx, { teamId, ownerId: userId }),
        metrics: (await repMetrics(tx, { teamId, ownerId: userId, from: monday.toJSDate(), to: monday.plus({ weeks: 1 }).toJSDate(), now }))[0],
      }),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const week = await teamWorkWeek(db, teamId);
    let team: Parameters<typeof homeView>[3] = null;
    if (rep.isManager) {
      // The same data as the digest and a manager's /followup stalled, in the team's working week.
      const reps = await teamReps(db, teamId);
      const summaries: RepStalledSummary[] = [];
      await forEachRepLeads(db, teamId, (ownerId, repLeads) => void summaries.push(summarizeStalled(ownerId, repLeads, clock, week, 0)));
      team = { summaries, reps: new Map(reps.map((r) => [r.userId, r])) };
    }
    const view = homeView(buildQueue(leads, clock, week), clock, metrics ?? null, team);
    // Inspection: a manager's coverage and latest notes, a rep's notes on their leads (home-inspections.ts).
    view.blocks.push(...homeInspectionBlocks(await homeInspections(db, { teamId, userId, isManager: rep.isManager, now }), clock.zone, now));
    await client.views.publish({ user_id: userId, view });
  } catch (err) {
    deps.logger.warn({ teamId, rep: userId, err: (err as Error).message }, 'App Home not drawn');
  }
}
