import { Readable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { createOwnerResolver } from '../intake/resolve-owner.js';
import { importLeads, ImportRefused, type ImportSummary } from '../intake/import-leads.js';
import { renderImportSummary } from '../intake/import-summary.js';
import { escapeSlackText } from './parse/slack-text.js';
import type { Services } from './services.js';
import { fitLines } from './ui/format.js';

/** A CSV shared with the app in Slack (a DM upload or the import modal's file field). */
export interface SlackFile {
  id: string;
  name?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

// A 100,000-row CRM export is about 15 MB.
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

// Rejected rows and owner notes listed in a Slack reply, each list; the rest are counted. The CLI
// lists them all, but a message past 40,000 characters is cut by Slack.
export const SLACK_LISTED_MAX = 50;

/** The summary as a Slack message: lists capped, and the whole kept within one message. */
export function slackImportSummary(fileName: string | undefined, summary: ImportSummary): string {
  const title = `*Import of ${escapeSlackText(fileName ?? 'your file')}*`;
  // Reasons can quote a cell at full length (an owner's e-mail), so the cap alone is not enough.
  return fitLines([title, ...renderImportSummary(summary, { mrkdwn: true, maxListed: SLACK_LISTED_MAX }).split('\n')]);
}

/** Why this file cannot be imported, or null. Checked before anything is downloaded. */
export function refuseFile(file: SlackFile): string | null {
  const name = escapeSlackText(file.name ?? 'That file');
  const csvLike = file.filetype === 'csv' || /\.(csv|txt)$/i.test(file.name ?? '') || file.filetype === 'text';
  if (!csvLike) return `*${name}* is not a CSV file. Export your leads as CSV (comma- or semicolon-separated, UTF-8) and send that.`;
  if ((file.size ?? 0) > MAX_IMPORT_BYTES) return `*${name}* is larger than 25 MB. Split it, or run \`followup-coach import\` on the server.`;
  return null;
}

/** The bot token goes only to Slack's file host (or the API host it is configured with). */
function downloadUrl(file: SlackFile, client: WebClient): URL | null {
  const raw = file.url_private_download ?? file.url_private;
  if (!raw) return null;
  const url = new URL(raw);
  const apiHost = new URL(client.slackApiUrl).host;
  return url.host === 'files.slack.com' || url.host === apiHost ? url : null;
}

async function* limited(body: ReadableStream<Uint8Array>, max: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)) {
    size += (chunk as Buffer).length;
    if (size > max) throw new ImportRefused('The file is larger than 25 MB.');
    yield chunk as Buffer;
  }
}

/**
 * Imports a CSV a manager shared in Slack, streamed from Slack's file host into the importer, with
 * the manager as the default owner. Returns the summary to show them.
 */
export async function importSlackFile(opts: {
  services: Services;
  client: WebClient;
  token: string;
  teamId: string;
  file: SlackFile;
  defaultOwner: string;
  dryRun: boolean;
}): Promise<string> {
  const name = escapeSlackText(opts.file.name ?? 'your file');
  const refusal = refuseFile(opts.file);
  if (refusal) return `:warning: ${refusal}`;
  const url = downloadUrl(opts.file, opts.client);
  if (!url) return ':warning: I could not download that file from Slack.';
  const res = await fetch(url, { headers: { authorization: `Bearer ${opts.token}` }, redirect: 'error' });
  if (!res.ok || !res.body) return `:warning: I could not download *${name}* from Slack (HTTP ${res.status}).`;
  const { db } = opts.services.database;
  const now = opts.services.now();
  try {
    const summary = await importLeads(db, limited(res.body, MAX_IMPORT_BYTES), {
      teamId: opts.teamId,
      defaultOwner: opts.defaultOwner,
      dryRun: opts.dryRun,
      now,
      resolveOwner: createOwnerResolver({ db, teamId: opts.teamId, client: opts.client, logger: opts.services.logger, now: opts.services.now }),
    });
    return slackImportSummary(opts.file.name, summary);
  } catch (err) {
    if (err instanceof ImportRefused) return `:warning: Nothing was imported from *${name}*: ${err.message}`;
    throw err;
  }
}
