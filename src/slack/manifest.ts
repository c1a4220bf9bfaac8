import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** Slack's app manifest: loosely typed; Slack's published schema is what validates it (in tests). */
export type SlackManifest = Record<string, any>;

export const PLACEHOLDER_URL = 'https://followup-coach.example.com';

/** Where Slack sends an installer back to (the receiver's redirect path, docs/architecture.md#installations). */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

export async function loadManifest(): Promise<SlackManifest> {
  return JSON.parse(await readFile(join(packageRoot(), 'manifest.json'), 'utf8')) as SlackManifest;
}

function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--url must be an absolute https URL like https://coach.example.com, not "${url}".`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`--url must use https (Slack sends requests only to https URLs), not "${url}".`);
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

/**
 * The manifest for a real host (every request URL moved onto it), or for Socket Mode, where Slack
 * requires that no request URLs be given. With `oauth`, installs from other workspaces: Slack sends
 * the installer back to `url` — in Socket Mode too, whose install pages are served over HTTP.
 */
export function buildManifest(base: SlackManifest, opts: { url?: string; socket?: boolean; oauth?: boolean }): SlackManifest {
  const manifest: SlackManifest = structuredClone(base);
  const commands: SlackManifest[] = manifest.features?.slash_commands ?? [];
  const events = manifest.settings?.event_subscriptions;
  const interactivity = manifest.settings?.interactivity;
  const host = opts.url ? baseUrl(opts.url) : undefined;
  if (opts.oauth && host) {
    // Slack sends the installer back here. Tokens do not expire (rotation is refused at install)
    // and org-wide installs are not supported yet.
    manifest.oauth_config.redirect_urls = [host + OAUTH_REDIRECT_PATH];
    manifest.settings.token_rotation_enabled = false;
    manifest.settings.org_deploy_enabled = false;
  }
  if (opts.socket) {
    manifest.settings.socket_mode_enabled = true;
    for (const c of commands) delete c.url;
    if (events) delete events.request_url;
    if (interactivity) {
      delete interactivity.request_url;
      delete interactivity.message_menu_options_url;
    }
    return manifest;
  }
  if (host) {
    // Whatever host the base manifest names (the placeholder or another), only the path is kept.
    const move = (u: string | undefined) => (u ? host + u.slice(new URL(u).origin.length) : u);
    for (const c of commands) c.url = move(c.url);
    if (events) events.request_url = move(events.request_url);
    if (interactivity) {
      interactivity.request_url = move(interactivity.request_url);
      interactivity.message_menu_options_url = move(interactivity.message_menu_options_url);
    }
  }
  return manifest;
}
