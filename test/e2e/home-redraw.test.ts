import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { addLead } from '../../src/db/ops/add-lead.js';
import { ensureRep } from '../../src/db/ops/ensure-rep.js';
import { reps } from '../../src/db/schema.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { dbTargets } from '../support/db.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0REDRAW';
const ANA = 'U0ANA';
const BO = 'U0BO';
const MIA = 'U0MIA'; // manager
const now = new Date('2026-11-25T15:00:00Z');

// App Home is drawn again for the reps whose queues an operation changed, and only when it went
// through: a refused command changes nothing, so it draws nothing.
describe.each(dbTargets())('App Home follows what changed, on $name', (target) => {
  let database: Database;
  let app: TestApp;
  const id: Record<string, string> = {};
  /** Every App Home drawn so far, by rep, once all work under way (redraws included) has finished. */
  const drawnFor = async () => {
    expect(await app.running.inFlight.drained(10_000)).toBe(true);
    return app.slack.callsOf('views.publish').map((c) => c.args.user_id as string);
  };

  beforeAll(async () => {
    database = await target.open();
    for (const [rep, lead] of [[ANA, 'Acme Corp'], [BO, 'Bo Lead']] as const) {
      await ensureRep(database.db, TEAM, rep, { tz: 'America/New_York' }, now);
      id[lead] = (await addLead(database.db, { teamId: TEAM, ownerId: rep, createdBy: rep, name: lead, now })).id;
    }
    await ensureRep(database.db, TEAM, MIA, { tz: 'America/New_York' }, now);
    await database.db.update(reps).set({ isManager: true }).where(eq(reps.userId, MIA));
    app = await startTestApp({
      database,
      teamId: TEAM,
      users: [{ id: ANA, tz: 'America/New_York' }, { id: BO, tz: 'America/New_York' }, { id: MIA, tz: 'America/New_York' }],
      now: () => now,
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });

  it('a refused `/followup log` (unknown lead, bad channel) draws no App Home', async () => {
    expect(await app.command('log "Nobody Inc" call', ANA)).toMatch(/no lead called "Nobody Inc"/);
    expect(await app.command('log "Acme Corp" smoke-signal', ANA)).toMatch(/smoke-signal/);
    expect(await drawnFor()).toEqual([]);
  });

  it('a successful `/followup log` draws the rep\'s App Home, once', async () => {
    expect(await app.command('log "Acme Corp" call talked pricing', ANA)).toContain('Logged call with *Acme Corp* (touch 1)');
    expect(await drawnFor()).toEqual([ANA]);
    const home = JSON.stringify(app.slack.callsOf('views.publish').at(-1)!.args.view);
    expect(home).toContain('*This week*: 1 touch');
  });

  it('reading commands draw nothing', async () => {
    const before = (await drawnFor()).length;
    await app.command('queue', ANA);
    await app.command('help', ANA);
    await app.command('show "Acme Corp"', ANA);
    expect((await drawnFor()).length).toBe(before);
  });

  it('a reassignment draws both reps\' App Homes, not the manager\'s', async () => {
    const before = (await drawnFor()).length;
    expect(await app.command(`reassign "Bo Lead" <@${ANA}|ana>`, MIA)).toContain(`Reassigned *Bo Lead* from <@${BO}> to <@${ANA}>`);
    expect((await drawnFor()).slice(before).sort()).toEqual([ANA, BO]);
    expect(JSON.stringify(app.slack.callsOf('views.publish').filter((c) => c.args.user_id === ANA).at(-1)!.args.view)).toContain('Bo Lead');
  });

  it('a button that changed nothing draws nothing; one that did, draws', async () => {
    const before = (await drawnFor()).length;
    const click = (actionId: string, value: string, responseUrl: string, userId = BO) =>
      sendInteraction(app.baseUrl, SIGNING_SECRET, {
        type: 'block_actions', team: { id: TEAM, domain: 'r' }, user: { id: userId, team_id: TEAM, name: userId.toLowerCase() }, api_app_id: 'A0APP', token: 'legacy',
        trigger_id: `trig.${Math.random()}`, response_url: `${app.slack.responseUrlBase}${responseUrl}`,
        container: { type: 'message', message_ts: '1.1', channel_id: `D${userId.slice(1)}`, is_ephemeral: false },
        actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
      });
    // Bo no longer owns Bo Lead: the click is refused.
    expect((await click('lead_done', id['Bo Lead']!, 'bo1')).status).toBe(200);
    expect((await drawnFor()).length).toBe(before);
    expect(JSON.stringify(app.slack.responses.find((r) => r.path.endsWith('bo1'))!.body)).toContain('not your lead');
    // Ana marks the step the coach proposed for Acme Corp done: her queue changed.
    expect((await click('lead_done', id['Acme Corp']!, 'ana1', ANA)).status).toBe(200);
    expect((await drawnFor()).slice(before)).toEqual([ANA]);
    expect(JSON.stringify(app.slack.responses.find((r) => r.path.endsWith('ana1'))!.body)).toContain('Acme Corp');
  });
});
