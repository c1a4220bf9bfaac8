import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { saveInstallation, type InstallationRecord } from '../../src/db/ops/installations.js';
import { findInstallation } from '../../src/db/queries/installations.js';
import { teams } from '../../src/db/schema.js';
import { parseKeyring } from '../../src/secrets/keyring.js';
import { runCli, webhookSecretOf } from '../support/cli.js';
import { createScratchDatabase, processDbTargets, seedDatabase, withDatabase, type ProcessDbTarget } from '../support/db.js';
import { givenTeam } from '../support/given.js';
import { startServe } from '../support/serve-process.js';
import { postLead } from '../support/signed-request.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

const entry = (kid: string) => `${kid}:${randomBytes(32).toString('base64')}`;
const OLD = entry('old');
const NEW = entry('new');
const TEAMS = ['T0ALPHA', 'T0BRAVO'];
const tokenOf = (team: string) => `xoxb-${team}-${randomBytes(12).toString('hex')}`;

const installOf = (teamId: string, botToken: string): InstallationRecord => ({
  teamId,
  enterpriseId: teamId === 'T0BRAVO' ? 'E0GRID' : null,
  appId: 'A0APP',
  botToken,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  scopes: ['chat:write', 'commands'],
  installerUserId: 'U0ADMIN',
  installedAt: new Date('2026-12-01T10:00:00Z'),
});

const pgDumpFound = await promisify(execFile)('pg_dump', ['--version']).then(
  () => true,
  () => false,
);
const why = !process.env.DATABASE_URL ? 'DATABASE_URL is not set' : !pgDumpFound ? 'pg_dump is not installed' : '';

