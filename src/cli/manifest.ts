// `followup-coach manifest`: the Slack app manifest for this host (with --oauth, for installs from
// other workspaces), or for Socket Mode.
import { parseArgs } from 'node:util';
import { buildManifest, loadManifest } from '../slack/manifest.js';
import { UsageError } from './usage-error.js';

export async function manifestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, socket: { type: 'boolean' }, oauth: { type: 'boolean' } },
    strict: true,
  });
  if (values.url && values.socket) throw new UsageError('Choose one: --url <https://host> or --socket.');
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
