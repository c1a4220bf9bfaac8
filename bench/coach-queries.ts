// Benchmark: loading the coach's input at 500,000 leads and 2,000,000 touches (DESIGN §3, issue #3).
// Usage: DATABASE_URL=postgres://… npm run bench:queries [-- --leads 500000 --touches 2000000 --reps 200]
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildQueue } from '../src/coach/queue.js';
import { summarizeStalled } from '../src/coach/stalled.js';
import { openDatabase } from '../src/db/client.js';
import { coachLeadsQuery, loadCoachLeads } from '../src/db/queries/coach-leads.js';
import { forEachRepLeads } from '../src/db/queries/team-leads-cursor.js';
import { createScratchDatabase } from '../test/support/db.js';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '500000' },
    touches: { type: 'string', default: '2000000' },
    reps: { type: 'string', default: '200' },
    runs: { type: 'string', default: '20' },
    explain: { type: 'boolean', default: false },
  },
});
const LEADS = Number(values.leads);
const TOUCHES = Number(values.touches);
const REPS = Number(values.reps);
const RUNS = Number(values.runs);
const TEAM = 'TBENCH';
const NOW = new Date('2026-11-25T15:00:00Z');
const NOW_ISO = NOW.toISOString();

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a Postgres server (the benchmark creates and drops a scratch database).');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Inlines $n parameters (benchmark only: values are our own constants). */
const inline = (text: string, params: unknown[]) =>
  text.replace(/\$(\d+)/g, (_, n) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

const scratch = await createScratchDatabase(url);
const database = await openDatabase({ databaseUrl: scratch.url, max: 4 });
try {
  await database.migrate();
  const db = database.db;
  const [seedMs] = await time(async () => {
    await db.execute(sql`insert into teams (id) values (${TEAM})`);
    await db.execute(sql`insert into reps (team_id, user_id, tz)
      select ${TEAM}, 'U' || lpad(i::text, 5, '0'), 'America/New_York' from generate_series(1, ${REPS}) i`);
    // Leads spread over reps and tiers, created over the last 200 days.
    await db.execute(sql`insert into leads (team_id, owner_id, name, tier, value, created_at, touch_count, first_touch_at, last_touch_at)
      select ${TEAM}, 'U' || lpad((1 + i % ${REPS})::text, 5, '0'), 'Lead ' || i,
             (array['referral','customer','lead','new','cold'])[1 + i % 5], (i % 997) * 100,
             ${NOW_ISO}::timestamptz - ((i % 200) || ' days')::interval, 0, null, null
      from generate_series(1, ${LEADS}) i`);
    // Touches: a pseudo-random lead each, over the last 180 days, some with poor-prospect tags.
    await db.execute(sql`create table bench_lead_numbers as select row_number() over (order by id) n, id, team_id, owner_id from leads`);
    await db.execute(sql`create unique index on bench_lead_numbers (n)`);
    await db.execute(sql`insert into touches (team_id, lead_id, rep_id, channel, signals, occurred_at)
      select l.team_id, l.id, l.owner_id, (array['call','email','meeting','note'])[1 + (g % 4)],
             case when g % 10 = 0 then array['vague'] else '{}'::text[] end,
             ${NOW_ISO}::timestamptz - ((g % 180) || ' days')::interval
      from generate_series(1, ${TOUCHES}) g
      join bench_lead_numbers l on l.n = 1 + (g::bigint * 7919) % ${LEADS}`);
    await db.execute(sql`drop table bench_lead_numbers`);
    await db.execute(sql`update leads l set touch_count = t.n, first_touch_at = t.first, last_touch_at = t.last
      from (select lead_id, count(*) n, min(occurred_at) first, max(occurred_at) last from touches group by lead_id) t
      where t.lead_id = l.id`);
    // 80% of leads have an open step; a done one with the prospect's side kept or missed for a third.
    await db.execute(sql`insert into next_steps (team_id, lead_id, rep_id, action, due_at, status)
      select team_id, id, owner_id, 'follow up', ${NOW_ISO}::timestamptz + (((hashtext(id::text) % 20))::text || ' days')::interval, 'open'
      from leads where hashtext(id::text) % 5 <> 0`);
    await db.execute(sql`insert into next_steps (team_id, lead_id, rep_id, action, due_at, status, their_commitment, their_status)
      select team_id, id, owner_id, 'send deck', ${NOW_ISO}::timestamptz - interval '20 days', 'done', 'share budget',
             case when hashtext(id::text) % 2 = 0 then 'kept' else 'missed' end
      from leads where hashtext(id::text) % 3 = 0`);
    await db.execute(sql`analyze`);
  });

  const rep = 'U' + String(1).padStart(5, '0');
  const repTimes: number[] = [];
  let repLeads = 0;
  let queueMs = 0;
  for (let i = 0; i < RUNS; i++) {
    const [ms, leads] = await time(() => loadCoachLeads(db, { teamId: TEAM, ownerId: rep }));
    repTimes.push(ms);
    repLeads = leads.length;
    const t = performance.now();
    buildQueue(leads, { now: NOW, zone: 'America/New_York' });
    queueMs = performance.now() - t;
  }

  if (values.explain) {
    const { sql: text, params } = coachLeadsQuery(db, { teamId: TEAM, ownerId: rep }).toSQL();
    const plan = (await db.execute(sql.raw(`explain (analyze, buffers) ${inline(text, params)}`))) as unknown as Record<string, string>[];
    console.error(plan.map((r) => Object.values(r)[0]).join('\n'));
  }

  // Team-wide (a manager's /followup stalled, the morning plan): one cursor pass, rep by rep.
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let teamStalled = 0;
  let teamDue = 0;
  const clock = { now: NOW, zone: 'America/New_York' };
  const [teamMs] = await time(() =>
    forEachRepLeads(db, TEAM, (owner, leads) => {
      teamStalled += summarizeStalled(owner, leads, clock, 10).total;
      teamDue += buildQueue(leads, clock).items.length;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }),
  );

  const result = {
    leads: LEADS,
    touches: TOUCHES,
    reps: REPS,
    seedSeconds: Math.round(seedMs / 100) / 10,
    repLeads,
    repLoadMedianMs: Math.round(median(repTimes)),
    repLoadP95Ms: Math.round(p95(repTimes)),
    repQueueBuildMs: Math.round(queueMs * 10) / 10,
    teamPlanMs: Math.round(teamMs),
    teamStalled,
    teamDue,
    teamPeakRssGrowthMb: mb(rssPeak - rssBefore),
  };
  console.log(JSON.stringify(result));
} finally {
  await database.close();
  await scratch.drop();
}
