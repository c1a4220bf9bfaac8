import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/client.js';
import { addLead } from '../../../../src/db/ops/add-lead.js';
import { ensureRep } from '../../../../src/db/ops/ensure-rep.js';
import { createLogger } from '../../../../src/logger.js';
import { InFlight } from '../../../../src/observability/in-flight.js';
import { createHome, redrawChanged } from '../../../../src/slack/home/redraw.js';
import { dbTargets } from '../../../support/db.js';

const TEAM = 'T0HOME';
const now = new Date('2026-11-25T15:00:00Z');

describe.each(dbTargets())('App Home redraws on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    for (const id of ['U0ANA', 'U0BO']) {
      await ensureRep(database.db, TEAM, id, { tz: 'America/New_York' }, now);
      await addLead(database.db, { teamId: TEAM, ownerId: id, createdBy: id, name: `Lead of ${id}`, now });
    }
  });
  afterAll(async () => database?.close());

  /** A Slack whose views.publish waits until the test lets it answer. */
  function heldSlack() {
    const published: string[] = [];
    const waiting: (() => void)[] = [];
    const watchers: { count: number; resolve: () => void }[] = [];
    const client = {
      views: {
        publish: ({ user_id }: { user_id: string }) =>
          new Promise((resolve) => {
            published.push(user_id);
            waiting.push(() => resolve({ ok: true }));
            for (const w of watchers.filter((w) => published.length >= w.count)) w.resolve();
          }),
      },
    } as unknown as WebClient;
    /** Resolves once `count` publishes have been asked for in all. */
    const publishes = (count: number) => new Promise<void>((resolve) => (published.length >= count ? resolve() : void watchers.push({ count, resolve })));
    const release = () => waiting.splice(0).forEach((w) => w());
    return { client, published, publishes, release };
  }

  it('one draw at a time per rep, one more after changes that came during it; counted as work under way', async () => {
    const inFlight = new InFlight();
    const home = createHome({ database, logger: createLogger('silent'), now: () => now, inFlight });
    const slack = heldSlack();
    const first = home.redraw(slack.client, TEAM, 'U0ANA');
    await slack.publishes(1);
    expect(inFlight.size).toBe(1);
    // Three changes while the first draw is on its way: they make one more draw, not three.
    const during = [home.redraw(slack.client, TEAM, 'U0ANA'), home.redraw(slack.client, TEAM, 'U0ANA'), home.redraw(slack.client, TEAM, 'U0ANA')];
    slack.release();
    await slack.publishes(2);
    expect(slack.published).toEqual(['U0ANA', 'U0ANA']);
    expect(await inFlight.drained(10)).toBe(false);
    slack.release();
    await Promise.all([first, ...during]);
    expect(slack.published).toEqual(['U0ANA', 'U0ANA']);
    expect(await inFlight.drained(10)).toBe(true);
  });

  it('each rep an operation changed is drawn, once however often named', async () => {
    const inFlight = new InFlight();
    const home = createHome({ database, logger: createLogger('silent'), now: () => now, inFlight });
    const slack = heldSlack();
    redrawChanged(home, slack.client, TEAM, ['U0BO', 'U0ANA', 'U0BO']);
    redrawChanged(home, slack.client, TEAM, undefined);
    await slack.publishes(2);
    expect(slack.published.sort()).toEqual(['U0ANA', 'U0BO']);
    slack.release();
    expect(await inFlight.drained(5000)).toBe(true);
    expect(slack.published).toHaveLength(2);
  });
});
