import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { envTeamClients, installedTeamClients, teamClientsFor, type TokenSource } from '../../../src/outbound/team-clients.js';
import { startSlackStandIn, type SlackStandIn } from '../../support/slack-stand-in.js';

const ENV_TOKEN = 'xoxb-env-token';
const logger = createLogger('silent');

/** Tokens by team as an installation store would give them, noting every team forgotten. */
function fakeTokens(tokens: Record<string, string | null>): TokenSource & { tokens: Record<string, string | null>; forgotten: string[] } {
  const forgotten: string[] = [];
  return { tokens, forgotten, tokenFor: async (teamId) => tokens[teamId] ?? null, forget: (teamId) => void forgotten.push(teamId) };
}

describe('team clients', () => {
  let slack: SlackStandIn;
  const config = (env: Record<string, string> = {}) => loadConfig({ SLACK_API_URL: slack.url, ...env });
  beforeAll(async () => {
    slack = await startSlackStandIn();
  });
  afterAll(() => slack.close());

  const tokenOfLastCall = () => slack.calls.at(-1)?.token;

  it('single workspace: every team sends with the environment\'s token, each at its own pace', async () => {
    const clients = envTeamClients(config({ SLACK_BOT_TOKEN: ENV_TOKEN }), logger);
    const a = (await clients.forTeam('T0A'))!;
    const b = (await clients.forTeam('T0B'))!;
    await a.client.auth.test();
    expect(tokenOfLastCall()).toBe(ENV_TOKEN);
    await b.client.auth.test();
    expect(tokenOfLastCall()).toBe(ENV_TOKEN);
    expect(b.pacer).not.toBe(a.pacer);
    expect((await clients.forTeam('T0A'))!.pacer).toBe(a.pacer);
  });

  it('single workspace without a token: no team can be sent to', async () => {
    expect(await envTeamClients(config(), logger).forTeam('T0A')).toBeNull();
  });

  it('installed workspaces: each team sends with its own token, and a team without one gets no client', async () => {
    const tokens = fakeTokens({ T0A: 'xoxb-team-a', T0B: 'xoxb-team-b', T0GONE: null });
    const clients = installedTeamClients(config(), logger, tokens);
    await (await clients.forTeam('T0A'))!.client.chat.postMessage({ channel: 'C1', text: 'to A' });
    expect(tokenOfLastCall()).toBe('xoxb-team-a');
    await (await clients.forTeam('T0B'))!.client.chat.postMessage({ channel: 'C1', text: 'to B' });
    expect(tokenOfLastCall()).toBe('xoxb-team-b');
    expect(await clients.forTeam('T0GONE')).toBeNull();
    expect(await clients.forTeam('T0NEVER')).toBeNull();
  });

  it('a re-install\'s new token is used from then on; the team keeps its pace', async () => {
    const tokens = fakeTokens({ T0A: 'xoxb-first' });
    const clients = installedTeamClients(config(), logger, tokens);
    const first = (await clients.forTeam('T0A'))!;
    tokens.tokens.T0A = 'xoxb-second';
    const second = (await clients.forTeam('T0A'))!;
    await second.client.auth.test();
    expect(tokenOfLastCall()).toBe('xoxb-second');
    expect(second.pacer).toBe(first.pacer);
  });

  it('forgetting a team passes on to the source of tokens', async () => {
    const tokens = fakeTokens({ T0A: 'xoxb-team-a' });
    const clients = installedTeamClients(config(), logger, tokens);
    await clients.forTeam('T0A');
    clients.forget('T0A');
    expect(tokens.forgotten).toEqual(['T0A']);
    // Uninstalled meanwhile: the next look finds no token.
    tokens.tokens.T0A = null;
    expect(await clients.forTeam('T0A')).toBeNull();
  });

  it('sends nothing again by itself, and counts each 429 by method', async () => {
    const metrics = createMetrics();
    const clients = installedTeamClients(config(), logger, fakeTokens({ T0A: 'xoxb-team-a' }), metrics);
    slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 1 });
    const before = slack.callsOf('chat.postMessage').length;
    const refused = await (await clients.forTeam('T0A'))!.client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((err: { code?: string }) => err);
    expect(refused).toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(slack.callsOf('chat.postMessage').length - before).toBe(1);
    expect(await metrics.registry.getSingleMetricAsString('followup_slack_rate_limited_total')).toContain('followup_slack_rate_limited_total{method="chat.postMessage"} 1');
  });

  it('installations\' tokens when there is a source of them, else the environment\'s', async () => {
    const env = config({ SLACK_BOT_TOKEN: ENV_TOKEN });
    await (await teamClientsFor(env, logger, fakeTokens({ T0A: 'xoxb-team-a' })).forTeam('T0A'))!.client.auth.test();
    expect(tokenOfLastCall()).toBe('xoxb-team-a');
    await (await teamClientsFor(env, logger).forTeam('T0A'))!.client.auth.test();
    expect(tokenOfLastCall()).toBe(ENV_TOKEN);
  });
});
