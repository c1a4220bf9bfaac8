// Benchmark: how fast `serve` acks `/followup log` under load, beside a bare Bolt app (issue #9).
// Usage: DATABASE_URL=postgres://… npm run bench:ack [-- --reps 500 --leads-per-rep 20 --seconds 10 --rates 25,50,100,…]
//
// `serve` runs as a child process on a scratch Postgres database and a Slack stand-in on 127.0.0.1
// (served from this process); the load comes from another child process (bench/ack-load.ts) sending
// signed slash commands at rising rates, open loop. Then the same load goes to bench/ack-bare.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { rowsOf, openDatabase, type Database } from '../src/db/client.js';
import { packageRoot } from '../src/paths.js';
import { createScratchDatabase } from '../test/support/db.js';
import { freePort, SIGNING_SECRET, startServe } from '../test/support/serve-process.js';
import { startSlackStandIn } from '../test/support/slack-stand-in.js';
import { held, type StepFigures } from './ack-stats.js';
import type { LoadPlan } from './ack-load.js';
import { seedTeam } from './seed.js';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '500' },
    'leads-per-rep': { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    rates: { type: 'string', default: '25,50,75,100,125,150,200,300,400,600,800,1200,1600,2400' },
    all: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const REPS = Number(values.reps);
const LEADS = REPS * Number(values['leads-per-rep']);
const TEAM = 'TACKBENCH';
const P99_BOUND_MS = 300;
const COMPARE_AT = 100;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a Postgres server (the benchmark creates and drops a scratch database).');
  process.exit(2);
}

// Whatever happens to this process, its children go with it (a serve left behind would load the
// machine the next run measures).
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
const own = (child: ChildProcess): ChildProcess => {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
};

const tsx = (script: string, env: Record<string, string> = {}): ChildProcess =>
  own(
    spawn(process.execPath, ['--import', 'tsx', join(packageRoot(), 'bench', script)], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );

/** Runs the load process and collects its figures, one line per rate. */
async function runLoad(target: string, expect: string, commands: LoadPlan['commands']): Promise<StepFigures[]> {
  const plan: LoadPlan = {
    url: target,
    secret: SIGNING_SECRET,
    teamId: TEAM,
    commands,
    rates: values.rates.split(',').map(Number),
    seconds: Number(values.seconds),
    warmupSeconds: 5,
    expect,
    p99BoundMs: P99_BOUND_MS,
    all: values.all,
  };
  const child = tsx('ack-load.ts');
  // The plan goes through standard input: thousands of commands are too long for an argument list.
  child.stdin!.end(JSON.stringify(plan));
  const figures: StepFigures[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const f = JSON.parse(buffer.slice(0, nl)) as StepFigures;
      buffer = buffer.slice(nl + 1);
      figures.push(f);
      console.error(`  ${f.warmup ? 'warm-up ' : ''}${f.rate}/s: p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.failed} failed, ${f.achievedRate}/s done`);
    }
  });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`load process exited with ${code}`);
  return figures;
}

