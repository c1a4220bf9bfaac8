// Benchmark: the morning job for a team of 2,000 reps × 250 leads (issue #5).
// Usage: DATABASE_URL=postgres://… npm run bench:morning [-- --reps 2000 --leads-per-rep 250 --touches 2000000]
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { planMorning, runMorning } from '../src/jobs/morning.js';
import { loadConfig } from '../src/config.js';
import { envTeamClients } from '../src/outbound/team-clients.js';
import { createScratchDatabase } from '../test/support/db.js';
import { startSlackStandIn } from '../test/support/slack-stand-in.js';
import { seedTeam } from './seed.js';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '2000' },
    'leads-per-rep': { type: 'string', default: '250' },
    touches: { type: 'string', default: '2000000' },
    concurrency: { type: 'string', default: '8' },
  },
});
const REPS = Number(values.reps);
const LEADS = REPS * Number(values['leads-per-rep']);
const TOUCHES = Number(values.touches);
const TEAM = 'TMORNING';
// Wed 25 Nov 2026, 08:00:30 in New York: every rep is due.
const AT = new Date('2026-11-25T13:00:30Z');

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a Postgres server (the benchmark creates and drops a scratch database).');
  process.exit(2);
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
let rssPeak = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);

const scratch = await createScratchDatabase(url);
let queries = 0;
const database = await openDatabase({ databaseUrl: scratch.url, max: 4, onQuery: () => void (queries += 1) });
// The stand-in keeps no call log here, so the figures are the app's own memory.
const slack = await startSlackStandIn({ teamId: TEAM, recordCalls: false });
try {
  await database.migrate();
  let t = performance.now();
  await seedTeam(database.db, { teamId: TEAM, reps: REPS, leads: LEADS, touches: TOUCHES, now: AT });
  const seedSeconds = (performance.now() - t) / 1000;

  global.gc?.();
  const rssBeforePlan = process.memoryUsage().rss;
  rssPeak = rssBeforePlan;
  queries = 0;
  t = performance.now();
  const plans = await planMorning(database.db, TEAM, AT);
  const planMs = performance.now() - t;
  const planQueries = queries;
  const planPeakRss = rssPeak;
  const messages = plans.filter((p) => p.message).length;

  queries = 0;
  t = performance.now();
  const logger = createLogger('silent');
  const clients = envTeamClients(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: slack.url, FOLLOWUP_SEND_RATE: '1000000' }), logger);
  const summary = await runMorning({
    database,
    clients,
    logger,
    at: AT,
    teamId: TEAM,
    concurrency: Number(values.concurrency),
  });
  const sendMs = performance.now() - t;

  console.log(
    JSON.stringify({
      reps: REPS,
      leads: LEADS,
      touches: TOUCHES,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      planSeconds: Math.round(planMs / 100) / 10,
      planQueries,
      planPeakRssMb: mb(planPeakRss),
      planRssGrowthMb: mb(planPeakRss - rssBeforePlan),
      messages,
      sendSeconds: Math.round(sendMs / 100) / 10,
      sendConcurrency: Number(values.concurrency),
      sendQueries: queries,
      sent: summary.sent,
      skipped: summary.skipped,
      failed: summary.failed,
      peakRssMb: mb(rssPeak),
    }),
  );
} finally {
  clearInterval(sampler);
  await slack.close();
  await database.close();
  await scratch.drop();
}
