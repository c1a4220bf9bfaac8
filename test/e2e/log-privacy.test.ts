import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSecretOf } from '../support/cli.js';
import { processDbTargets, seedDatabase } from '../support/db.js';
import { installWorkspace, oauthEnv, OAUTH_APP, startOAuthServe, textOf } from '../support/oauth-install.js';
import { SIGNING_SECRET, startServe, type ServeProcess } from '../support/serve-process.js';
import { postLead, sendSlashCommand } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn, type StandInTeam } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const TEAM = 'T0PRIV';
const REP = 'U0PRIV';
// The lead's details; the database below refuses the row, so they are bound to a failing query.
const NAME = 'Jo Privatelead';
const EMAIL = 'jo.privatelead@refused.example';
const PHONE = '+1 555 0199 734';

describe.each(await processDbTargets('fc-logpriv-'))('a failed write on $name: logged for the operator, without the lead\'s details', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let secret: string;
  /** The first log line with this msg; the child's output arrives through a pipe, so it may lag the response. */
  const logLine = async (msg: string) => {
    await slack.waitFor(() => serve.logs().some((l) => l.msg === msg)).catch(() => {
      throw new Error(`no "${msg}" log line in:\n${serve.output()}`);
    });
    return serve.logs().find((l) => l.msg === msg) as Record<string, any>;
  };

  beforeAll(async () => {
    // A stand-in for any refusal that arrives only at the database (a constraint, a trigger, a bug).
    await seedDatabase(target, (db) => db.execute(sql`alter table leads add constraint e2e_refuses_email check (email is null or email not like '%@refused.example')`));
    secret = await webhookSecretOf(TEAM, target.env);
    slack = await startSlackStandIn({ teamId: TEAM });
    serve = await startServe({ ...target.env, SLACK_API_URL: slack.url, LOG_LEVEL: 'info' });
  }, 60_000);

  afterAll(() => stopAll(serve, slack, target));

  it('/followup add: the rep is told nothing changed; the log has the SQL and the constraint, not the name, e-mail or phone', async () => {
    const res = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: TEAM, userId: REP, text: `add "${NAME}" email:${EMAIL} phone:${PHONE}` });
    expect(res.body.text).toMatch(/Something went wrong on our side, and nothing was changed/);
    const failed = await logLine('command failed');
    expect(failed).toMatchObject({ sub: 'add', err: { message: expect.stringMatching(/^Failed query: insert into "leads"/) } });
    expect(JSON.stringify(failed.err)).toMatch(/e2e_refuses_email/);
    expect(failed.err.cause).toMatchObject({ code: '23514' });
    expect(serve.output()).not.toContain(EMAIL);
    expect(serve.output()).not.toContain(PHONE);
    expect(serve.output()).not.toContain(NAME);
  });

  it('POST /leads: 503 to the sender; the log line names the failure, not the lead', async () => {
    const res = await postLead(serve.baseUrl, TEAM, secret, { name: NAME, email: EMAIL, phone: PHONE, owner: REP });
    expect(res.status).toBe(503);
    const failed = await logLine('lead webhook failed');
    expect(failed).toMatchObject({ route: 'POST /leads', err: { message: expect.stringMatching(/^Failed query: insert into "leads"/), cause: { code: '23514' } } });
    expect(serve.output()).not.toContain(EMAIL);
    expect(serve.output()).not.toContain(PHONE);
    expect(serve.output()).not.toContain(NAME);
  });
});

const WORKSPACE: StandInTeam = {
  teamId: 'T0LOGS', teamName: 'Debug Logs Inc', botToken: 'xoxb-logs-e2e', installed: false,
  users: [{ id: 'U0LOGS', tz: 'America/New_York', real_name: 'Lou Logan', is_admin: true }],
};

describe.each(await processDbTargets('fc-logpriv-oauth-'))('"Add to Slack" at LOG_LEVEL=debug on $name: no secret in the log', (target) => {
  let slack: SlackStandIn;
  let serve: ServeProcess;

  beforeAll(async () => {
    slack = await startSlackStandIn({ teams: [WORKSPACE], oauth: OAUTH_APP });
    serve = await startOAuthServe(slack, { ...target.env, LOG_LEVEL: 'debug' });
  }, 60_000);

  afterAll(() => stopAll(serve, slack, target));

  it('an install and a command: the client secret, state secret, signing secret, keys, code and token never appear', async () => {
    const page = await installWorkspace(serve.baseUrl, WORKSPACE.teamId);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).not.toMatch(/start again|cancel/i);
    const res = await sendSlashCommand(serve.baseUrl, SIGNING_SECRET, { teamId: WORKSPACE.teamId, userId: 'U0LOGS', text: 'queue' });
    expect(res.status).toBe(200);
    const code = String(slack.callsOf('oauth.v2.access')[0]?.args.code ?? '');
    const token = slack.tokenOf(WORKSPACE.teamId);
    expect(code).not.toBe('');
    expect(token).toMatch(/^xoxb-/);
    // The debug lines this is about: WebClient's body of the code exchange and a call made with the new token.
    const logged = (text: string) => serve.output().includes(text);
    await slack.waitFor(() => logged("apiCall('oauth.v2.access') start") && logged('http request body:') && logged("apiCall('users.info') end"), 20_000).catch(() => {
      throw new Error(`no debug lines of oauth.v2.access and users.info in:\n${serve.output()}`);
    });
    const env = oauthEnv(slack);
    const keys = env.FOLLOWUP_ENCRYPTION_KEYS!.split(':')[1]!;
    const output = serve.output();
    for (const secret of [env.SLACK_CLIENT_SECRET!, env.SLACK_STATE_SECRET!, SIGNING_SECRET, keys, keys.replace(/=+$/, ''), code, token!]) {
      expect(output).not.toContain(secret);
    }
    const exchange = serve.logs().find((l) => typeof l.msg === 'string' && l.msg.startsWith('http request body:') && l.msg.includes('client_secret'));
    expect(exchange?.msg).toMatch(/"client_secret":"\[Redacted\]"/);
    expect(exchange?.msg).toMatch(/"code":"\[Redacted\]"/);
  });
});
