// `followup-coach manifest`: the Slack app manifest for this host, or for Socket Mode.
import { parseArgs } from 'node:util';
import { buildManifest, loadManifest } from '../slack/manifest.js';
import { UsageError } from './usage-error.js';

export async function manifestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { url: { type: 'string' }, socket: { type: 'boolean' } },
    strict: true,
  });
  if (values.url && values.socket) throw new UsageError('Choose one: --url <https://host> or --socket.');
  let manifest;
  try {
    manifest = buildManifest(await loadManifest(), { url: values.url, socket: values.socket });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  console.log(JSON.stringify(manifest, null, 2));
  return 0;
}
