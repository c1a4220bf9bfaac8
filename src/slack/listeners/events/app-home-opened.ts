import type { App } from '@slack/bolt';
import { buildQueue } from '../../../coach/queue.js';
import { ensureRep, findRep } from '../../../db/ops/ensure-rep.js';
import { inZone } from '../../../coach/local-day.js';
import { loadCoachLeads } from '../../../db/queries/coach-leads.js';
import { repMetrics } from '../../../db/queries/rep-metrics.js';
import { fetchProfile, PROFILE_MAX_AGE_MS } from '../../profile.js';
import type { Services } from '../../services.js';
import { homeView } from '../../ui/home-view.js';

/** App Home is drawn afresh each time the rep opens it. */
export function registerAppHomeOpened(app: App, services: Services): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id ?? '';
    const { db } = services.database;
    const now = services.now();
    try {
      let rep = await findRep(db, teamId, event.user);
      if (!rep || !rep.tzRefreshedAt || now.getTime() - rep.tzRefreshedAt.getTime() > PROFILE_MAX_AGE_MS) {
        rep = await ensureRep(db, teamId, event.user, await fetchProfile(client, event.user, services.logger), now);
      }
      if (rep.isGuest) return;
      const clock = { now, zone: rep.tz ?? 'UTC' };
      const leads = await loadCoachLeads(db, { teamId, ownerId: event.user });
      // This week, Monday to Monday in the rep's zone.
      const monday = inZone(now, clock.zone).startOf('week');
      const [metrics] = await repMetrics(db, { teamId, ownerId: event.user, from: monday.toJSDate(), to: monday.plus({ weeks: 1 }).toJSDate(), now });
      await client.views.publish({ user_id: event.user, view: homeView(buildQueue(leads, clock), clock, metrics ?? null) });
    } catch (err) {
      services.logger.warn({ teamId, rep: event.user, err: (err as Error).message }, 'App Home not drawn');
    }
  });
}
