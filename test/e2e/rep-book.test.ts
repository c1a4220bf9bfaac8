import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { nextSteps } from '../../src/db/schema.js';
import { startTestApp, type TestApp } from '../support/app-harness.js';
import { runJob } from '../support/cli.js';
import { processDbTargets, seedDatabase, withDatabase, type ProcessDbTarget } from '../support/db.js';
import { givenLead, givenTeam, type TouchSpec } from '../support/given.js';
import { SIGNING_SECRET } from '../support/serve-process.js';
import { sendEvent } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

// Issue #14's "done when": a rep with 80 open leads opens the morning DM and App Home. The book:
// 27 imported with no history, promised steps due today (two at 14:00, two all day) and one overdue,
// plain steps due today, responsive leads at touches 5–8, silent leads at touch 6, leads with no
// next step, two added by hand this morning, and the rest with steps next week.

const TEAM = 'T0BOOK';
const ANA = 'U0ANA';
const NY = 'America/New_York';
// Wed 9 Dec 2026, 08:05 in New York: Ana's morning DM is due.
const MORNING = '2026-12-09T13:05:00Z';
const now = new Date(MORNING);
const local = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toJSDate();
const endOf = (day: string) => DateTime.fromISO(day, { zone: NY }).endOf('day').toJSDate();
const TODAY = endOf('2026-12-09');
const AT_14 = local('2026-12-09T14:00');
const NEXT_WEEK = endOf('2026-12-16');
const CAME_IN = local('2026-11-02T10:00');

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);
const IMPORTED = names('Imported', 27);
const PROMISED_TODAY = names('Promised Today', 4);
const PROMISE_LATE = 'Promise Late';
const DUE_TODAY = names('Due Today', 3);
const RESPONSIVE = names('Responsive', 6);
const SILENT = names('Silent', 5);
const NO_STEP = names('No Step', 3);
const HAND_ADDED = names('Walk In', 2);
const LATER = names('Later', 29);

/** `count` touches a few days apart ending on 4 Dec, the last setting `next`; `engage` marks the prospect's part. */
function history(count: number, next: TouchSpec['next'], engage: (i: number) => Partial<TouchSpec> = () => ({})): TouchSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    at: local(`2026-12-04T10:00`).getTime() - (count - 1 - i) * 3 * 86_400_000 > 0 ? new Date(local('2026-12-04T10:00').getTime() - (count - 1 - i) * 3 * 86_400_000) : undefined,
    channel: i % 2 ? 'email' : 'call',
    outcome: i === count - 1 ? `spoke about rollout, part ${i + 1}` : undefined,
    ...(i === count - 1 ? { next } : {}),
    ...engage(i),
  }));
}

async function seedBook(db: Db, id: Record<string, string>) {
  const users = await givenTeam(db, TEAM, { [ANA]: { tz: NY, displayName: 'Ana Reyes' } }, CAME_IN);
  const add = async (name: string, spec: Omit<Parameters<typeof givenLead>[1], 'team' | 'owner' | 'name'>) =>
    (id[name] = (await givenLead(db, { team: TEAM, owner: ANA, name, at: CAME_IN, ...spec })).id);
  for (const [i, name] of IMPORTED.entries()) await add(name, { tier: 'new', value: 1000 + i * 10, row: { imported: true } });
  for (const [i, name] of PROMISED_TODAY.entries()) {
    const timed = i < 2;
    await add(name, { tier: 'lead', value: 2000, touches: history(2, { action: 'send the pricing', dueAt: timed ? AT_14 : TODAY, allDay: !timed, promised: true }) });
  }
  await add(PROMISE_LATE, { tier: 'lead', value: 2000, touches: history(2, { action: 'call back', dueAt: endOf('2026-12-08'), promised: true }) });
  for (const name of DUE_TODAY) await add(name, { tier: 'lead', value: 3000, touches: history(2, { action: 'send the contract draft', dueAt: TODAY }) });
  // Responsive: 5–8 touches, and within the last three the prospect wrote back or asked about price.
  for (const [i, name] of RESPONSIVE.entries()) {
    const count = 5 + (i % 4);
    await add(name, {
      tier: 'lead', value: 5000,
      touches: history(count, { action: 'send the case study', dueAt: TODAY }, (t) =>
        t === count - 2 ? (i % 2 ? { direction: 'inbound' } : { signals: ['asked-price'] }) : {}),
    });
  }
  // Silent: six touches from the rep, never an answer.
  for (const name of SILENT) await add(name, { tier: 'lead', value: 5000, touches: history(6, { action: 'try them again', dueAt: TODAY }) });
  for (const name of NO_STEP) await add(name, { tier: 'lead', value: 800, touches: 1 });
  for (const name of HAND_ADDED) await add(name, { tier: 'new', at: local('2026-12-09T07:30') });
  for (const name of LATER) await add(name, { tier: 'lead', value: 1500, touches: history(3, { action: 'send the proposal', dueAt: NEXT_WEEK }) });
  return users;
}

