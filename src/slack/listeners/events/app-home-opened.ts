import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { inZone } from '../../../coach/local-day.js';
import { buildQueue } from '../../../coach/queue.js';
import { summarizeStalled, type RepStalledSummary } from '../../../coach/stalled.js';
import { ensureRep, findRep } from '../../../db/ops/ensure-rep.js';
import { loadCoachLeads } from '../../../db/queries/coach-leads.js';
import { repMetrics } from '../../../db/queries/rep-metrics.js';
import { forEachRepLeads } from '../../../db/queries/team-leads-cursor.js';
import { fetchProfile, PROFILE_MAX_AGE_MS } from '../../profile.js';
import type { Services } from '../../services.js';
import { homeView } from '../../ui/home-view.js';

// Draws under way, per rep: a change while one runs asks for one more draw after it, so an older
// draw finishing late never leaves a stale App Home on top.
const drawing = new Map<string, { done: Promise<void>; again: boolean }>();

/** Draws the rep's App Home afresh: their queue, warnings and week; a manager also the team's stalled counts. */
export function publishHome(services: Services, client: WebClient, teamId: string, userId: string): Promise<void> {
  const key = `${teamId}:${userId}`;
  const current = drawing.get(key);
  if (current) {
    current.again = true;
    return current.done;
  }
  const entry = { done: Promise.resolve(), again: false };
  entry.done = (async () => {
    try {
      do {
        entry.again = false;
        await drawHome(services, client, teamId, userId);
      } while (entry.again);
    } finally {
      drawing.delete(key);
    }
  })();
  drawing.set(key, entry);
  return entry.done;
}

async function drawHome(services: Services, client: WebClient, teamId: string, userId: string): Promise<void> {
  const { db } = services.database;
  const now = services.now();
  try {
    let rep = await findRep(db, teamId, userId);
    if (!rep || !rep.tzRefreshedAt || now.getTime() - rep.tzRefreshedAt.getTime() > PROFILE_MAX_AGE_MS) {
      rep = await ensureRep(db, teamId, userId, await fetchProfile(client, userId, services.logger), now);
    }
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
    let team: RepStalledSummary[] | null = null;
    if (rep.isManager) {
      // The same data as the digest and a manager's /followup stalled.
      const summaries: RepStalledSummary[] = [];
      await forEachRepLeads(db, teamId, (ownerId, repLeads) => void summaries.push(summarizeStalled(ownerId, repLeads, clock, 0)));
      team = summaries;
    }
    await client.views.publish({ user_id: userId, view: homeView(buildQueue(leads, clock), clock, metrics ?? null, team) });
  } catch (err) {
    services.logger.warn({ teamId, rep: userId, err: (err as Error).message }, 'App Home not drawn');
  }
}

/** App Home is drawn afresh each time the rep opens it. */
export function registerAppHomeOpened(app: App, services: Services): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id ?? '';
    await publishHome(services, client, teamId, event.user);
  });
}
