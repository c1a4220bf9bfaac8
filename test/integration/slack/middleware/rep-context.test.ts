import { and, eq } from 'drizzle-orm';
import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/client.js';
import { ensureRep } from '../../../../src/db/ops/ensure-rep.js';
import { reps, teams } from '../../../../src/db/schema.js';
import { createLogger } from '../../../../src/logger.js';
import { InFlight } from '../../../../src/observability/in-flight.js';
import { createMetrics } from '../../../../src/observability/metrics.js';
import { GUESTS_REFUSED, repContext } from '../../../../src/slack/middleware/rep-context.js';
import { DATABASE_DOWN } from '../../../../src/slack/reply.js';
import type { Services } from '../../../../src/slack/services.js';
import { dbTargets } from '../../../support/db.js';

const TEAM = 'T0CTX';
const DAY = 24 * 3_600_000;
let now = new Date('2026-11-25T15:00:00Z');

const actor = (id: string) => ({ id, team_id: TEAM, name: id.toLowerCase() });
const payloads = (userId: string) => ({
  command: { command: '/followup', text: 'queue', team_id: TEAM, user_id: userId, trigger_id: 't', response_url: 'https://hooks.slack.test/c' },
  button: { type: 'block_actions', team: { id: TEAM }, user: actor(userId), response_url: 'https://hooks.slack.test/b', trigger_id: 't', actions: [{ action_id: 'lead_done', value: 'x' }] },
  modal: { type: 'view_submission', team: { id: TEAM }, user: actor(userId), view: { id: 'V1', team_id: TEAM, callback_id: 'log_touch', state: { values: {} } } },
  options: { type: 'block_suggestion', team: { id: TEAM }, user: actor(userId), action_id: 'lead_select', value: 'ac' },
  event: { type: 'event_callback', team_id: TEAM, event_id: 'Ev1', event: { type: 'app_home_opened', user: userId, tab: 'home' } },
});

// What the database driver throws when the server is away: any query fails so.
const unreachable = {
  db: new Proxy({}, { get: () => { throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }); } }),
} as unknown as Database;

describe.each(dbTargets())('the rep context middleware on $name', (target) => {
  let database: Database;
  const profiles: Record<string, object> = {
    U0ANA: { tz: 'America/New_York', real_name: 'Ana Rivera' },
    U0GUEST: { tz: 'UTC', is_restricted: true },
  };
  const looked: string[] = [];
  const services = (db: Database): Services => ({
    database: db, logger: createLogger('silent'), now: () => now, metrics: createMetrics(), inFlight: new InFlight(), home: { redraw: async () => {} },
  });

  /** Runs the middleware on one request; returns what it put on the context and sent back. */
  async function run(body: object, db: Database = database) {
    const sent = { acks: [] as unknown[], responds: [] as unknown[], dms: [] as unknown[] };
    const client = {
      users: { info: async ({ user }: { user: string }) => (looked.push(user), { user: { id: user, ...profiles[user] } }) },
      conversations: { open: async ({ users }: { users: string }) => ({ channel: { id: `D${users.slice(1)}` } }) },
      chat: { postMessage: async (m: unknown) => void sent.dms.push(m) },
    } as unknown as WebClient;
    const context: Record<string, any> = { isEnterpriseInstall: false };
    let nexted = false;
    const isEvent = (body as { type?: string }).type === 'event_callback';
    await repContext(services(db))({
      body,
      client,
      context,
      logger: undefined,
      next: async () => void (nexted = true),
      ...(isEvent ? {} : { ack: async (r?: unknown) => void sent.acks.push(r) }),
      ...('response_url' in body ? { respond: async (r: unknown) => void sent.responds.push(r) } : {}),
    } as never);
    return { context, nexted, sent };
  }

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => database?.close());

  it.each(Object.keys(payloads('U0ANA')))('%s: the rep (and team) ensured and on the context, with today\'s profile', async (kind) => {
    const body = payloads('U0ANA')[kind as keyof ReturnType<typeof payloads>];
    const { context, nexted, sent } = await run(body);
    expect(nexted).toBe(true);
    expect(context.teamId).toBe(TEAM);
    expect(context.userId).toBe('U0ANA');
    expect(context.rep).toMatchObject({ teamId: TEAM, userId: 'U0ANA', tz: 'America/New_York', displayName: 'Ana Rivera', isGuest: false });
    expect(sent).toEqual({ acks: [], responds: [], dms: [] });
    expect(await database.db.select().from(teams).where(eq(teams.id, TEAM))).toHaveLength(1);
  });

  it('asks Slack for the profile at most daily', async () => {
    looked.length = 0;
    await ensureRep(database.db, TEAM, 'U0BO', { tz: 'Europe/Berlin' }, now);
    profiles.U0BO = { tz: 'Europe/Lisbon' };
    await run(payloads('U0BO').button);
    expect(looked).toEqual([]);
    now = new Date(now.getTime() + DAY + 1);
    const { context } = await run(payloads('U0BO').event);
    expect(looked).toEqual(['U0BO']);
    expect(context.rep.tz).toBe('Europe/Lisbon');
  });

  it('events in which no one acted go on without a rep', async () => {
    for (const event of [{ type: 'app_uninstalled' }, { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }, { type: 'message', channel_type: 'im', user: 'U0BOT', bot_id: 'B1' }]) {
      const { context, nexted } = await run({ type: 'event_callback', team_id: TEAM, event });
      expect(nexted).toBe(true);
      expect(context.teamId).toBe(TEAM);
      expect(context.rep).toBeUndefined();
    }
    expect(await database.db.select().from(reps).where(and(eq(reps.teamId, TEAM), eq(reps.userId, 'U0BOT')))).toEqual([]);
  });

  it('a guest is refused on the surface they used, and no listener runs', async () => {
    const p = payloads('U0GUEST');
    let r = await run(p.command);
    expect(r.nexted).toBe(false);
    expect(r.context.outcome).toBe('guest');
    expect(r.sent.acks).toEqual([{ response_type: 'ephemeral', text: GUESTS_REFUSED }]);
    r = await run(p.button);
    expect(r.sent.acks).toEqual([undefined]);
    expect(r.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: GUESTS_REFUSED }]);
    r = await run(p.modal);
    expect(r.sent.acks).toEqual([undefined]);
    expect(r.sent.dms).toEqual([{ channel: 'D0GUEST', text: GUESTS_REFUSED }]);
    r = await run(p.options);
    expect(r.sent.acks).toEqual([{ options: [] }]);
    r = await run(p.event);
    expect(r.nexted).toBe(false);
    expect(r.sent).toEqual({ acks: [], responds: [], dms: [] });
  });

  it("the database away: each surface says it can't be reached, and no listener runs", async () => {
    const p = payloads('U0ANA');
    let r = await run(p.command, unreachable);
    expect(r.nexted).toBe(false);
    expect(r.sent.acks).toEqual([{ response_type: 'ephemeral', text: DATABASE_DOWN }]);
    r = await run(p.button, unreachable);
    expect(r.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: DATABASE_DOWN }]);
    r = await run(p.modal, unreachable);
    expect(r.sent.dms).toEqual([{ channel: 'D0ANA', text: DATABASE_DOWN }]);
    r = await run(p.options, unreachable);
    expect(r.sent.acks).toEqual([{ options: [] }]);
    r = await run(p.event, unreachable);
    expect(r.nexted).toBe(false);
    expect(r.sent).toEqual({ acks: [], responds: [], dms: [] });
  });
});
