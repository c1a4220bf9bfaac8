import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildManifest, loadManifest } from '../../../src/slack/manifest.js';
import { runCli } from '../../support/cli.js';
import { slackReferenceAvailable, slackReferenceDir } from '../../support/slack-stand-in.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const available = slackReferenceAvailable();
if (!available) console.warn(`Slack's manifest schema is not at ${slackReferenceDir}: manifest validation skipped.`);

function validator() {
  const schema = JSON.parse(readFileSync(join(slackReferenceDir, 'manifest.schema.1.0.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe.skipIf(!available)('manifest.json against Slack\'s published schema', () => {
  it.each([
    ['as shipped (HTTP, placeholder host)', {}],
    ['for a real host', { url: 'https://coach.acme.io' }],
    ['for Socket Mode', { socket: true }],
    ['for installs from other workspaces', { url: 'https://coach.acme.io', oauth: true }],
    ['for Socket Mode with installs from other workspaces', { socket: true, url: 'https://coach.acme.io', oauth: true }],
  ])('is valid %s', async (_label, opts) => {
    const validate = validator();
    const manifest = buildManifest(await loadManifest(), opts);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe.skipIf(!available)('the schema check itself', () => {
  it('catches a broken manifest', async () => {
    const broken = await loadManifest();
    delete broken.display_information.name;
    broken.settings.event_subscriptions.bot_events = 'app_home_opened';
    expect(validator()(broken)).toBe(false);
  });
});

describe('manifest forms', () => {
  it('declares the one command, interactivity with a type-ahead URL, the events and minimal scopes', async () => {
    const m = await loadManifest();
    expect(m.features.slash_commands).toEqual([expect.objectContaining({ command: '/followup', should_escape: true, url: 'https://followup-coach.example.com/slack/events' })]);
    expect(m.settings.interactivity.message_menu_options_url).toBe('https://followup-coach.example.com/slack/events');
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_uninstalled', 'message.im', 'tokens_revoked']);
    expect(m.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'im:write', 'users:read', 'users:read.email']);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
  });

  it('moves every request URL onto the given host', async () => {
    const text = JSON.stringify(buildManifest(await loadManifest(), { url: 'https://coach.acme.io/' }));
    expect(text).not.toContain('example.com');
    expect(text.match(/https:\/\/coach\.acme\.io\/slack\/events/g)).toHaveLength(4);
  });

  it('moves URLs off any host, not only the placeholder, keeping a path prefix', async () => {
    const moved = buildManifest(buildManifest(await loadManifest(), { url: 'https://coach.acme.io' }), { url: 'https://proxy.acme.io/coach/' });
    expect(moved.settings.event_subscriptions.request_url).toBe('https://proxy.acme.io/coach/slack/events');
    expect(JSON.stringify(moved)).not.toContain('coach.acme.io');
  });

  it('has no request URLs in Socket Mode', async () => {
    const m = buildManifest(await loadManifest(), { socket: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/https?:\/\//);
  });

  it('sends installers back to the host, with token rotation and org-wide installs off, for installs from other workspaces', async () => {
    const m = buildManifest(await loadManifest(), { url: 'https://coach.acme.io/', oauth: true });
    expect(m.oauth_config.redirect_urls).toEqual(['https://coach.acme.io/slack/oauth_redirect']);
    expect(m.settings.token_rotation_enabled).toBe(false);
    expect(m.settings.org_deploy_enabled).toBe(false);
    expect(buildManifest(await loadManifest(), { url: 'https://coach.acme.io' }).oauth_config.redirect_urls).toBeUndefined();
  });

  it('in Socket Mode with installs from other workspaces: no request URLs, only the redirect URL on the host', async () => {
    const m = buildManifest(await loadManifest(), { socket: true, url: 'https://coach.acme.io', oauth: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.oauth_config.redirect_urls).toEqual(['https://coach.acme.io/slack/oauth_redirect']);
    expect(m.settings.token_rotation_enabled).toBe(false);
    expect(JSON.stringify(m).match(/https?:\/\/[^"]*/g)).toEqual(['https://coach.acme.io/slack/oauth_redirect']);
  });

  it('refuses a URL that is not https', async () => {
    const base = await loadManifest();
    expect(() => buildManifest(base, { url: 'http://insecure.example' })).toThrow(/https/);
    expect(() => buildManifest(base, { url: 'not a url' })).toThrow(/absolute https URL/);
  });
});

describe('followup-coach manifest', () => {
  it('--oauth prints the manifest with the redirect URL; without --url it says what is missing', async () => {
    const printed = await runCli(['manifest', '--url', 'https://coach.acme.io', '--oauth'], {});
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).oauth_config.redirect_urls).toEqual(['https://coach.acme.io/slack/oauth_redirect']);
    const refused = await runCli(['manifest', '--oauth'], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('--oauth needs --url <https://host>: Slack sends each installer back to that host.');
  });

  it('--socket --oauth --url: Socket Mode with the redirect URL; --socket with --url alone is refused, saying why', async () => {
    const printed = await runCli(['manifest', '--socket', '--oauth', '--url', 'https://coach.acme.io'], {});
    expect(printed.code).toBe(0);
    const m = JSON.parse(printed.stdout);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.oauth_config.redirect_urls).toEqual(['https://coach.acme.io/slack/oauth_redirect']);
    const refused = await runCli(['manifest', '--socket', '--url', 'https://coach.acme.io'], {});
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('Choose one: --url <https://host> or --socket (the two go together only with --oauth).');
    expect((await runCli(['manifest', '--socket', '--oauth'], {})).stderr.trim()).toMatch(/^--oauth needs --url/);
  });
});
