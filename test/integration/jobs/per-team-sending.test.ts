import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { Database } from '../../../src/db/client.js';
import { changeSettings } from '../../../src/db/ops/settings.js';
import { deliveries } from '../../../src/db/schema.js';
import { runDigest } from '../../../src/jobs/digest.js';
import type { JobOptions } from '../../../src/jobs/job-options.js';
import { runMorning } from '../../../src/jobs/morning.js';
import { runSpeedToLead } from '../../../src/jobs/speed-to-lead.js';
import { createLogger } from '../../../src/logger.js';
import { installedTeamClients, type TokenSource } from '../../../src/outbound/team-clients.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenOverdueReps, OVERDUE_DMS_DUE_AT } from '../../support/given.js';
import { startSlackStandIn, type RecordedCall, type SlackStandIn } from '../../support/slack-stand-in.js';
import { forTheSuite } from '../../support/suite.js';

// Several workspaces installed in one deployment, each with its own bot token (issue #17, item 4).
const TOKENS = { T0ALPHA: 'xoxb-alpha', T0BRAVO: 'xoxb-bravo' } as const;
const REPS = { T0ALPHA: ['U0A1', 'U0A2'], T0BRAVO: ['U0B1'], T0NOINSTALL: ['U0C1'] } as const;
const teamOfToken = new Map<string, string>(Object.entries(TOKENS).map(([team, token]) => [token, team]));
const teamOfRep = new Map<string, string>(Object.entries(REPS).flatMap(([team, reps]) => reps.map((rep) => [rep, team])));
// Each rep's morning DM is due at 08:00 in New York: Wednesday, Thursday, Friday.
const WED = new Date(OVERDUE_DMS_DUE_AT);
const THU = new Date('2026-11-26T13:00:30Z');
const FRI = new Date('2026-11-27T13:00:30Z');

type Installed = string | null | Error;

/** Tokens by team as the installations give them (an Error: the install cannot be read), noting each team forgotten. */
function installations(tokens: Record<string, Installed>): TokenSource & { tokens: Record<string, Installed>; forgotten: string[] } {
  const forgotten: string[] = [];
  const tokenFor = async (teamId: string) => {
    const token = tokens[teamId] ?? null;
    if (token instanceof Error) throw token;
    return token;
  };
  return { tokens, forgotten, tokenFor, forget: (teamId) => void forgotten.push(teamId) };
}

/** The rep a Web API call is about: whose profile, whose DM. */
function repOf(call: RecordedCall): string | undefined {
  if (call.method === 'users.info') return String(call.args.user);
  if (call.method === 'conversations.open') return String(call.args.users);
  if (call.method === 'chat.postMessage' && String(call.args.channel).startsWith('D')) return `U${String(call.args.channel).slice(1)}`;
  return undefined;
}

const dmsWith = (calls: RecordedCall[], token: string) =>
  calls.filter((c) => c.method === 'chat.postMessage' && c.token === token).map((c) => repOf(c)).sort();

/** Every call about a rep carried the token of that rep's own team. */
function expectOwnTokensOnly(calls: RecordedCall[]): void {
  const crossed = calls.filter((c) => repOf(c) && teamOfToken.get(c.token ?? '') !== teamOfRep.get(repOf(c)!));
  expect(crossed.map((c) => `${c.method} about ${repOf(c)} with ${c.token}`)).toEqual([]);
}

interface Harness {
  slack: SlackStandIn;
  tokens: ReturnType<typeof installations>;
  options(at: Date): JobOptions;
}

/** The stand-in and a source of tokens, for the teams given; a database seeded with their reps. */
function useTeams(database: Database, tokens: Record<string, Installed>, warnings: string[] = []): Harness {
  return forTheSuite(
    'the teams',
    async () => {
      for (const [team, reps] of Object.entries(REPS)) if (team in tokens) await givenOverdueReps(database.db, team, [...reps]);
      const slack = await startSlackStandIn();
      const source = installations(tokens);
      const config = loadConfig({ SLACK_API_URL: slack.url, FOLLOWUP_SEND_RATE: '50' });
      const logger = createLogger('warn', { write: (line: string) => void warnings.push(line) });
      const clients = installedTeamClients(config, logger, source);
      return { slack, tokens: source, options: (at: Date) => ({ database, clients, logger, at, leaseMs: 60_000 }) };
    },
    (h) => h.slack.close(),
  );
}