describe.skipIf(why !== '')(`tokens and webhook secrets at rest, on Postgres${why ? ` (skipped: ${why})` : ''}`, () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let target: Pick<ProcessDbTarget, 'open'>;
  let slack: SlackStandIn;
  const tokens = Object.fromEntries(TEAMS.map((t) => [t, tokenOf(t)]));
  const secrets: Record<string, string[]> = {};
  const env = (keys?: string) => ({ DATABASE_URL: scratch.url, LOG_LEVEL: 'warn', ...(keys ? { FOLLOWUP_ENCRYPTION_KEYS: keys } : {}) });

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!);
    target = { open: () => openDatabase({ databaseUrl: scratch.url, max: 2 }) };
    await seedDatabase(target, async (db) => {
      for (const team of TEAMS) await givenTeam(db, team, { [`U${team.slice(2)}1`]: 'America/New_York' });
      for (const team of TEAMS) await saveInstallation(db, parseKeyring(OLD), installOf(team, tokens[team]!));
    });
    // Each team has a current secret and, after a rotation, a previous one.
    for (const team of TEAMS) {
      const first = await webhookSecretOf(team, env(OLD));
      const rotated = await runCli(['webhook-secret', '--team', team, '--rotate'], env(OLD));
      expect(rotated.code, rotated.stderr).toBe(0);
      secrets[team] = [rotated.stdout.trim(), first];
    }
    slack = await startSlackStandIn({ teamId: TEAMS[0] });
  }, 120_000);

  afterAll(() => stopAll(slack, { cleanup: () => scratch.drop() }));

  // Newer pg_dump releases wrap the dump in \restrict <random key> lines: left out, so two dumps compare.
  const dump = async () =>
    (await promisify(execFile)('pg_dump', ['--data-only', scratch.url], { maxBuffer: 64 * 1024 * 1024 })).stdout.replace(/^\\(un)?restrict .*$/gm, '');

  it('a pg_dump holds no token and no webhook secret in clear, only sealed values', async () => {
    const text = await dump();
    for (const team of TEAMS) {
      expect(text).toContain(team);
      expect(text).not.toContain(tokens[team]);
      for (const secret of secrets[team]!) expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/xoxb-/);
    expect(text.match(/fcs1:old:/g)).toHaveLength(6);
  });

  it('without the key, or with the wrong one, reading fails with one line naming the key id', async () => {
    const missing = await runCli(['webhook-secret', '--team', 'T0ALPHA'], env());
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr.trim()).toBe('a stored secret is encrypted with key "old", but FOLLOWUP_ENCRYPTION_KEYS is not set');
    const wrongBytes = await runCli(['webhook-secret', '--team', 'T0ALPHA'], env(entry('old')));
    expect(wrongBytes.code).toBe(2);
    expect(wrongBytes.stderr).toMatch(/^key "old" does not open a stored secret/);
    const unlisted = await runCli(['webhook-secret', '--team', 'T0ALPHA'], env(NEW));
    expect(unlisted.code).toBe(2);
    expect(unlisted.stderr).toMatch(/key "old", which FOLLOWUP_ENCRYPTION_KEYS does not list/);
    await withDatabase(target, (db) => expect(findInstallation(db, null, 'T0BRAVO')).rejects.toThrow('key "old"'));
  });

  it('keys rotate refuses without keys, and refuses naming the key when one is missing, changing nothing', async () => {
    const none = await runCli(['keys', 'rotate'], env());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/keys rotate needs FOLLOWUP_ENCRYPTION_KEYS/);
    const before = await dump();
    const oldDropped = await runCli(['keys', 'rotate'], env(NEW));
    expect(oldDropped.code).toBe(2);
    expect(oldDropped.stderr).toMatch(/key "old"/);
    expect(await dump()).toBe(before);
  });

  it('keys rotate with the new key first reseals everything; then the old key can go and everything still opens', async () => {
    const rotated = await runCli(['keys', 'rotate'], env(`${NEW},${OLD}`));
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout)).toEqual({ activeKey: 'new', resealed: 6, sealed: 0, alreadyActive: 0 });
    const text = await dump();
    expect(text).not.toContain('fcs1:old:');
    expect(text.match(/fcs1:new:/g)).toHaveLength(6);

    // The new key alone from here on.
    const newOnly = env(NEW);
    for (const team of TEAMS) expect(await webhookSecretOf(team, newOnly)).toBe(secrets[team]![0]);
    await withDatabase(target, async (db) => {
      for (const team of TEAMS) expect((await findInstallation(db, parseKeyring(NEW), team))!.botToken).toBe(tokens[team]);
    });
    const listed = await runCli(['installs', 'list'], newOnly);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toMatch(/xoxb-|fcs1:/);
    expect(listed.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { team: 'T0ALPHA', enterprise: null, installer: 'U0ADMIN', installedAt: '2026-12-01T10:00:00.000Z', scopes: ['chat:write', 'commands'], app: 'A0APP', botUser: 'U0BOT' },
      { team: 'T0BRAVO', enterprise: 'E0GRID', installer: 'U0ADMIN', installedAt: '2026-12-01T10:00:00.000Z', scopes: ['chat:write', 'commands'], app: 'A0APP', botUser: 'U0BOT' },
    ]);

    const serve = await startServe({ ...newOnly, SLACK_API_URL: slack.url, LOG_LEVEL: 'info' });
    try {
      // The current secret and, within its grace day, the previous one both still verify.
      for (const secret of secrets.T0ALPHA!) {
        const res = await postLead(serve.baseUrl, 'T0ALPHA', secret, { name: `Lead via ${secret.slice(0, 6)}` });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      expect((await postLead(serve.baseUrl, 'T0ALPHA', secrets.T0BRAVO![0]!, { name: 'Wrong team' })).status).toBe(401);
      expect(serve.output()).not.toContain('kept in clear');
    } finally {
      await serve.stop();
    }
  }, 120_000);
});

