import { loadConfig } from '../../src/config.js';
import type { Database, Db } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.js';
import { BOT_TOKEN, SIGNING_SECRET } from './serve-process.js';
import { slashCommands } from '../../src/demo/slash-commands.js';
import { startSlackStandIn, type SlackStandIn, type StandInUser } from './slack-stand-in.js';
import { forTheSuite } from './suite.js';

export interface TestApp {
  baseUrl: string;
  slack: SlackStandIn;
  running: RunningSlackApp;
  /** Sends a signed `/followup <text>` as this user; returns the ephemeral text. */
  command(text: string, userId: string, extra?: { triggerId?: string }): Promise<string>;
  /** The same, returning the reply's text and its blocks (buttons). */
  commandReply(text: string, userId: string, extra?: { triggerId?: string }): Promise<{ text: string; blocks?: any[] }>;
  stop(): Promise<void>;
}

/**
 * The real Bolt app and HTTP receiver in this process, on a free port, against a Slack stand-in,
 * with a clock the test controls.
 */
export async function startTestApp(opts: { database: Database; teamId: string; users: StandInUser[]; now: () => Date }): Promise<TestApp> {
  const slack = await startSlackStandIn({ users: opts.users, teamId: opts.teamId });
  const config = loadConfig(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    { slack: true },
  );
  const running = await startSlackApp({ config, logger: createLogger('silent'), database: opts.database, now: opts.now });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  const send = slashCommands({ baseUrl, signingSecret: SIGNING_SECRET, teamId: opts.teamId, responseUrlBase: slack.responseUrlBase });
  return {
    baseUrl,
    slack,
    running,
    async command(text, userId, extra = {}) {
      const res = await send(text, userId, extra);
      if (res.status !== 200) throw new Error(`/followup ${text} answered HTTP ${res.status}: ${res.text}`);
      // An empty ack (a modal opened instead of a reply) has no body.
      return res.text;
    },
    async commandReply(text, userId, extra = {}) {
      const res = await send(text, userId, extra);
      if (res.status !== 200) throw new Error(`/followup ${text} answered HTTP ${res.status}: ${res.text}`);
      return { text: res.text, ...(res.blocks ? { blocks: res.blocks as any[] } : {}) };
    },
    async stop() {
      await running.stop();
      await slack.close();
    },
  };
}

/**
 * The app of startTestApp for the enclosing describe's tests (see forTheSuite), on a database they
 * share (useDatabase): `seed` writes the data and returns the Slack users the stand-in knows.
 */
export function useTestApp(database: Database, opts: { teamId: string; now: () => Date; seed: (db: Db) => Promise<StandInUser[]> }): TestApp {
  const start = async () => startTestApp({ database, teamId: opts.teamId, users: await opts.seed(database.db), now: opts.now });
  return forTheSuite('the app', start, (app) => app.stop());
}
