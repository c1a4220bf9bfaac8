import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendEvent, sendInteraction, sendSlashCommand, slackSignature } from '../../support/signed-request.js';
import { slackReferenceAvailable, startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.js';

const TOKEN = 'xoxb-test-token';

describe('Slack stand-in', () => {
  let slack: SlackStandIn;
  let client: webApi.WebClient;

  beforeAll(async () => {
    slack = await startSlackStandIn({ teamId: 'T0ACME', users: [{ id: 'U0ANA', tz: 'Europe/Lisbon', tz_offset: 0, is_admin: true }] });
    // A real WebClient, as Bolt builds it: form-encoded bodies, bearer token, no retries in tests.
    client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  });
  afterAll(() => slack.close());

  it('answers auth.test and records the bearer token', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0ACME', user_id: 'U0BOT' });
    expect(slack.callsOf('auth.test')).toEqual([expect.objectContaining({ token: TOKEN })]);
  });

  it('answers users.info with the registered zone and roles, a default zone for others, user_not_found for non-users', async () => {
    expect((await client.users.info({ user: 'U0ANA' })).user).toMatchObject({ id: 'U0ANA', tz: 'Europe/Lisbon', is_admin: true, is_owner: false });
    expect((await client.users.info({ user: 'U0NEW' })).user).toMatchObject({ tz: 'America/New_York', is_admin: false });
    slack.setUser({ id: 'U0NEW', tz: 'Asia/Tokyo', tz_offset: 32400 });
    expect((await client.users.info({ user: 'U0NEW' })).user).toMatchObject({ tz: 'Asia/Tokyo', tz_offset: 32400 });
    await expect(client.users.info({ user: 'nobody' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('records chat.postMessage arguments with blocks parsed back into objects, and gives unique increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* is due' } }];
    const dm = await client.conversations.open({ users: 'U0ANA' });
    expect(dm.channel?.id).toBe('D0ANA');
    const first = await client.chat.postMessage({ channel: 'D0ANA', text: 'Acme is due', blocks });
    const second = await client.chat.postMessage({ channel: 'D0ANA', text: 'again' });
    expect(first).toMatchObject({ ok: true, channel: 'D0ANA' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(slack.callsOf('chat.postMessage')[0]?.args).toMatchObject({ channel: 'D0ANA', text: 'Acme is due', blocks });
  });

  it('answers views.* with a view id', async () => {
    const res = await client.views.publish({ user_id: 'U0ANA', view: { type: 'home', blocks: [] } });
    expect(res.view?.id).toMatch(/^V/);
    expect(slack.callsOf('views.publish')[0]?.args.view).toEqual({ type: 'home', blocks: [] });
  });

  it('allows the upload methods newer than the OpenAPI description', async () => {
    const before = slack.violations.length;
    const url = await client.files.getUploadURLExternal({ filename: 'leads.csv', length: 10 });
    expect(url.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await client.files.completeUploadExternal({ files: [{ id: url.file_id!, title: 'leads' }] });
    expect(slack.violations.length).toBe(before);
  });

  it('fails the next call of a method on request, with an error or an HTTP status', async () => {
    slack.failNext('chat.update', 'message_not_found');
    await expect(client.chat.update({ channel: 'D0ANA', ts: '1.2', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    expect(await client.chat.update({ channel: 'D0ANA', ts: '1.2', text: 'x' })).toMatchObject({ ok: true });
    slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 3 });
    await expect(client.chat.postMessage({ channel: 'D0ANA', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 });
  });

  it('records what is posted to a response_url', async () => {
    const res = await fetch(`${slack.responseUrlBase}42`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Logged call' }) });
    expect(res.status).toBe(200);
    expect(slack.responses.at(-1)).toMatchObject({ path: '/response/42', body: { text: 'Logged call' } });
  });

  it('waitFor explains what it was waiting on when it times out', async () => {
    await expect(slack.waitFor(() => false, 50)).rejects.toThrow(/not met in 50 ms; calls: auth\.test/);
  });

  describe.skipIf(!slackReferenceAvailable())('checks calls against the OpenAPI description', () => {
    it('flags a call missing a required argument', async () => {
      await expect(client.apiCall('chat.postMessage', { text: 'x' })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
      expect(slack.violations.at(-1)).toBe('chat.postMessage: missing required channel');
    });

    it('flags an unknown method', async () => {
      await expect(client.apiCall('chat.teleport', { channel: 'C1' })).rejects.toMatchObject({ data: { error: 'unknown_method' } });
      expect(slack.violations.at(-1)).toMatch(/^chat\.teleport: no such method/);
    });

    it('does not require the token as an argument', async () => {
      const before = slack.violations.length;
      await client.users.info({ user: 'U0ANA' });
      expect(slack.violations.length).toBe(before);
    });
  });
});

describe('signed requests', () => {
  it("match Slack's documented example and an independent HMAC", () => {
    // The example from Slack's "Verifying requests from Slack" page.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    const hmac = createHmac('sha256', 's3cret').update('v0:1700000000:{"a":1}').digest('hex');
    expect(slackSignature('s3cret', 1700000000, '{"a":1}')).toBe(`v0=${hmac}`);
  });

  describe('as sent over HTTP', () => {
    const received: { headers: IncomingMessage['headers']; path: string; raw: string }[] = [];
    const server = createServer(async (req, res) => {
      let raw = '';
      for await (const c of req) raw += c;
      received.push({ headers: req.headers, path: req.url ?? '', raw });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"ok"}');
    });
    let base = '';
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    const verify = (i: number) => {
      const r = received[i]!;
      const ts = Number(r.headers['x-slack-request-timestamp']);
      expect(r.path).toBe('/slack/events');
      expect(r.headers['x-slack-signature']).toBe(slackSignature('sec', ts, r.raw));
      return r;
    };

    it('a slash command carries the fields Slack sends, form-encoded', async () => {
      const res = await sendSlashCommand(base, 'sec', { text: 'log "Acme" call', userId: 'U0ANA', teamId: 'T0ACME', timestamp: 1700000000 });
      expect(res).toEqual({ status: 200, body: { text: 'ok' }, text: '{"text":"ok"}' });
      const r = verify(0);
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(r.headers['x-slack-request-timestamp']).toBe('1700000000');
      const form = Object.fromEntries(new URLSearchParams(r.raw));
      expect(Object.keys(form).sort()).toEqual(
        ['api_app_id', 'channel_id', 'channel_name', 'command', 'is_enterprise_install', 'response_url', 'team_domain', 'team_id', 'text', 'token', 'trigger_id', 'user_id', 'user_name'].sort(),
      );
      expect(form).toMatchObject({ command: '/followup', text: 'log "Acme" call', user_id: 'U0ANA', team_id: 'T0ACME', is_enterprise_install: 'false' });
    });

    it('an interaction is payload=<json>, an event is JSON with retry headers, and a forged signature is sent as given', async () => {
      await sendInteraction(base, 'sec', { type: 'block_actions', actions: [] });
      const i = verify(1);
      expect(i.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(JSON.parse(new URLSearchParams(i.raw).get('payload')!)).toEqual({ type: 'block_actions', actions: [] });

      await sendEvent(base, 'sec', { type: 'event_callback', event_id: 'Ev1' }, { retryNum: 1 });
      const e = verify(2);
      expect(e.headers['content-type']).toBe('application/json');
      expect(e.headers['x-slack-retry-num']).toBe('1');
      expect(JSON.parse(e.raw)).toMatchObject({ event_id: 'Ev1' });

      await sendEvent(base, 'sec', {}, { signature: 'v0=forged' });
      expect(received[3]!.headers['x-slack-signature']).toBe('v0=forged');
    });
  });
});
