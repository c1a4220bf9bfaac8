import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { startScheduler } from '../jobs/scheduler.js';
import { envTeamClients } from '../outbound/team-clients.js';
import { createLogger } from '../logger.js';
import { startSlackApp } from '../slack/app.js';
import { settableClock } from './clock.js';
import { demoMonday } from './demo-day.js';
import { keepInstructions } from './keep-instructions.js';
import { introduction, summary } from './narration.js';
import { seedDemoTeam } from './seed.js';
import { startSlackStandIn } from './slack-stand-in.js';
import { slashCommands } from './slash-commands.js';
import { openingTime, playMonday } from './story.js';
import { DEMO_TEAM_ID, PEOPLE, SALES_CHANNEL } from './team.js';
import { styleFor } from './terminal-style.js';
import { tickWatch } from './tick-watch.js';

// The demo's scheduler ticks every second, so each scheduled message follows its moment at once.
const DEMO_TICK = '* * * * * *';

/**
 * `followup-coach demo [--keep] [--port <n>]`: the real app (HTTP receiver, scheduler, embedded
 * database in a temporary DATA_DIR) against a Slack stand-in on 127.0.0.1, a sample team, and a
 * Monday played through signed requests; it prints what each person would see in Slack.
 */
export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { keep: { type: 'boolean' }, port: { type: 'string' } }, strict: true });
  const started = Date.now();
  const style = styleFor(process.stdout, process.env);
  const print = (line = '') => void process.stdout.write(`${line}\n`);
  const monday = demoMonday();

  const slack = await startSlackStandIn({
    teamId: DEMO_TEAM_ID,
    // `name` is what Slack's profile shows as the display name.
    users: PEOPLE.map((p) => ({ id: p.id, tz: p.zone, real_name: p.realName, name: p.realName, email: p.email })),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'followup-coach-demo-'));
  const signingSecret = randomBytes(16).toString('hex');
  // Only what the demo sets: never the operator's Slack tokens or database.
  const config = loadConfig(
    {
      SLACK_BOT_TOKEN: 'xoxb-demo-stand-in',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.url,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: values.port ?? '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      FOLLOWUP_TICK: DEMO_TICK,
    },
    { slack: true },
  );
  // Logs go to stderr, quietly: stdout tells the story.
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  const stops: (() => Promise<unknown>)[] = [() => slack.close()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err: Error) => logger.warn({ err: err.message }, 'demo: stopping failed'));
  };
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  // Ctrl-C mid-story still leaves nothing behind.
  const interrupted = async () => {
    await stopAll();
    if (!values.keep) removeData();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);

  try {
    const database = await openDatabase({ dataDir });
    stops.push(() => database.close());
    await database.migrate();
    await seedDemoTeam(database.db, monday);

    const clock = settableClock(openingTime(monday));
    // As `serve` wires it: one set of team clients for scheduled sends and the app's own alerts.
    const clients = envTeamClients(config, logger);
    const ticks = tickWatch();
    const running = await startSlackApp({ config, logger, database, now: clock.now, clients });
    stops.push(() => running.stop());
    const scheduler = startScheduler({
      database,
      clients,
      logger,
      now: clock.now,
      cron: config.FOLLOWUP_TICK,
      concurrency: config.FOLLOWUP_SEND_CONCURRENCY,
      leaseMs: config.FOLLOWUP_LEASE_SECONDS * 1000,
      onTick: ticks.finished,
    });
    stops.push(() => scheduler.stop());

    const baseUrl = `http://127.0.0.1:${running.port}`;
    for (const line of introduction(baseUrl, style)) print(line);

    const shown = await playMonday({
      monday,
      clock,
      slack,
      ticks,
      command: slashCommands({ baseUrl, signingSecret, teamId: DEMO_TEAM_ID, responseUrlBase: slack.responseUrlBase }),
      print,
      style,
      directory: {
        users: Object.fromEntries(PEOPLE.map((p) => [p.id, p.realName])),
        channels: { [SALES_CHANNEL.id]: SALES_CHANNEL.name },
      },
    });
    for (const line of summary(shown, (Date.now() - started) / 1000, style, Boolean(values.keep))) print(line);
    if (!values.keep) return 0;
    print();
    for (const line of keepInstructions({ requestUrl: `${baseUrl}/slack/events`, signingSecret, responseUrl: `${slack.responseUrlBase}keep`, dataDir })) print(line);
    process.removeListener('SIGINT', interrupted);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    print(`\nStopped. The demo's database is in ${dataDir}.`);
    return 0;
  } finally {
    process.removeListener('SIGINT', interrupted);
    await stopAll();
    if (!values.keep) removeData();
  }
}
