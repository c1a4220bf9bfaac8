import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTouch } from '../../src/db/ops/log-touch.js';
import { receiveLead } from '../../src/db/ops/receive-lead.js';
import { deliveries } from '../../src/db/schema.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { dmsTo, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0SPEED';
// The leads come in at 14:00 UTC on Wed 25 Nov 2026.
const T0 = new Date('2026-11-25T14:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

describe.each(await processDbTargets('fc-speed-'))('`jobs run speed-to-lead` on $name', (target) => {
  let slack: SlackStandIn;
  const job = (when: string) => runJob('speed-to-lead', { at: when, team: TEAM, env: target.env, slack });
  const postsTo = (userId: string) => dmsTo(slack, userId);

  beforeAll(async () => {
    slack = await startSlackStandIn({ teamId: TEAM });
    await seedDatabase(target, async (db) => {
      const NY = 'America/New_York';
      await givenTeam(db, TEAM, { U0ROSA: NY, U0SAM: NY, U0BOSS: { tz: NY, manager: true } }, T0);
      const common = { teamId: TEAM, company: null, email: null, phone: null, tier: null, value: null, note: 'Wants a demo', externalId: null, now: T0 };
      // A web-form lead for Rosa (an arrival she must hear of), and an inbound call she added herself
      // (`add … source:inbound`): held to the hour, but no arrival alert. A walk-in she typed in is not.
      await receiveLead(db, { ...common, ownerId: 'U0ROSA', name: 'Form Lead', source: 'Contact form', requestKey: 'sig-1' });
      await givenLead(db, { team: TEAM, owner: 'U0ROSA', name: 'Own Lead', inbound: true, at: T0 });
      await givenLead(db, { team: TEAM, owner: 'U0ROSA', name: 'Walk In', at: T0 });
      // Sam's web-form lead gets its first call within the hour: nobody is reminded.
      const called = await receiveLead(db, { ...common, ownerId: 'U0SAM', name: 'Called Lead', source: 'Chat', requestKey: 'sig-2' });
      await logTouch(db, { teamId: TEAM, repId: 'U0SAM', leadId: called.lead.id, channel: 'call', now: new Date(T0.getTime() + 20 * 60_000) });
      // Never alerted: an imported lead and a cold prospect (R12).
      await givenLead(db, { team: TEAM, owner: 'U0SAM', name: 'Imported Lead', imported: true, at: T0 });
      await givenLead(db, { team: TEAM, owner: 'U0SAM', name: 'Cold Prospect', tier: 'cold', at: T0 });
    });
  }, 60_000);

  afterAll(() => stopAll(slack, target));

  it('sends an arrival alert still owed (its first send was lost), once', async () => {
    // Sam's lead was called already (the store holds that touch): no alert is owed for it.
    expect(await job(at(10))).toMatchObject({ job: 'speed-to-lead', sent: 1, arrivals: 1, reminders: 0, managerNotes: 0, failed: 0 });
    expect(postsTo('U0SAM')).toEqual([]);
    expect(postsTo('U0ROSA').map((c) => c.args.text)).toEqual(['New lead for you: Form Lead — reach out within the hour']);
    expect(JSON.stringify(postsTo('U0ROSA')[0]!.args.blocks)).toContain('Wants a demo');
    expect(await job(at(20))).toMatchObject({ sent: 0, failed: 0 });
    expect(slack.violations).toEqual([]);
  });

  it('before the hour is up nobody is reminded', async () => {
    expect(await job(at(59))).toMatchObject({ sent: 0, reminders: 0, managerNotes: 0 });
  });

  it('an hour on: one reminder to the owner for both untouched leads, one note to the manager', async () => {
    const before = slack.callsOf('chat.postMessage').length;
    expect(await job(at(61))).toMatchObject({ sent: 2, reminders: 1, managerNotes: 1, failed: 0 });
    const posts = slack.callsOf('chat.postMessage').slice(before);
    const reminder = posts.find((c) => c.args.channel === 'D0ROSA')!;
    expect(reminder.args.text).toBe(':alarm_clock: 2 new leads still waiting for a first contact');
    const reminderBlocks = JSON.stringify(reminder.args.blocks);
    expect(reminderBlocks).toContain('Form Lead');
    expect(reminderBlocks).toContain('Own Lead');
    expect(reminderBlocks).toContain('came in 1 hour ago');
    const note = posts.find((c) => c.args.channel === 'D0BOSS')!;
    expect(note.args.text).toBe('Speed to lead: 2 new leads untouched after an hour');
    const noteBlocks = JSON.stringify(note.args.blocks);
    expect(noteBlocks).toContain('<@U0ROSA>');
    for (const never of ['Called Lead', 'Imported Lead', 'Cold Prospect', 'Walk In']) {
      expect(reminderBlocks + noteBlocks).not.toContain(never);
    }
  });

  it('fires once: later runs, and a second process at the same time, send nothing more', async () => {
    const before = slack.callsOf('chat.postMessage').length;
    // The embedded database admits one process at a time; Postgres takes both at once.
    const runs = target.name === 'postgres' ? await Promise.all([job(at(62)), job(at(62))]) : [await job(at(62))];
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(0);
    expect(await job(at(120))).toMatchObject({ sent: 0 });
    expect(slack.callsOf('chat.postMessage').length).toBe(before);
    const rows = await withDatabase(target, (db) => db.select().from(deliveries).where(eq(deliveries.teamId, TEAM)));
    expect(rows.map((r) => `${r.kind}:${r.target}:${r.status}`).sort()).toEqual([
      'lead-arrival:U0ROSA:sent',
      'speed-to-lead-manager:U0BOSS:sent',
      'speed-to-lead-manager:U0BOSS:sent',
      'speed-to-lead-reminder:U0ROSA:sent',
      'speed-to-lead-reminder:U0ROSA:sent',
    ]);
  });
});

describe.each(await processDbTargets('fc-speed-weekend-'))('R2 `jobs run speed-to-lead` across a weekend, in working time, on $name', (target) => {
  const WEEKEND_TEAM = 'T0WEEKEND';
  const NY = 'America/New_York';
  // Working hours 09:00–18:00, Monday to Friday (the defaults), in New York. Saturday 28 Nov 2026, 02:00 there.
  const wallNy = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toUTC().toISO()!;
  const SATURDAY_2AM = wallNy('2026-11-28T02:00');
  let slack: SlackStandIn;
  const job = (wall: string) => runJob('speed-to-lead', { at: wallNy(wall), team: WEEKEND_TEAM, env: target.env, slack });
  const texts = (userId: string) => dmsTo(slack, userId).map((c) => String(c.args.text));

  beforeAll(async () => {
    slack = await startSlackStandIn({ teamId: WEEKEND_TEAM });
    await seedDatabase(target, async (db) => {
      const at = new Date(SATURDAY_2AM);
      await givenTeam(db, WEEKEND_TEAM, { U0NIGHT: NY, U0DAY: NY, U0CHIEF: { tz: NY, manager: true } }, at);
      // A web-form lead at Saturday 02:00 for Nina; the manager adds a customer by hand for Dan, at the same hour.
      await receiveLead(db, { teamId: WEEKEND_TEAM, ownerId: 'U0NIGHT', name: 'Night Form', company: null, email: null, phone: null, tier: null, value: null, source: 'Contact form', note: 'Call me Monday', externalId: null, requestKey: 'sig-weekend', now: at });
      await givenLead(db, { team: WEEKEND_TEAM, owner: 'U0DAY', createdBy: 'U0CHIEF', name: 'Old Customer', tier: 'customer', at });
    });
  }, 60_000);

  afterAll(() => stopAll(slack, target));

  it('nobody is messaged at night or over the weekend, nor on Monday before 09:00', async () => {
    for (const wall of ['2026-11-28T02:00', '2026-11-28T03:01', '2026-11-28T14:00', '2026-11-29T23:30', '2026-11-30T08:59']) {
      expect(await job(wall)).toMatchObject({ sent: 0, failed: 0 });
    }
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
    // Five runs of a process each: the embedded database is slow to open on a busy machine.
  }, 150_000);

  it('Monday 09:00: the owner hears of the lead, and nobody else', async () => {
    expect(await job('2026-11-30T09:00')).toMatchObject({ sent: 1, arrivals: 1, reminders: 0, managerNotes: 0 });
    expect(texts('U0NIGHT')).toEqual(['New lead for you: Night Form — reach out within the hour']);
    expect(await job('2026-11-30T09:59')).toMatchObject({ sent: 0 });
    expect(texts('U0CHIEF')).toEqual([]);
  }, 60_000);

  it('Monday 10:00, still untouched: the owner is reminded and the manager told, once', async () => {
    expect(await job('2026-11-30T10:00')).toMatchObject({ sent: 2, reminders: 1, managerNotes: 1, failed: 0 });
    expect(texts('U0NIGHT').at(-1)).toBe(':alarm_clock: Night Form is still waiting for a first contact');
    expect(texts('U0CHIEF')).toEqual(['Speed to lead: 1 new lead untouched after an hour']);
    expect(JSON.stringify(dmsTo(slack, 'U0CHIEF')[0]!.args.blocks)).toContain('<@U0NIGHT>');
    expect(await job('2026-11-30T11:00')).toMatchObject({ sent: 0 });
  }, 60_000);

  it('a customer added by hand raises no alert at any hour', async () => {
    expect(texts('U0DAY')).toEqual([]);
    expect(JSON.stringify(slack.callsOf('chat.postMessage').map((c) => c.args))).not.toContain('Old Customer');
    expect(slack.violations).toEqual([]);
  });
});

