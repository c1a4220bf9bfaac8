// `followup-coach manifest`: the Slack app manifest for this host, or for Socket Mode; with --oauth,
// for installs from other workspaces too.
import { parseArgs } from 'node:util';
import { buildManifest, loadManifest } from '../slack/manifest.js';
import { UsageError } from './usage-error.js';

export async function manifestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, socket: { type: 'boolean' }, oauth: { type: 'boolean' } },
    strict: true,
  });
  // With --socket, --url only says where installers come back to (--oauth): Slack wants no request URLs then.
  if (values.url && values.socket && !values.oauth) throw new UsageError('Choose one: --url <https://host> or --socket (the two go together only with --oauth).');
  if (values.oauth && !values.url) throw new UsageError('--oauth needs --url <https://host>: Slack sends each installer back to that host.');
  let manifest;
  try {
    manifest = buildManifest(await loadManifest(), { url: values.url, socket: values.socket, oauth: values.oauth });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  console.log(JSON.stringify(manifest, null, 2));
  return 0;
}
