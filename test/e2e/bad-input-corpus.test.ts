import { describe, expect, it } from 'vitest';
import { leads, nextSteps, touches } from '../../src/db/schema.js';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendInteraction } from '../support/signed-request.js';

const TEAM = 'T0CORPUS';
const ANA = 'U0ANA';
const BO = 'U0BO';
const NOW = new Date('2026-11-25T15:00:00Z');

// Malformed or hostile input across every subcommand. Each must get a clear ephemeral refusal
// and leave leads, touches and next steps exactly as they were.
const CORPUS: string[] = [
  // unknown or empty subcommands
  'frobnicate', 'constructor', '__proto__', 'toString', 'LOG "Nobody" call', 'x'.repeat(10_000),
  // add
  'add', 'add    ', 'add ""', 'add "   "', 'add \u200b\u200b', 'add "Unclosed', 'add Foo tier:gold', 'add Foo tier:',
  'add Foo value:-5', 'add Foo value:abc', 'add Foo value:2000000000', 'add Foo value:1 value:2', 'add Foo colour:red',
  'add Foo email:not-an-email', 'add Foo owner:bob', 'add &lt;!channel&gt; Corp', 'add <!channel>', 'add <@U123|bob> Ltd',
  `add ${'N'.repeat(10_000)}`, 'add Foo\u0000Bar', 'add \u202eevil\u202c', 'add "Acme Corp"', "add \"o'brien &amp; sons\"",
  `add Foo company:${'c'.repeat(5000)}`,
  // log
  'log "Nobody Inc" call', 'log Nobody call', 'log "Acme Corp"', 'log "Acme Corp" smoke-signal', 'log "Acme Corp" call signals:rude',
  'log "Acme Corp" call next: follow up by yesterday', 'log "Acme Corp" call next: follow up by 31/02', 'log "Acme Corp" call next: by friday',
  'log "Acme Corp" call next: follow up', 'log "Acme Corp" call next: follow up by 2020-01-01', `log "Acme Corp" call ${'o'.repeat(10_000)}`,
  "log \"Bo's Lead\" call", 'log "Acme Corp" call \u0007bell', 'log "Ac', 'log "" call',
  // next
  'next', 'next "Acme Corp"', 'next "Acme Corp" call', 'next "Acme Corp" call by someday', 'next "Acme Corp" call by yesterday',
  'next "Acme Corp" by friday', "next \"Bo's Lead\" call by friday", `next "Acme Corp" ${'a'.repeat(600)} by friday`,
  // done
  'done', 'done "Nobody"', 'done "Acme Corp" they:maybe', 'done "Acme Corp" whatever', 'done "Acme Corp" next: call by yesterday',
  // snooze
  'snooze "Acme Corp"', 'snooze "Acme Corp" until', 'snooze "Acme Corp" until yesterday', 'snooze "Acme Corp" until today',
  'snooze "Acme Corp" until never', 'snooze "Nobody" until friday',
  // revive / won / lost / reassign / show / undo / delete
  'revive "Acme Corp"', 'revive "Acme Corp" big news', 'revive "Nobody" news', 'won "Nobody"', 'lost "Nobody"',
  `won "Acme Corp" ${'w'.repeat(600)}`, 'reassign "Acme Corp" <@U0BO|bo>', 'reassign all <@U0ANA|ana> <@U0BO|bo>',
  'show', 'show "Nobody"', "show \"Bo's Lead\"", 'undo now', 'delete "Nobody"', "delete \"Bo's Lead\"",
  // settings
  'settings dm:25:00', 'settings dm:8', 'settings tz:Mars/Olympus', 'settings off:yesterday', 'settings on off:friday',
  'settings digest:general', 'settings digest-day:funday', 'settings digest:<#C123|sales>', 'settings manager:<@U0BO|bo>',
  'settings team-tz:Europe/Berlin', 'settings colour:blue', 'settings dm:08:00 dm:09:00',
];

