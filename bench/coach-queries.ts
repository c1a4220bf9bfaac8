// Benchmark: loading the coach's input at 500,000 leads and 2,000,000 touches (docs/architecture.md#principles, issue #3).
// Usage: DATABASE_URL=postgres://… npm run bench:queries [-- --leads 500000 --touches 2000000 --reps 200]
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildQueue } from '../src/coach/queue.js';
import { summarizeStalled } from '../src/coach/stalled.js';
import { openDatabase } from '../src/db/client.js';
import { loadCoachLeads } from '../src/db/queries/coach-leads.js';
import { forEachRepLeads } from '../src/db/queries/team-leads-cursor.js';
import { createScratchDatabase } from '../test/support/db.js';
import { seedTeam } from './seed.js';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '500000' },
    touches: { type: 'string', default: '2000000' },
    reps: { type: 'string', default: '200' },
    runs: { type: 'string', default: '20' },
  },
});
const LEADS = Number(values.leads);
const TOUCHES = Number(values.touches);
const REPS = Number(values.reps);
const RUNS = Number(values.runs);
const TEAM = 'TBENCH';
const NOW = new Date('2026-11-25T15:00:00Z');

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a Postgres server (the benchmark creates and drops a scratch database).');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

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
  const [seedMs] = await time(() => seedTeam(db, { teamId: TEAM, reps: REPS, leads: LEADS, touches: TOUCHES, now: NOW }));

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

  // Team-wide (a manager's /followup stalled, the morning plan): one cursor pass, rep by rep.
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let teamStalled = 0;
  let teamDue = 0;
  const clock = { now: NOW, zone: 'America/New_York' };
  const [teamMs] = await time(() =>
    forEachRepLeads(db, TEAM, (owner, leads) => {
      teamStalled += summarizeStalled(owner, leads, clock, { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] }, 10).total;
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
