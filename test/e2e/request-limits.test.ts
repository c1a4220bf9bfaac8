import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextSteps } from '../../src/db/schema.js';
import { BUTTON, leadButtons } from '../../src/slack/ui/lead-buttons.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0LIMITS';
const REP = 'U0REP';
const now = new Date('2026-11-25T15:00:00Z');
// Request bodies are limited to 256 KB.
const LIMIT = 256 * 1024;

/**
 * A click on a lead's Done button in App Home, as Slack sends it: the whole Home view rides along,
 * so a big Home makes a big request. `viewBytes` of section text pads the view to that size.
 */
function doneClick(leadId: string, viewBytes: number) {
  const text = 'x'.repeat(2900);
  const sections = Array.from({ length: Math.ceil(viewBytes / text.length) }, (_, i) => ({ type: 'section', block_id: `s${i}`, text: { type: 'mrkdwn', text } }));
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'limits' },
    user: { id: REP, team_id: TEAM, name: 'rep' },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: `t.${leadId}.${viewBytes}`,
    container: { type: 'view', view_id: 'V0HOME' },
    view: { id: 'V0HOME', team_id: TEAM, type: 'home', blocks: [...sections, leadButtons(leadId, { done: true })], private_metadata: '', callback_id: '', hash: 'h', app_id: 'A0APP', bot_id: 'B0BOT' },
    actions: [{ type: 'button', action_id: BUTTON.done, block_id: `lead:${leadId}`, value: leadId, action_ts: '1.1', text: { type: 'plain_text', text: 'Done' } }],
  };
}

describe.each(dbTargets())('request body limit on /slack/events on $name', (target) => {
  const database = useDatabase(target);
  let oversizedLead: string;
  let normalLead: string;
  const openStepOf = async (leadId: string) =>
    database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, leadId), eq(nextSteps.status, 'open')));
  const leadWithOpenStep = async (name: string) =>
    (await givenLead(database.db, { team: TEAM, owner: REP, name, at: now, touches: 1, nextStep: { action: 'send the proposal', dueAt: new Date('2026-11-27T22:59:59.999Z') } })).id;

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => now,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [REP]: 'America/New_York' }, now);
      oversizedLead = await leadWithOpenStep('Oversized Click');
      normalLead = await leadWithOpenStep('Normal Click');
      return users;
    },
  });

  it('refuses a correctly signed request over 256 KB with 413 and acts on nothing in it; a big but allowed one still works', async () => {
    const oversized = doneClick(oversizedLead, LIMIT + 10 * 1024);
    expect(new URLSearchParams({ payload: JSON.stringify(oversized) }).toString().length).toBeGreaterThan(LIMIT);
    expect((await sendInteraction(app.baseUrl, SIGNING_SECRET, oversized)).status).toBe(413);

    // An App Home of about 200 KB: under the limit, so the click goes through.
    const allowed = doneClick(normalLead, 200 * 1024);
    expect((await sendInteraction(app.baseUrl, SIGNING_SECRET, allowed)).status).toBe(200);
    await app.slack.waitFor(() => app.slack.callsOf('chat.postMessage').length > 0, 10_000);

    expect(await openStepOf(normalLead)).toEqual([]);
    expect(app.slack.callsOf('views.open').map((c) => c.args.trigger_id)).toEqual([allowed.trigger_id]);
    // The refused click's step is still open, and it drew no reply.
    expect((await openStepOf(oversizedLead)).map((s) => s.action)).toEqual(['send the proposal']);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(1);
  });
});