describe('keys generate', () => {
  it('prints an entry FOLLOWUP_ENCRYPTION_KEYS accepts, and refuses a bad key id', async () => {
    const run = await runCli(['keys', 'generate', '--kid', 'k2026'], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^k2026:[A-Za-z0-9+/]{43}=$/);
    expect(parseKeyring(run.stdout.trim()).activeKid).toBe('k2026');
    const bad = await runCli(['keys', 'generate', '--kid', 'no good'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--kid/);
  });
});

describe.each(await processDbTargets('fc-keys-'))('secrets kept in clear until keys are set, on $name', (target) => {
  const TEAM = 'T0CLEAR';
  let slack: SlackStandIn;
  let secret: string;
  beforeAll(async () => {
    await seedDatabase(target, (db) => givenTeam(db, TEAM, { U0REP: 'America/New_York' }));
    secret = await webhookSecretOf(TEAM, target.env);
    slack = await startSlackStandIn({ teamId: TEAM });
  }, 60_000);
  afterAll(() => stopAll(slack, target));

  it('serve without keys warns once that stored secrets are in clear; with keys it seals them at start, and POST /leads still verifies', async () => {
    const base = { ...target.env, SLACK_API_URL: slack.url, LOG_LEVEL: 'info' };
    const clear = await startServe(base);
    await clear.stop();
    await slack.waitFor(() => clear.logs().some((l) => l.msg === 'stopped'));
    const warnings = clear.logs().filter((l) => l.level === 40);
    expect(warnings.map((l) => l.msg)).toEqual([expect.stringContaining('stored secrets (webhook secrets) are kept in clear')]);
    expect(await withDatabase(target, async (db) => (await db.select().from(teams).where(eq(teams.id, TEAM)))[0]!.webhookSecret)).toBe(secret);

    const sealed = await startServe({ ...base, FOLLOWUP_ENCRYPTION_KEYS: OLD });
    try {
      await slack.waitFor(() => sealed.logs().some((l) => l.msg === 'followup-coach is listening'));
      expect(sealed.logs().some((l) => l.msg === 'stored secrets sealed with the active key' && l.sealed === 1)).toBe(true);
      expect(sealed.output()).not.toContain('kept in clear');
      const res = await postLead(sealed.baseUrl, TEAM, secret, { name: 'After sealing' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (target.name === 'pglite') {
        // The embedded database admits one process: keys rotate waits for serve to stop.
        const busy = await runCli(['keys', 'rotate'], { ...target.env, FOLLOWUP_ENCRYPTION_KEYS: `${NEW},${OLD}` });
        expect(busy.code).toBe(2);
        expect(busy.stderr).toMatch(/in use by another followup-coach process/);
      }
    } finally {
      await sealed.stop();
    }
    const stored = await withDatabase(target, async (db) => (await db.select().from(teams).where(eq(teams.id, TEAM)))[0]!.webhookSecret);
    expect(stored).toMatch(/^fcs1:old:/);
    const rotated = await runCli(['keys', 'rotate'], { ...target.env, FOLLOWUP_ENCRYPTION_KEYS: `${NEW},${OLD}` });
    expect(JSON.parse(rotated.stdout)).toEqual({ activeKey: 'new', resealed: 1, sealed: 0, alreadyActive: 0 });
  }, 180_000);

  it('migrate seals a secret written in clear, and installs list says when there are none', async () => {
    const later = await webhookSecretOf('T0LATER', target.env);
    const migrated = await runCli(['migrate'], { ...target.env, LOG_LEVEL: 'warn', FOLLOWUP_ENCRYPTION_KEYS: NEW });
    expect(migrated.code, migrated.stderr).toBe(0);
    const stored = await withDatabase(target, async (db) => (await db.select().from(teams).where(eq(teams.id, 'T0LATER')))[0]!.webhookSecret);
    expect(stored).toMatch(/^fcs1:new:/);
    expect(await webhookSecretOf('T0LATER', { ...target.env, FOLLOWUP_ENCRYPTION_KEYS: NEW })).toBe(later);
    const listed = await runCli(['installs', 'list'], target.env);
    expect(listed).toMatchObject({ code: 0, stdout: '' });
    expect(listed.stderr.trim()).toBe('No workspace has installed the app through "Add to Slack" here.');
  }, 120_000);
});
