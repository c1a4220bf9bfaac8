import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, isOAuthMode, loadConfig } from '../../src/config.js';
import { cliPath } from '../support/serve-process.js';

const run = promisify(execFile);
const good = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({}, {});
    expect(c).toMatchObject({ DATA_DIR: './.data', PORT: 3000, HOST: '0.0.0.0', LOG_LEVEL: 'info' });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('normalises SLACK_API_URL to end with a slash, as WebClient expects', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9/api' }).SLACK_API_URL).toBe('http://127.0.0.1:9/api/');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN must start with xoxb-'],
    [{ SLACK_APP_TOKEN: 'nope' }, 'SLACK_APP_TOKEN must start with xapp-'],
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL must be an http(s) URL'],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });

  it('keeps serving for a drain window at shutdown: 5 s unless set, never longer than the grace period', () => {
    expect(loadConfig({}).FOLLOWUP_SHUTDOWN_DRAIN_SECONDS).toBe(5);
    expect(loadConfig({ FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '0' }).FOLLOWUP_SHUTDOWN_DRAIN_SECONDS).toBe(0);
    expect(loadConfig({ FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '12', FOLLOWUP_SHUTDOWN_GRACE_SECONDS: '30' }).FOLLOWUP_SHUTDOWN_DRAIN_SECONDS).toBe(12);
    // A short grace period shortens the default window rather than refusing to start.
    expect(loadConfig({ FOLLOWUP_SHUTDOWN_GRACE_SECONDS: '2' }).FOLLOWUP_SHUTDOWN_DRAIN_SECONDS).toBe(2);
    expect(() => loadConfig({ FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '25' })).toThrowError(
      'FOLLOWUP_SHUTDOWN_DRAIN_SECONDS must not exceed FOLLOWUP_SHUTDOWN_GRACE_SECONDS (20)',
    );
    expect(() => loadConfig({ FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '1.5' })).toThrowError('FOLLOWUP_SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds');
  });

  it('asks for Slack credentials only where they are needed', () => {
    expect(() => loadConfig({}, { slack: true })).toThrowError('SLACK_BOT_TOKEN is required');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: good.SLACK_BOT_TOKEN }, { slack: true })).toThrowError('SLACK_SIGNING_SECRET is required');
    expect(loadConfig(good, { slack: true }).SLACK_BOT_TOKEN).toBe(good.SLACK_BOT_TOKEN);
    // Socket Mode needs no signing secret.
    expect(() => loadConfig({ SLACK_BOT_TOKEN: good.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-x' }, { slack: true })).not.toThrow();
  });

  describe('installs from other workspaces', () => {
    const oauth = { SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters' };
    const keys = { FOLLOWUP_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` };

    it('are on when the client id, client secret and state secret are set, with keys', () => {
      const c = loadConfig({ ...oauth, ...keys, SLACK_SIGNING_SECRET: good.SLACK_SIGNING_SECRET }, { slack: true });
      expect(isOAuthMode(c)).toBe(true);
      expect(c.SLACK_BOT_TOKEN).toBeUndefined();
      // Jobs get each workspace's token from its install: no bot token asked for.
      expect(() => loadConfig({ ...oauth, ...keys }, { botToken: true })).not.toThrow();
      expect(isOAuthMode(loadConfig(good))).toBe(false);
    });

    it('refuse a state secret shorter than 32 characters, saying how to make one', () => {
      const short = { ...oauth, ...keys, SLACK_STATE_SECRET: 'x'.repeat(31) };
      expect(() => loadConfig(short)).toThrow(ConfigError);
      expect(() => loadConfig(short)).toThrow('SLACK_STATE_SECRET must be at least 32 characters of random text: make one with `openssl rand -hex 32`');
      expect(() => loadConfig({ ...short, SLACK_STATE_SECRET: 'x'.repeat(32) })).not.toThrow();
    });

    it('read the allowed workspaces as a list', () => {
      expect(loadConfig({ ...oauth, ...keys, FOLLOWUP_ALLOWED_TEAMS: 'T01, T0ABC' }).FOLLOWUP_ALLOWED_TEAMS).toEqual(['T01', 'T0ABC']);
      expect(loadConfig({ ...oauth, ...keys }).FOLLOWUP_ALLOWED_TEAMS).toBeUndefined();
    });

    it.each([
      [{ SLACK_CLIENT_ID: '1.2' }, 'SLACK_CLIENT_SECRET is not set: set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together'],
      [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's' }, 'SLACK_STATE_SECRET is not set'],
      [{ SLACK_STATE_SECRET: 'x'.repeat(32) }, 'SLACK_CLIENT_ID is not set'],
      [{ ...oauth, ...keys, SLACK_BOT_TOKEN: good.SLACK_BOT_TOKEN }, 'SLACK_BOT_TOKEN must be removed when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set'],
      [oauth, 'FOLLOWUP_ENCRYPTION_KEYS is required when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set'],
      [{ ...good, FOLLOWUP_ALLOWED_TEAMS: 'T01' }, 'FOLLOWUP_ALLOWED_TEAMS applies only to installs from other workspaces'],
      [{ ...oauth, ...keys, FOLLOWUP_ALLOWED_TEAMS: 'acme' }, 'FOLLOWUP_ALLOWED_TEAMS must be comma-separated Slack team ids'],
    ])('refuse a mix that cannot work, in one line: %o', (env, message) => {
      expect(() => loadConfig(env)).toThrowError(ConfigError);
      expect(() => loadConfig(env)).toThrowError(message);
    });
  });

  it('stops the process with exit code 2 and one line, no stack trace', async () => {
    const err = await run(process.execPath, [cliPath(), 'serve'], {
      env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 'abcdef0123456789' },
    }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim()).toBe('SLACK_BOT_TOKEN must start with xoxb-');
  });

  it('refuses an unknown CLI command with the usage text', async () => {
    const err = await run(process.execPath, [cliPath(), 'frobnicate']).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('Unknown command "frobnicate"');
    expect(err.stderr).toContain('followup-coach <command>');
  });
});
