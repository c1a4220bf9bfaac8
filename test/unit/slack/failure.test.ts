import { Writable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/db/errors.js';
import { createLogger } from '../../../src/logger.js';
import { answerFailure, classifyFailure, commandFailure, Refusal } from '../../../src/slack/failure.js';
import { DATABASE_DOWN, UNEXPECTED } from '../../../src/slack/reply.js';

// What the database driver throws when the server is away, as Drizzle wraps it.
const outage = () => new Error('Failed query: select "id" from "leads"', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) });
const bug = () => new TypeError("Cannot read properties of undefined (reading 'id')");
const notYours = () => new DomainError("That's not your lead, so nothing was changed.", 'not_found');

function capture() {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l)));
      cb();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

const user = { id: 'U0ANA', team_id: 'T1' };
const bodies = {
  command: { command: '/followup', text: 'log acme call', team_id: 'T1', user_id: 'U0ANA', response_url: 'https://hooks.slack.test/r' },
  button: { type: 'block_actions', team: { id: 'T1' }, user, response_url: 'https://hooks.slack.test/b', actions: [{ action_id: 'lead_done' }] },
  homeButton: { type: 'block_actions', team: { id: 'T1' }, user, container: { type: 'view' }, actions: [{ action_id: 'lead_done' }] },
  modal: { type: 'view_submission', team: { id: 'T1' }, user, view: { id: 'V1', callback_id: 'log_touch', state: { values: {} } } },
  options: { type: 'block_suggestion', team: { id: 'T1' }, user, action_id: 'lead_select', value: 'ac' },
  event: { type: 'event_callback', team_id: 'T1', event: { type: 'app_home_opened', user: 'U0ANA', tab: 'home' } },
};

/** Bolt's arguments for one request, recording what the app sends back. */
function surface(body: object) {
  const sent = { acks: [] as unknown[], responds: [] as Record<string, unknown>[], dms: [] as { channel: string; text: string }[] };
  const client = {
    conversations: { open: async ({ users }: { users: string }) => ({ channel: { id: `D${users.slice(1)}` } }) },
    chat: { postMessage: async (m: { channel: string; text: string }) => void sent.dms.push(m) },
  } as unknown as WebClient;
  const args = {
    body,
    client,
    ack: async (r?: unknown) => void sent.acks.push(r),
    // Bolt's respond resolves to the response_url's answer, which these tests never read.
    respond: (async (r: unknown) => void sent.responds.push(r as Record<string, unknown>)) as never,
  };
  return { args, sent };
}

describe('classifyFailure', () => {
  it('an outage is the database, however it is wrapped, and never a refusal', () => {
    expect(classifyFailure(outage())).toEqual({ kind: 'database' });
    const both = Object.assign(notYours(), { cause: { code: '57P01' } });
    expect(classifyFailure(both)).toEqual({ kind: 'database' });
  });

  it('refusals, repeated requests and the unknown', () => {
    expect(classifyFailure(notYours())).toEqual({ kind: 'refused', message: "That's not your lead, so nothing was changed." });
    expect(classifyFailure(new Refusal('Choose a CSV file.', 'file'))).toEqual({ kind: 'refused', message: 'Choose a CSV file.', field: 'file' });
    expect(classifyFailure(new DomainError('That request was already handled.', 'duplicate_request'))).toEqual({ kind: 'duplicate', message: 'That request was already handled.' });
    expect(classifyFailure(bug())).toEqual({ kind: 'unexpected' });
  });
});