const startBare = async (writeUrl?: string): Promise<{ url: string; child: ChildProcess }> => {
  const port = await freePort();
  const child = tsx('ack-bare.ts', { PORT: String(port), SLACK_SIGNING_SECRET: SIGNING_SECRET, ...(writeUrl ? { BENCH_WRITE_URL: writeUrl } : {}) });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare app exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/slack/events`, child };
};

async function runBare(name: string, commands: LoadPlan['commands'], writeUrl?: string) {
  console.error(name);
  const bare = await startBare(writeUrl);
  try {
    return summarise(name, await runLoad(bare.url, 'Logged.', commands));
  } finally {
    bare.child.kill('SIGTERM');
  }
}

const summarise = (name: string, all: StepFigures[]) => {
  const figures = all.filter((f) => !f.warmup);
  const heldRates = figures.filter((f) => held(f, P99_BOUND_MS)).map((f) => f.rate);
  // The rate the target compares at (COMPARE_AT).
  const atCompare = figures.find((f) => f.rate === COMPARE_AT) ?? null;
  return { app: name, highestHeld: heldRates.length ? Math.max(...heldRates) : 0, atCompare, steps: figures };
};

const scratch = await createScratchDatabase(url);
const slack = await startSlackStandIn({ teamId: TEAM, recordCalls: false });
try {
  // The team: reps whose Slack profile is fresh (no users.info per command) and whose morning DM is
  // 12 hours away, so the scheduler stays quiet; each logs touches on their own leads.
  const database = await openDatabase({ databaseUrl: scratch.url, max: 2 });
  await database.migrate();
  const now = new Date();
  await seedTeam(database.db, { teamId: TEAM, reps: REPS, leads: LEADS, touches: LEADS * 4, now });
  const dmTime = new Date(now.getTime() + 12 * 3600_000).toISOString().slice(11, 16);
  await database.db.execute(sql`update reps set tz = 'UTC', dm_time = ${dmTime}, tz_refreshed_at = ${now.toISOString()}::timestamptz`);
  const leads = rowsOf(
    await database.db.execute(sql`select owner_id, name from leads where team_id = ${TEAM} order by row_number() over (partition by owner_id order by id), owner_id`),
  ) as { owner_id: string; name: string }[];
  // Autovacuum would otherwise pick the freshly seeded tables up in the middle of a run.
  await database.db.execute(sql`vacuum analyze`);
  const touchesBefore = await countTouches(database);
  await database.close();
  // Consecutive requests come from different reps, so no rep gets near the per-rep rate limit.
  const commands = leads.map((l) => ({ userId: l.owner_id, text: `log "${l.name}" call talked pricing next: send proposal by tomorrow` }));

  console.error(`serve on Postgres: ${REPS} reps, ${LEADS} leads`);
  // --cpu-prof: serve writes a .cpuprofile into the working directory as it exits (open it in Chrome's DevTools).
  const serve = await startServe({ DATABASE_URL: scratch.url, SLACK_API_URL: slack.url }, { nodeArgs: values['cpu-prof'] ? ['--cpu-prof'] : [] });
  own(serve.child);
  const app = await runLoad(`${serve.baseUrl}/slack/events`, 'Logged call', commands);
  const rss = await fetch(`${serve.baseUrl}/metrics`).then((r) => r.text()).then((t) => Number(/^followup_process_resident_memory_bytes (\S+)/m.exec(t)?.[1] ?? NaN));
  const exit = await serve.stop();

  // Every reply that said "Logged" is a touch in the store (a command answered after Slack's 3 s
  // counts as failed here, though the app may have stored it: Slack would show the rep an error).
  const check = await openDatabase({ databaseUrl: scratch.url, max: 1 });
  const stored = (await countTouches(check)) - touchesBefore;
  await check.close();

  const ours = summarise('serve', app);
  const floor = await runBare('bare Bolt (handler only acks)', commands);
  const floorWithWrite = await runBare('bare Bolt + one Postgres insert before the ack', commands, scratch.url);
  const p99Ratio = ours.atCompare && floor.atCompare ? ours.atCompare.p99 / floor.atCompare.p99 : null;
  console.log(
    JSON.stringify({
      reps: REPS,
      leads: LEADS,
      secondsPerRate: Number(values.seconds),
      p99BoundMs: P99_BOUND_MS,
      serve: ours,
      bare: floor,
      bareWithWrite: floorWithWrite,
      [`p99RatioAt${COMPARE_AT}`]: p99Ratio === null ? null : Math.round(p99Ratio * 100) / 100,
      touchesStored: stored,
      repliesLogged: app.reduce((n, f) => n + f.ok, 0),
      serveRssMb: Math.round(rss / 1024 / 1024),
      serveExit: exit,
      slackCallsRefused: slack.violations.length,
    }),
  );
} finally {
  await slack.close();
  await scratch.drop();
}

async function countTouches(db: Database): Promise<number> {
  const [row] = rowsOf(await db.db.execute(sql`select count(*)::int n from touches`));
  return Number(row!.n);
}