describe.each(dbTargets())('bad input corpus on $name', (target) => {
  const database = useDatabase(target);

  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => NOW,
    seed: async (db) => {
      const users = await givenTeam(db, TEAM, { [ANA]: 'America/New_York', [BO]: 'Europe/Berlin' }, NOW);
      // The last touch is older than undo's 15 minutes.
      await givenLead(db, { team: TEAM, owner: ANA, name: 'Acme Corp', tier: 'referral', value: 12000, at: NOW, touches: [{ at: new Date(NOW.getTime() - 3_600_000) }],
        nextStep: { action: 'send proposal', dueAt: new Date('2026-11-28T04:59:59.999Z'), theirCommitment: 'share budget' } });
      await givenLead(db, { team: TEAM, owner: ANA, name: "O'Brien & Sons", at: NOW });
      await givenLead(db, { team: TEAM, owner: BO, name: "Bo's Lead", at: NOW });
      return users;
    },
  });

  const snapshot = async () => ({
    leads: await database.db.select().from(leads).orderBy(leads.id),
    touches: await database.db.select().from(touches).orderBy(touches.id),
    steps: await database.db.select().from(nextSteps).orderBy(nextSteps.id),
  });

  it(`refuses all ${CORPUS.length} clearly and changes no lead, touch or next step`, async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const before = await snapshot();
    for (const text of CORPUS) {
      const reply = await app.command(text, ANA);
      const label = text.slice(0, 60);
      expect(reply, label).toMatch(/^:(warning|lock|information_source):/);
      // Short enough to read; user text never comes back as live mentions.
      expect(reply.length, label).toBeLessThan(4000);
      expect(reply, label).not.toMatch(/<!channel>|<!here>/);
    }
    expect(await snapshot()).toEqual(before);
    expect(app.slack.violations).toEqual([]);
  }, 120_000);

  it('refuses hostile log-form submissions with field errors and changes nothing', async () => {
    const before = await snapshot();
    const [acme] = before.leads.filter((l) => l.name === 'Acme Corp');
    const [bos] = before.leads.filter((l) => l.name === "Bo's Lead");
    const sel = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });
    const txt = (value: string | null) => ({ type: 'plain_text_input', value });
    const form = (over: Record<string, object>) => ({
      lead: { lead_select: sel(acme!.id) },
      channel: { channel: sel('call') },
      outcome: { outcome: txt('ok') },
      next_action: { next_action: txt(null) },
      next_date: { next_date: { type: 'datepicker', selected_date: null } },
      next_time: { next_time: { type: 'timepicker', selected_time: null } },
      promised: { promised: { type: 'checkboxes', selected_options: [] } },
      their_commitment: { their_commitment: txt(null) },
      signals: { signals: { type: 'checkboxes', selected_options: [] } },
      ...over,
    });
    const cases: [string, Record<string, object>, string][] = [
      ['no lead', { lead: { lead_select: { type: 'external_select', selected_option: null } } }, 'lead'],
      ['forged lead id', { lead: { lead_select: sel('not-a-uuid') } }, 'lead'],
      ["another rep's lead", { lead: { lead_select: sel(bos!.id) } }, 'lead'],
      ['unknown channel', { channel: { channel: sel('carrier-pigeon') } }, 'channel'],
      ['10 KB outcome', { outcome: { outcome: txt('x'.repeat(10_000)) } }, 'outcome'],
      ['NUL in outcome', { outcome: { outcome: txt('a\u0000b') } }, 'outcome'],
      ['right-to-left override', { outcome: { outcome: txt('\u202egnp.exe') } }, 'outcome'],
      ['past date', { next_action: { next_action: txt('call') }, next_date: { next_date: { type: 'datepicker', selected_date: '2020-01-01' } } }, 'next_date'],
      ['absurd date', { next_action: { next_action: txt('call') }, next_date: { next_date: { type: 'datepicker', selected_date: '2026-02-31' } } }, 'next_date'],
      ['date without action', { next_date: { next_date: { type: 'datepicker', selected_date: '2026-12-01' } } }, 'next_action'],
      ['action without date', { next_action: { next_action: txt('call') } }, 'next_date'],
      ['promise without a step', { promised: { promised: { type: 'checkboxes', selected_options: [{ value: 'promised' }] } } }, 'next_action'],
    ];
    for (const [label, over, field] of cases) {
      const res = await sendInteraction(app.baseUrl, SIGNING_SECRET, {
        type: 'view_submission', team: { id: TEAM, domain: 'c' }, user: { id: ANA, team_id: TEAM, name: 'ana' }, api_app_id: 'A0APP', token: 't',
        trigger_id: `t.${label}`,
        view: { id: `V0${label.length}${field}`, team_id: TEAM, type: 'modal', callback_id: 'log_touch', private_metadata: '', state: { values: form(over) } },
      });
      expect(res.body?.response_action, label).toBe('errors');
      expect(Object.keys(res.body.errors), label).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores valid text verbatim, never executed', async () => {
    const name = "Robert'); DROP TABLE leads;-- & <b>Co</b> Zoë 🚀";
    const raw = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const reply = await app.command(`add "${raw}"`, ANA);
    expect(reply).toContain('Added');
    // Shown back escaped.
    expect(reply).toContain('&lt;b&gt;Co&lt;/b&gt;');
    const rows = await database.db.select().from(leads);
    expect(rows.map((r) => r.name)).toContain(name);
  });
});
