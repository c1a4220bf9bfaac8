import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { leads, teams } from '../../src/db/schema.js';
import { boltLogger, createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).trim().split('\n'));
      cb();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('writes JSON and redacts tokens and secrets wherever they appear', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info({ token: 'xoxb-123-secret', config: { SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'xoxb-9' }, req: { headers: { authorization: 'Bearer xoxb-1' } } }, 'hello');
    log.warn('failed with token xoxb-111-222-abc in the text');
    log.warn({ err: 'Slack said no to xoxb-333-444-def' }, 'a token inside a field');
    const all = lines.join('\n');
    expect(JSON.parse(lines[0]!).msg).toBe('hello');
    expect(all).not.toMatch(/xoxb-/);
    expect(all).not.toContain('shh');
    expect(all).toContain('[Redacted]');
  });

  it('redacts the encryption keys, webhook secrets old and new, and the tokens of an OAuth answer', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    const keys = 'k1:c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcy1sb25nIQ==';
    log.info({ env: { FOLLOWUP_ENCRYPTION_KEYS: keys } }, 'config');
    log.info({ team: { webhookSecret: 'a'.repeat(64), webhookSecretPrevious: 'b'.repeat(64) } }, 'team');
    log.info({ answer: { access_token: 'opaque-bot-token', refresh_token: 'opaque-refresh' } }, 'oauth');
    const all = lines.join('\n');
    for (const secret of [keys, 'a'.repeat(64), 'b'.repeat(64), 'opaque-bot-token', 'opaque-refresh']) {
      expect(all).not.toContain(secret);
    }
  });

  it('adapts to Bolt: setLevel/getLevel/setName, same redaction', () => {
    const { lines, stream } = capture();
    const bolt = boltLogger(createLogger('info', stream));
    bolt.setName('bolt-app');
    bolt.debug('hidden at info');
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    bolt.debug('shown now with xapp-1-A-secret');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line.component).toBe('bolt-app');
    expect(line.msg).toBe('shown now with [Redacted]');
  });

  it('at debug, masks the configured secrets by value and the code exchange\'s client secret and code, as Slack\'s libraries log them', () => {
    const key = randomBytes(32);
    const env = {
      SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'c1i2e3n4t5s6e7c8r9e0t1a2b3c4d5e6', SLACK_STATE_SECRET: 's'.repeat(20) + 'tate-secret-x',
      SLACK_SIGNING_SECRET: 'sign0ing0secret0abc123', FOLLOWUP_ENCRYPTION_KEYS: `k1:${key.toString('base64')}`,
    };
    loadConfig(env);
    const code = 'T0ALPHA.1a2b3c4d5e6f7a8b';
    const { lines, stream } = capture();
    const bolt = boltLogger(createLogger('debug', stream));
    bolt.setLevel(LogLevel.DEBUG);
    // What WebClient writes for oauth.v2.access, and where the redirect URL carries the code.
    bolt.debug(`http request body: ${JSON.stringify({ client_id: env.SLACK_CLIENT_ID, client_secret: env.SLACK_CLIENT_SECRET, code, redirect_uri: 'https://x.example/slack/oauth_redirect' })}`);
    bolt.debug('form: client_id=1111.2222&client_secret=other-secret-value&code=other.code.value');
    bolt.debug(`GET /slack/oauth_redirect?code=${code}&state=abc`);
    bolt.debug(`signed with ${env.SLACK_STATE_SECRET} and ${env.SLACK_SIGNING_SECRET}; key ${key.toString('base64')} ${key.toString('base64url')}`);
    // Error codes elsewhere stay readable.
    bolt.debug(JSON.stringify({ code: 'slack_webapi_platform_error', error: 'invalid_auth' }));
    const all = lines.join('\n');
    for (const secret of [env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET, env.SLACK_SIGNING_SECRET, key.toString('base64url'), key.toString('base64').slice(0, 40), code, 'other-secret-value', 'other.code.value']) {
      expect(all).not.toContain(secret);
    }
    expect(JSON.parse(lines[0]!).msg).toBe('http request body: {"client_id":"1111.2222","client_secret":"[Redacted]","code":"[Redacted]","redirect_uri":"https://x.example/slack/oauth_redirect"}');
    expect(JSON.parse(lines[2]!).msg).toBe('GET /slack/oauth_redirect?code=[Redacted]&state=abc');
    expect(all).toContain('slack_webapi_platform_error');
  });
});

// A lead's contact details, bound as parameters of a query the database refuses.
const NAME = 'Jo Privatelead';
const EMAIL = 'jo.privatelead@acme.example';
const PHONE = '+1 555 0199 734';

describe('logger and failed queries: the SQL and the reason are logged, the lead\'s details are not', () => {
  let database: Database;
  const failedInsert = async (bad: Record<string, unknown>): Promise<Error> => {
    try {
      await database.db.insert(leads).values({ teamId: 'T1', ownerId: 'U1', name: NAME, email: EMAIL, phone: PHONE, ...bad } as typeof leads.$inferInsert);
    } catch (err) {
      return err as Error;
    }
    throw new Error('the insert should have failed');
  };
  const expectNoContactDetails = (text: string) => {
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NAME);
  };

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    await database.db.insert(teams).values({ id: 'T1' });
  });
  afterAll(() => database?.close());

  it('an error object (DrizzleQueryError and its cause): no parameters, no failing row; SQL, constraint and code stay', async () => {
    const err = await failedInsert({ tier: 'bogus' });
    // The leak this guards against: drizzle puts the values in the message and in `params`, the database in `detail`.
    expect(err.message).toContain(EMAIL);
    expect((err.cause as { detail?: string }).detail).toContain(PHONE);

    const { lines, stream } = capture();
    createLogger('info', stream).error({ sub: 'add', err }, 'command failed');
    expectNoContactDetails(lines.join('\n'));
    const line = JSON.parse(lines[0]!);
    expect(line.msg).toBe('command failed');
    expect(line.err.message).toMatch(/^Failed query: insert into "leads" \(.*\) values \(.*\$1.*\)\nparams: \[Redacted\]$/s);
    expect(line.err.stack).toMatch(/\n {4}at /);
    expect(line.err.cause).toMatchObject({ code: '23514', message: expect.stringContaining('violates check constraint "leads_tier_check"') });
  });

  it('the same error logged by message, as the first argument, or through Bolt\'s logger', async () => {
    const err = await failedInsert({ tier: 'bogus' });
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.warn({ err: err.message }, 'import failed');
    log.error(err);
    log.error(`wrapped: ${JSON.stringify({ reason: err.message })}`);
    boltLogger(log).error('An unhandled error occurred', err, { error: err });
    expect(lines).toHaveLength(4);
    expectNoContactDetails(lines.join('\n'));
    for (const line of lines) expect(line).toMatch(/Failed query: insert into .*params: \[Redacted\]/);
    expect(JSON.parse(lines[1]!).err.cause.code).toBe('23514');
  });

  it('a value the database quotes in its own message (invalid input) is masked too', async () => {
    const err = await failedInsert({ value: EMAIL });
    expect((err.cause as Error).message).toContain(EMAIL);
    const { lines, stream } = capture();
    createLogger('info', stream).error({ err }, 'command failed');
    expectNoContactDetails(lines.join('\n'));
    expect(JSON.parse(lines[0]!).err.cause).toMatchObject({ code: '22P02', message: 'invalid input syntax for type numeric: "[Redacted]"' });
  });
});