interface ShownItem {
  name: string;
  lines: string[];
  reasons: string[];
  buttons: string[];
}

/** The queue items of a DM or Home view, in order: each numbered section and the buttons under it. */
function itemsOf(blocks: Array<Record<string, any>>, nameOf: Map<string, string>): ShownItem[] {
  const items: ShownItem[] = [];
  blocks.forEach((block, i) => {
    const text: string | undefined = block.type === 'section' ? block.text?.text : undefined;
    if (!text || !/^\d+\. \*/.test(text)) return;
    const lines = text.split('\n');
    const actions = blocks[i + 1];
    const leadId = String(actions?.block_id ?? '').replace(/^lead:/, '');
    items.push({
      name: nameOf.get(leadId) ?? `?${leadId}`,
      lines,
      reasons: lines[1]!.split(' · '),
      buttons: (actions?.elements ?? []).map((e: { action_id: string }) => e.action_id),
    });
  });
  return items;
}

describe.each(await processDbTargets('fc-book-'))('a rep with 80 open leads, on $name', (target: ProcessDbTarget) => {
  const id: Record<string, string> = {};
  const nameOf = new Map<string, string>();
  let slack: SlackStandIn;
  let app: TestApp | undefined;
  let database: Database | undefined;
  let dm: { text: string; blocks: Array<Record<string, any>> };
  let home: Array<Record<string, any>>;

  beforeAll(async () => {
    const users = await seedDatabase(target, (db) => seedBook(db, id));
    for (const [name, leadId] of Object.entries(id)) nameOf.set(leadId, name);
    slack = await startSlackStandIn({ teamId: TEAM, users });
    expect(await runJob('morning', { at: MORNING, team: TEAM, env: target.env, slack })).toMatchObject({ sent: 1, failed: 0 });
    const post = slack.callsOf('chat.postMessage')[0]!;
    dm = { text: post.args.text as string, blocks: post.args.blocks as Array<Record<string, any>> };

    // App Home, opened right after, from the app itself.
    database = await target.open();
    app = await startTestApp({ database, teamId: TEAM, users, now: () => now });
    const envelope = {
      token: 'legacy', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: 'Ev0BOOK', event_time: 1,
      event: { type: 'app_home_opened', user: ANA, channel: 'D0ANA', tab: 'home', event_ts: '1.1' },
    };
    expect((await sendEvent(app.baseUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    await app.slack.waitFor(() => app!.slack.callsOf('views.publish').length >= 1);
    home = (app.slack.callsOf('views.publish')[0]!.args.view as { blocks: Array<Record<string, any>> }).blocks;
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await database?.close();
    await stopAll(slack, target);
  });

  it('the DM holds at most 10 items, says what today holds, and lists the leads with no next step', () => {
    const items = itemsOf(dm.blocks, nameOf);
    expect(items).toHaveLength(10);
    expect(dm.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your 10 for today — 5 promised' } });
    expect(dm.text).toBe('Your 10 for today — 5 promised. Also 3 leads without a next step.');
    const body = JSON.stringify(dm.blocks);
    for (const name of NO_STEP) expect(body).toContain(`*${name}*`);
    expect(body).toMatch(/more are due: see App Home, or `\/followup queue` for the top 15/);
  });

  it('promises come first: the overdue one, then those due today, before any unpromised step due today', () => {
    const order = itemsOf(home, nameOf).map((i) => i.name);
    expect(order[0]).toBe(PROMISE_LATE);
    expect(order.slice(1, 5).sort()).toEqual([...PROMISED_TODAY].sort());
    const lastPromised = Math.max(...PROMISED_TODAY.map((n) => order.indexOf(n)));
    for (const name of DUE_TODAY) expect(order.indexOf(name)).toBeGreaterThan(lastPromised);
    const dmOrder = itemsOf(dm.blocks, nameOf).map((i) => i.name);
    expect(dmOrder.slice(0, 5)).toEqual(order.slice(0, 5));
    const timed = itemsOf(home, nameOf).find((i) => i.name === PROMISED_TODAY[0])!;
    expect(timed.reasons[0]).toBe('send the pricing promised for today at 14:00');
  });

  it('no item has more than three reasons, repeats one, or says two things that contradict', () => {
    for (const item of [...itemsOf(dm.blocks, nameOf), ...itemsOf(home, nameOf)]) {
      expect(item.reasons.length, item.name).toBeLessThanOrEqual(3);
      expect(new Set(item.reasons).size, item.name).toBe(item.reasons.length);
      const said = item.lines.join('\n');
      if (said.includes('give them room')) expect(said, item.name).not.toMatch(/promised|overdue|first contact|confirm/);
      if (said.includes('close it')) expect(said, item.name).not.toMatch(/showed interest|stopped at/);
    }
  });

  it('responsive leads at touches 5–8 say nothing about closing, and say where the sale stands', () => {
    const shown = itemsOf(home, nameOf).filter((i) => RESPONSIVE.includes(i.name));
    expect(shown.map((i) => i.name).sort()).toEqual([...RESPONSIVE].sort());
    for (const item of shown) {
      expect(item.lines.join('\n'), item.name).not.toMatch(/close it|lost|no reply/i);
      expect(item.buttons, item.name).not.toContain('lead_close_lost');
      expect(item.buttons, item.name).not.toContain('lead_change_approach');
      expect(item.lines.join('\n'), item.name).toMatch(/_touch (6|7|8|9) — most sales close between the 5th and 12th contact_/);
    }
  });

  it('silent leads at touch 6 are offered the choice: change approach, or close it lost', () => {
    const shown = itemsOf(home, nameOf).filter((i) => SILENT.includes(i.name));
    expect(shown.map((i) => i.name).sort()).toEqual([...SILENT].sort());
    for (const item of shown) {
      expect(item.reasons, item.name).toContain('6 touches with no reply — try another way or close it');
      expect(item.buttons, item.name).toEqual(expect.arrayContaining(['lead_change_approach', 'lead_close_lost']));
    }
  });

  it('the imported book is planned: every lead a first contact, at most 10 on any working day, 10 today', async () => {
    const planned = await withDatabase(target, (db) =>
      db.select({ dueAt: nextSteps.dueAt, leadId: nextSteps.leadId }).from(nextSteps).where(and(eq(nextSteps.origin, 'plan'), eq(nextSteps.status, 'open'))),
    );
    expect(planned.map((p) => nameOf.get(p.leadId)).sort()).toEqual([...IMPORTED].sort());
    const perDay = new Map<string, number>();
    for (const p of planned) {
      const day = DateTime.fromJSDate(p.dueAt, { zone: NY });
      expect(day.weekday, 'a working day').toBeLessThanOrEqual(5);
      perDay.set(day.toISODate()!, (perDay.get(day.toISODate()!) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBe(10);
    expect(perDay.get('2026-12-09')).toBe(10);
    // The highest-valued imported leads come first.
    const today = planned.filter((p) => DateTime.fromJSDate(p.dueAt, { zone: NY }).toISODate() === '2026-12-09').map((p) => nameOf.get(p.leadId)!);
    expect(today.sort()).toEqual(IMPORTED.slice(17).sort());
  });

  it('no text a rep reads names a rule', () => {
    for (const text of [dm.text, JSON.stringify(dm.blocks), JSON.stringify(home)]) expect(text).not.toMatch(/\bR\d{1,2}\b/);
  });
});