describe('answerFailure, per surface', () => {
  it('command: acked ephemerally; a refusal with the usage line; once acked, through response_url', async () => {
    const { logger } = capture();
    let s = surface(bodies.command);
    await answerFailure(s.args, logger, outage());
    expect(s.sent.acks).toEqual([{ response_type: 'ephemeral', text: DATABASE_DOWN }]);

    s = surface(bodies.command);
    await answerFailure(s.args, logger, notYours(), { sub: 'log' });
    expect(s.sent.acks).toEqual([{ response_type: 'ephemeral', text: expect.stringMatching(/^:warning: That's not your lead, so nothing was changed\.\nUsage: `\/followup log/) }]);

    s = surface(bodies.command);
    await answerFailure(s.args, logger, outage(), { acked: true });
    expect(s.sent.acks).toEqual([]);
    expect(s.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: true, text: DATABASE_DOWN }]);
  });

  it('command: the reply its own answer sends, in today\'s words', () => {
    const { logger } = capture();
    expect(commandFailure(outage(), logger, { sub: 'add' }).text).toBe(DATABASE_DOWN);
    expect(commandFailure(bug(), logger, { sub: 'add' }).text).toBe(UNEXPECTED);
    expect(commandFailure(new DomainError('That request was already handled.', 'duplicate_request'), logger).text).toBe(':information_source: That request was already handled.');
    expect(commandFailure(new DomainError('Acme Corp is already won.', 'invalid'), logger, { sub: 'won' }).text).toMatch(/^:warning: Acme Corp is already won\.\nUsage: /);
  });

  it("button: a database outage says it can't reach the database, never \"not your lead\"", async () => {
    const { logger } = capture();
    const s = surface(bodies.button);
    await answerFailure(s.args, logger, outage(), { acked: true });
    expect(s.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: DATABASE_DOWN }]);
    expect(s.sent.responds[0]!.text).toMatch(/can't reach the database/);
    expect(JSON.stringify(s.sent)).not.toMatch(/not your lead/);
  });

  it('button: a refusal in plain words beside the message; unacked, it acks first', async () => {
    const { logger } = capture();
    const s = surface(bodies.button);
    await answerFailure(s.args, logger, notYours());
    expect(s.sent.acks).toEqual([undefined]);
    expect(s.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: "That's not your lead, so nothing was changed." }]);
  });

  it("button on a command's reply: in the command's words, in that reply's place", async () => {
    const { logger } = capture();
    const s = surface(bodies.button);
    await answerFailure(s.args, logger, new Refusal('That button is no longer valid. Nothing was deleted.'), { acked: true, replaceOriginal: true });
    expect(s.sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: true, text: ':warning: That button is no longer valid. Nothing was deleted.' }]);
  });

  it('button in App Home (no response_url): by DM', async () => {
    const { logger } = capture();
    const s = surface(bodies.homeButton);
    await answerFailure(s.args, logger, outage(), { acked: true });
    expect(s.sent.responds).toEqual([]);
    expect(s.sent.dms).toEqual([{ channel: 'D0ANA', text: DATABASE_DOWN }]);
  });

  it('modal: a refusal on its field keeps the form open; an outage closes it and says so by DM; a repeat just closes', async () => {
    const { logger } = capture();
    let s = surface(bodies.modal);
    await answerFailure(s.args, logger, new DomainError('Acme Corp was closed as lost.', 'closed'), { field: 'lead' });
    expect(s.sent.acks).toEqual([{ response_action: 'errors', errors: { lead: 'Acme Corp was closed as lost.' } }]);
    expect(s.sent.dms).toEqual([]);

    s = surface(bodies.modal);
    await answerFailure(s.args, logger, new Refusal('Choose a CSV file.', 'file'), { field: 'lead' });
    expect(s.sent.acks).toEqual([{ response_action: 'errors', errors: { file: 'Choose a CSV file.' } }]);

    s = surface(bodies.modal);
    await answerFailure(s.args, logger, outage(), { field: 'lead' });
    expect(s.sent.acks).toEqual([undefined]);
    expect(s.sent.dms).toEqual([{ channel: 'D0ANA', text: DATABASE_DOWN }]);

    s = surface(bodies.modal);
    await answerFailure(s.args, logger, new DomainError('That request was already handled.', 'duplicate_request'), { field: 'lead' });
    expect(s.sent.acks).toEqual([undefined]);
    expect(s.sent.dms).toEqual([]);
  });

  it('modal, already closed (past the ack budget): a refusal comes by DM', async () => {
    const { logger } = capture();
    const s = surface(bodies.modal);
    await answerFailure(s.args, logger, new DomainError('Acme Corp was closed as lost.', 'closed'), { field: 'lead', acked: true });
    expect(s.sent.acks).toEqual([]);
    expect(s.sent.dms).toEqual([{ channel: 'D0ANA', text: ':warning: Nothing was saved: Acme Corp was closed as lost.' }]);
  });

  it('options: an empty list', async () => {
    const { logger } = capture();
    const s = surface(bodies.options);
    await answerFailure(s.args, logger, outage());
    expect(s.sent.acks).toEqual([{ options: [] }]);
  });

  it('event: logged only, nothing sent', async () => {
    const { logger, lines } = capture();
    const s = surface(bodies.event);
    await answerFailure(s.args, logger, outage());
    await answerFailure(s.args, logger, bug());
    expect(s.sent).toEqual({ acks: [], responds: [], dms: [] });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'database unavailable'],
      [50, 'event failed'],
    ]);
  });

  it('logs the unknown with its stack, an outage as a warning, a refusal not at all', async () => {
    const { logger, lines } = capture();
    await answerFailure(surface(bodies.button).args, logger, bug(), { acked: true });
    await answerFailure(surface(bodies.button).args, logger, outage(), { acked: true });
    await answerFailure(surface(bodies.button).args, logger, notYours(), { acked: true });
    commandFailure(bug(), logger, { sub: 'add' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'button failed', surface: 'button', err: { message: expect.stringContaining('Cannot read properties') } });
    expect(lines[0]!.err.stack).toMatch(/TypeError[\s\S]*at /);
    expect(lines[1]).toMatchObject({ level: 40, msg: 'database unavailable', surface: 'button' });
    expect(lines[2]).toMatchObject({ level: 50, msg: 'command failed', sub: 'add' });
    expect(lines[2]!.err.stack).toBeTruthy();
  });

  it('every unknown failure is answered as ours, on every surface that answers', async () => {
    const { logger } = capture();
    const s = surface(bodies.button);
    await answerFailure(s.args, logger, bug(), { acked: true });
    expect(s.sent.responds[0]!.text).toBe(UNEXPECTED);
  });
});

describe('answerFailure, when Slack refuses the team\'s token', () => {
  it('drops the team\'s cached install (OAuth mode) for invalid_auth, token_revoked or account_inactive, and for nothing else', async () => {
    const { logger } = capture();
    const slackError = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
    const dropped: string[] = [];
    for (const [label, err] of [['invalid_auth', slackError('invalid_auth')], ['token_revoked', slackError('token_revoked')], ['account_inactive', slackError('account_inactive')], ['channel_not_found', slackError('channel_not_found')], ['refusal', notYours()], ['outage', outage()]] as const) {
      const s = surface(bodies.command);
      await answerFailure({ ...s.args, context: { tokenRefused: () => void dropped.push(label) } }, logger, err);
      // The rep is answered as for any failure of ours.
      expect(s.sent.acks).toHaveLength(1);
    }
    expect(dropped).toEqual(['invalid_auth', 'token_revoked', 'account_inactive']);
  });
});