describe.each(dbTargets())('jobs in a deployment several workspaces installed, on $name', (target) => {
  describe('two installed teams', () => {
    const database = useDatabase(target);
    const teams = useTeams(database, { ...TOKENS });
    const callsSince = (n: number) => teams.slack.calls.slice(n);

    it("the morning DMs reach each team's reps with that team's token only", async () => {
      expect(await runMorning(teams.options(WED))).toEqual({ job: 'morning', sent: 3, skipped: 0, failed: 0 });
      expect(dmsWith(teams.slack.calls, TOKENS.T0ALPHA)).toEqual(['U0A1', 'U0A2']);
      expect(dmsWith(teams.slack.calls, TOKENS.T0BRAVO)).toEqual(['U0B1']);
      // Zones were refreshed from Slack too, each team asking with its own token.
      expect(teams.slack.callsOf('users.info').length).toBeGreaterThanOrEqual(3);
      expectOwnTokensOnly(teams.slack.calls);
    });

    it("a 429 for one team holds back that team alone: the other's DM goes out within the Retry-After", async () => {
      const before = teams.slack.calls.length;
      teams.slack.failNext('chat.postMessage', 'ratelimited', { status: 429, retryAfter: 1, token: TOKENS.T0ALPHA });
      expect(await runMorning(teams.options(THU))).toEqual({ job: 'morning', sent: 3, skipped: 0, failed: 0 });
      const posts = callsSince(before).filter((c) => c.method === 'chat.postMessage');
      const refused = posts.find((c) => c.token === TOKENS.T0ALPHA)!;
      const bravo = posts.find((c) => c.token === TOKENS.T0BRAVO)!;
      const alphaAfterWait = posts.filter((c) => c.token === TOKENS.T0ALPHA).slice(1);
      expect(alphaAfterWait).toHaveLength(2);
      // Alpha's sends resumed a second after its 429; Bravo's did not wait for that.
      expect(alphaAfterWait[0]!.at - refused.at).toBeGreaterThanOrEqual(1000);
      expect(bravo.at - refused.at).toBeLessThan(1000);
      expect(posts.indexOf(bravo)).toBeLessThan(posts.indexOf(alphaAfterWait[0]!));
      expectOwnTokensOnly(callsSince(before));
    });

    it("a refused token is forgotten, the team's other DMs wait for a later run, and other teams are unaffected", async () => {
      const before = teams.slack.calls.length;
      teams.slack.failNext('chat.postMessage', 'invalid_auth', { token: TOKENS.T0ALPHA });
      expect(await runMorning(teams.options(FRI))).toEqual({ job: 'morning', sent: 1, skipped: 0, failed: 1 });
      expect(teams.tokens.forgotten).toEqual(['T0ALPHA']);
      expect(dmsWith(callsSince(before), TOKENS.T0ALPHA)).toHaveLength(1);
      expect(dmsWith(callsSince(before), TOKENS.T0BRAVO)).toEqual(['U0B1']);
      // The token works again (re-read after forget): both of Alpha's DMs go out on the next run.
      const retry = teams.slack.calls.length;
      expect(await runMorning(teams.options(new Date(FRI.getTime() + 10 * 60_000)))).toMatchObject({ sent: 2, failed: 0 });
      expect(dmsWith(callsSince(retry), TOKENS.T0ALPHA)).toEqual(['U0A1', 'U0A2']);
      expectOwnTokensOnly(callsSince(before));
    });

    it("speed-to-lead alerts go to each team's owner with that team's token", async () => {
      const arrived = new Date('2026-11-27T15:00:00Z');
      await givenLead(database.db, { team: 'T0ALPHA', owner: 'U0A1', createdBy: 'U0A2', name: 'Alpha inbound', inbound: true, at: arrived });
      await givenLead(database.db, { team: 'T0BRAVO', owner: 'U0B1', createdBy: 'U0B9', name: 'Bravo inbound', inbound: true, at: arrived });
      const before = teams.slack.calls.length;
      expect(await runSpeedToLead(teams.options(new Date(arrived.getTime() + 5 * 60_000)))).toMatchObject({ sent: 2, arrivals: 2, failed: 0 });
      expect(dmsWith(callsSince(before), TOKENS.T0ALPHA)).toEqual(['U0A1']);
      expect(dmsWith(callsSince(before), TOKENS.T0BRAVO)).toEqual(['U0B1']);
      expectOwnTokensOnly(callsSince(before));
    });

    it("each team's digest goes to its channel with that team's token", async () => {
      const set = new Date('2026-11-27T16:00:00Z');
      await changeSettings(database.db, { teamId: 'T0ALPHA', userId: 'U0A1', team: { digestChannel: 'C0ALPHA' }, now: set });
      await changeSettings(database.db, { teamId: 'T0BRAVO', userId: 'U0B1', team: { digestChannel: 'C0BRAVO' }, now: set });
      const before = teams.slack.calls.length;
      // Monday 09:00 UTC, the teams' zone when they set none.
      expect(await runDigest(teams.options(new Date('2026-11-30T09:00:30Z')))).toMatchObject({ sent: 2, failed: 0 });
      const digests = callsSince(before).filter((c) => c.method === 'chat.postMessage' && !c.args.thread_ts);
      expect(Object.fromEntries(digests.map((c) => [c.args.channel, c.token]))).toEqual({ C0ALPHA: TOKENS.T0ALPHA, C0BRAVO: TOKENS.T0BRAVO });
      const tokenOfChannel = { C0ALPHA: TOKENS.T0ALPHA, C0BRAVO: TOKENS.T0BRAVO } as Record<string, string>;
      const uploads = callsSince(before).filter((c) => c.method === 'files.completeUploadExternal');
      expect(uploads.map((c) => [c.args.channel_id, c.token]).sort()).toEqual(Object.entries(tokenOfChannel).sort());
    });

    it("account_inactive on one rep's DM is that rep's failure: the team's install is read afresh, its other DMs go out", async () => {
      const before = teams.slack.calls.length;
      const forgotten = teams.tokens.forgotten.length;
      teams.slack.failNext('chat.postMessage', 'account_inactive', { token: TOKENS.T0ALPHA });
      // Monday 08:00 in New York.
      const MON = new Date('2026-11-30T13:00:30Z');
      expect(await runMorning(teams.options(MON))).toEqual({ job: 'morning', sent: 2, skipped: 0, failed: 1 });
      expect(teams.tokens.forgotten.slice(forgotten)).toEqual(['T0ALPHA']);
      expect(dmsWith(callsSince(before), TOKENS.T0ALPHA)).toEqual(['U0A1', 'U0A2']);
      expect(dmsWith(callsSince(before), TOKENS.T0BRAVO)).toEqual(['U0B1']);
      // Not owed again: a later run sends that rep nothing more.
      const retry = teams.slack.calls.length;
      expect(await runMorning(teams.options(new Date(MON.getTime() + 10 * 60_000)))).toEqual({ job: 'morning', sent: 0, skipped: 0, failed: 0 });
      expect(dmsWith(callsSince(retry), TOKENS.T0ALPHA)).toEqual([]);
    });
  });

  describe('a team without an installation', () => {
    const database = useDatabase(target);
    const warnings: string[] = [];
    const teams = useTeams(database, { T0ALPHA: TOKENS.T0ALPHA, T0NOINSTALL: null }, warnings);

    it('is skipped and counted, never sent to with another team\'s token, and its DM stays owed', async () => {
      expect(await runMorning(teams.options(WED))).toEqual({ job: 'morning', sent: 2, skipped: 0, failed: 0, noInstall: 1 });
      expect(teams.slack.calls.filter((c) => repOf(c) === 'U0C1')).toEqual([]);
      expect(warnings.some((line) => line.includes('"teamId":"T0NOINSTALL"') && line.includes('no Slack installation'))).toBe(true);
      const owed = await database.db.select().from(deliveries).where(eq(deliveries.teamId, 'T0NOINSTALL'));
      expect(owed).toEqual([]);

      // Installed later that morning: the DM goes out, with the team's own token.
      teams.tokens.tokens.T0NOINSTALL = 'xoxb-late';
      const before = teams.slack.calls.length;
      expect(await runMorning(teams.options(new Date(WED.getTime() + 30 * 60_000)))).toEqual({ job: 'morning', sent: 1, skipped: 0, failed: 0 });
      expect(dmsWith(teams.slack.calls.slice(before), 'xoxb-late')).toEqual(['U0C1']);
    });

    it('its speed-to-lead alert waits too, counted', async () => {
      teams.tokens.tokens.T0NOINSTALL = null;
      const arrived = new Date('2026-11-27T15:00:00Z');
      await givenLead(database.db, { team: 'T0NOINSTALL', owner: 'U0C1', createdBy: 'U0C9', name: 'Nobody hears', inbound: true, at: arrived });
      const before = teams.slack.calls.length;
      expect(await runSpeedToLead(teams.options(new Date(arrived.getTime() + 5 * 60_000)))).toMatchObject({ sent: 0, failed: 0, noInstall: 1 });
      expect(teams.slack.calls.slice(before)).toEqual([]);
      // Warned about once, not on every run.
      expect(warnings.filter((line) => line.includes('"teamId":"T0NOINSTALL"') && line.includes('no Slack installation'))).toHaveLength(1);
    });
  });

  describe('a team whose installation cannot be read', () => {
    const database = useDatabase(target);
    const warnings: string[] = [];
    // Alpha comes first: what stops it must not stop Bravo.
    const unreadable = new Error('a stored secret is encrypted with key "k9", which FOLLOWUP_ENCRYPTION_KEYS does not list (T0ALPHA)');
    const teams = useTeams(database, { T0ALPHA: unreadable, T0BRAVO: TOKENS.T0BRAVO }, warnings);
    const stopped = () => warnings.filter((line) => line.includes('"teamId":"T0ALPHA"') && line.includes('job stopped for this team') && line.includes('key \\"k9\\"'));

    it("is counted failed and named in the log with the key; the other team's morning DM, digest and alert go out", async () => {
      expect(await runMorning(teams.options(WED))).toEqual({ job: 'morning', sent: 1, skipped: 0, failed: 1 });
      expect(dmsWith(teams.slack.calls, TOKENS.T0BRAVO)).toEqual(['U0B1']);
      expect(stopped()).toHaveLength(1);

      const set = new Date('2026-11-27T16:00:00Z');
      await changeSettings(database.db, { teamId: 'T0ALPHA', userId: 'U0A1', team: { digestChannel: 'C0ALPHA' }, now: set });
      await changeSettings(database.db, { teamId: 'T0BRAVO', userId: 'U0B1', team: { digestChannel: 'C0BRAVO' }, now: set });
      let before = teams.slack.calls.length;
      expect(await runDigest(teams.options(new Date('2026-11-30T09:00:30Z')))).toMatchObject({ sent: 1, failed: 1 });
      const digests = teams.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage' && !c.args.thread_ts);
      expect(digests.map((c) => [c.args.channel, c.token])).toEqual([['C0BRAVO', TOKENS.T0BRAVO]]);

      const arrived = new Date('2026-11-30T15:00:00Z');
      await givenLead(database.db, { team: 'T0ALPHA', owner: 'U0A1', createdBy: 'U0A2', name: 'Alpha inbound', inbound: true, at: arrived });
      await givenLead(database.db, { team: 'T0BRAVO', owner: 'U0B1', createdBy: 'U0B9', name: 'Bravo inbound', inbound: true, at: arrived });
      before = teams.slack.calls.length;
      expect(await runSpeedToLead(teams.options(new Date(arrived.getTime() + 5 * 60_000)))).toMatchObject({ sent: 1, arrivals: 1, failed: 1 });
      expect(dmsWith(teams.slack.calls.slice(before), TOKENS.T0BRAVO)).toEqual(['U0B1']);
      expect(stopped()).toHaveLength(3);
      expectOwnTokensOnly(teams.slack.calls);
    });
  });
});
