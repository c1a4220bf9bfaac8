import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pickForInspection } from '../../src/db/ops/pick-for-inspection.js';
import { purgeUninstalledTeams } from '../../src/db/ops/purge-uninstalled-teams.js';
import { inspectionPicks, inspections } from '../../src/db/schema-manager.js';
import { teams } from '../../src/db/schema.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';
import { dmsTo } from '../support/slack-stand-in.js';

const TEAM = 'T0INSPECT';
const ANA = 'U0ANA';
const BO = 'U0BO';
const MIA = 'U0MIA'; // manager
const NY = 'America/New_York';
const now = new Date('2026-11-25T15:00:00Z'); // Wed 10:00 in New York
const WEEK = '2026-11-23';
const DAY = 86_400_000;
const nextWeek = new Date('2026-12-03T04:59:59.999Z');

describe.each(dbTargets())('R15 inspection, recorded ("don\'t assume — look"), with signed requests, on $name', (target) => {
  const database = useDatabase(target);
  const id: Record<string, string> = {};
  const name: Record<string, string> = {};
  let n = 0;
  const drained = async () => expect(await app.running.inFlight.drained(10_000)).toBe(true);
  const who = (userId: string) => ({ team: { id: TEAM, domain: 'in' }, user: { id: userId, team_id: TEAM, name: userId.toLowerCase(), username: userId.toLowerCase() }, api_app_id: 'A0APP', token: 'legacy' });

  /** "Looked at it", pressed on a message with a response_url; returns what was answered there. */
  const press = async (leadId: string, userId: string) => {
    const path = `press${++n}`;
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, {
      type: 'block_actions', ...who(userId), trigger_id: `trig.${n}`, response_url: `${app.slack.responseUrlBase}${path}`,
      container: { type: 'message', message_ts: '1.1', channel_id: 'C0DIGEST', is_ephemeral: false },
      actions: [{ type: 'button', action_id: 'inspect_lead', block_id: `inspect:${ANA}:${leadId}`, value: leadId, action_ts: '1.2', text: { type: 'plain_text', text: 'Looked at it' } }],
    });
    expect(res.status).toBe(200);
    await drained();
    return JSON.stringify(app.slack.responses.find((r) => r.path.endsWith(path))?.body ?? null);
  };
  /** The note form sent as Slack sends it. */
  const submit = async (viewId: string, leadId: string, note: string | null, userId = MIA) => {
    const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, {
      type: 'view_submission', ...who(userId), trigger_id: `trig.v${++n}`,
      view: {
        id: viewId, team_id: TEAM, type: 'modal', callback_id: 'inspect_note', private_metadata: leadId, hash: 'h1',
        title: { type: 'plain_text', text: 'Looked at it' }, blocks: [], app_id: 'A0APP', bot_id: 'B0BOT',
        state: { values: { inspect_note_text: { inspect_note_text: { type: 'plain_text_input', value: note } } } },
      },
    });
    expect(res.status).toBe(200);
    await drained();
  };
  const looks = () => database.db.select().from(inspections).where(eq(inspections.teamId, TEAM));
  const homeOf = (userId: string) => JSON.stringify(app.slack.callsOf('views.publish').filter((c) => c.args.user_id === userId).at(-1)?.args.view ?? null);

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => now,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [ANA]: NY, [BO]: NY, [MIA]: { tz: NY, manager: true } }, now);
      const at = new Date(now.getTime() - 20 * DAY);
      const values = [12000, 5000, 800, null, 30000];
      for (const [i, value] of values.entries()) {
        const lead = await givenLead(db, { team: TEAM, owner: ANA, name: `Ana Lead ${i + 1}`, value, at, touches: 2, nextStep: { action: 'call back', dueAt: nextWeek } });
        id[`ana${i + 1}`] = lead.id;
        name[lead.id] = lead.name;
      }
      await givenLead(db, { team: TEAM, owner: ANA, name: 'Ana Lost', value: 90000, at, row: { status: 'lost', lostAt: at } });
      id.bo = (await givenLead(db, { team: TEAM, owner: BO, name: 'Bo Lead', value: 1000, at, touches: 1 })).id;
      return users;
    },
  });

  let digestPicks: string[] = [];

  it('picks are the same for the same team, week and rep: stored, and drawn again the same when the stored ones are gone', async () => {
    const pick = (opts: { weekKey?: string; repId?: string } = {}) =>
      pickForInspection(database.db, { teamId: TEAM, repId: opts.repId ?? ANA, weekKey: opts.weekKey ?? WEEK, source: 'digest', count: 2, now });
    const first = await pick();
    expect(first).toHaveLength(2);
    digestPicks = first.map((p) => p.leadId);
    // Only Ana's open leads: never the lost one, never Bo's.
    for (const p of first) expect(Object.values(id).slice(0, 5)).toContain(p.leadId);
    expect((await pick()).map((p) => p.leadId)).toEqual(digestPicks);
    const stored = await database.db.select().from(inspectionPicks).where(and(eq(inspectionPicks.teamId, TEAM), eq(inspectionPicks.weekKey, WEEK)));
    expect(stored.map((s) => s.leadId).sort()).toEqual([...digestPicks].sort());
    await database.db.delete(inspectionPicks).where(eq(inspectionPicks.teamId, TEAM));
    expect((await pick()).map((p) => p.leadId)).toEqual(digestPicks);
  });

  it('a rep asking for picks is refused and nothing is picked; a manager gets two more, with the button, and not the digest\'s', async () => {
    const before = (await database.db.select().from(inspectionPicks).where(eq(inspectionPicks.teamId, TEAM))).length;
    expect(await app.command(`inspect <@${BO}>`, ANA)).toContain('Only a manager can ask for leads to look at.');
    expect((await database.db.select().from(inspectionPicks).where(eq(inspectionPicks.teamId, TEAM))).length).toBe(before);

    const answer = await app.commandReply(`inspect <@${ANA}>`, MIA);
    expect(answer.text).toContain(`2 open leads of <@${ANA}> to look at`);
    const buttons = answer.blocks!.map((b) => b.accessory).filter((a) => a?.action_id === 'inspect_lead');
    expect(buttons).toHaveLength(2);
    for (const b of buttons) {
      expect(b.text.text).toBe('Looked at it');
      expect(digestPicks).not.toContain(b.value);
      expect(JSON.stringify(answer.blocks)).toContain(`Look at: *${name[b.value]}*`);
    }
    expect(await app.command('inspect', MIA)).toContain('Say whose leads: `/followup inspect @rep`.');
    expect(await app.command('inspect <@U0NOBODY>', MIA)).toContain('No open lead of <@U0NOBODY> to pick');
    expect(await app.command(`inspect <@${MIA}>`, MIA)).toContain('Pick one of your reps');
  });

  it('a rep pressing "Looked at it" is refused: no form, nothing recorded', async () => {
    const opened = app.slack.callsOf('views.open').length;
    expect(await press(digestPicks[0]!, ANA)).toContain('Only a manager can record looking at a lead, so nothing was recorded.');
    expect(app.slack.callsOf('views.open').length).toBe(opened);
    // Even a form sent by hand records nothing.
    await submit('V0FORGED', digestPicks[0]!, 'all fine', ANA);
    expect(await looks()).toEqual([]);
  });

  it('a manager presses it, writes a note the form says the rep will see, and the look is recorded: manager, lead, time, note and the lead as it was', async () => {
    const leadId = digestPicks[0]!;
    await press(leadId, MIA);
    const form = app.slack.callsOf('views.open').at(-1)!.args.view as any;
    expect(form.callback_id).toBe('inspect_note');
    expect(form.private_metadata).toBe(leadId);
    expect(JSON.stringify(form)).toContain(`<@${ANA}> will see this note.`);
    expect(await looks()).toEqual([]);

    await submit('V0LOOK1', leadId, 'Next step is vague: ask for a date with the CFO');
    const [look] = await looks();
    expect(look).toMatchObject({ managerId: MIA, repId: ANA, leadId, note: 'Next step is vague: ask for a date with the CFO', inspectedAt: now });
    expect(look!.leadState).toMatchObject({ name: name[leadId], status: 'open', touchCount: 2, openStep: 'call back', openStepDueAt: nextWeek.toISOString() });
    expect((look!.leadState as any).lastTouchAt).toBe(new Date(now.getTime() - 20 * DAY).toISOString());
    expect(String(dmsTo(app.slack, MIA).at(-1)!.args.text)).toContain(`Recorded: you looked at *${name[leadId]}*`);

    // The same form sent twice records it once.
    await submit('V0LOOK1', leadId, 'Next step is vague: ask for a date with the CFO');
    expect(await looks()).toHaveLength(1);
  });

  it('App Home shows the manager the coverage per rep with its denominator and the latest note; the rep sees the note on their lead', async () => {
    const mia = homeOf(MIA);
    expect(mia).toContain('Looked at by a manager in the last 90 days');
    expect(mia).toContain(`<@${ANA}> 1 of 5 open leads (20%)`);
    expect(mia).toContain(`<@${BO}> 0 of 1 open lead (0%)`);
    expect(mia).toContain(`<@${MIA}> looked at <@${ANA}>'s *${name[digestPicks[0]!]}*: Next step is vague: ask for a date with the CFO`);
    const ana = homeOf(ANA);
    expect(ana).toContain('Notes from your manager on your leads');
    expect(ana).toContain(`<@${MIA}> looked at *${name[digestPicks[0]!]}*: Next step is vague`);
    expect(homeOf(BO)).not.toContain('Next step is vague');
  });

  it('/followup show lists the looks at a lead', async () => {
    const text = await app.command(`show "${name[digestPicks[0]!]}"`, ANA);
    expect(text).toContain('Looked at by a manager');
    expect(text).toContain(`<@${MIA}> looked at it: Next step is vague`);
  });

  it('the lead looked at is not offered again for 30 days, then it is', async () => {
    const all = (days: number) =>
      pickForInspection(database.db, { teamId: TEAM, repId: ANA, weekKey: `later-${days}`, source: 'digest', count: 10, now: new Date(now.getTime() + days * DAY) });
    const inspected = digestPicks[0]!;
    for (const days of [7, 29]) {
      const picks = (await all(days)).map((p) => p.leadId);
      expect(picks).toHaveLength(4);
      expect(picks).not.toContain(inspected);
    }
    expect((await all(31)).map((p) => p.leadId)).toContain(inspected);
  });

  it("an uninstalled team's inspections and picks are purged with it", async () => {
    await database.db.update(teams).set({ uninstalledAt: new Date(now.getTime() - 40 * DAY) }).where(eq(teams.id, TEAM));
    expect(await purgeUninstalledTeams(database.db, new Date(now.getTime() - 30 * DAY))).toEqual([TEAM]);
    expect(await looks()).toEqual([]);
    expect(await database.db.select().from(inspectionPicks).where(eq(inspectionPicks.teamId, TEAM))).toEqual([]);
  });
});
