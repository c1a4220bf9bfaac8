// What an import did, as text for the terminal and (mrkdwn: true) for a Slack reply. Pure. The CLI
// lists every rejected row (an operator fixes the file from it); a Slack caller passes `maxListed`
// so a file of 100,000 bad rows still fits in one message.
import { escapeSlackText } from '../slack/parse/slack-text.js';
import type { ImportSummary } from './import-leads.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function renderImportSummary(s: ImportSummary, opts: { mrkdwn?: boolean; maxListed?: number } = {}): string {
  const max = opts.maxListed ?? Infinity;
  const esc = opts.mrkdwn ? escapeSlackText : (t: string) => t;
  const lines: string[] = [];
  if (s.dryRun) lines.push('dry run: nothing was written');
  lines.push(
    `${plural(s.rows, 'row')} read: ${s.created.toLocaleString('en-US')} created, ${s.updated.toLocaleString('en-US')} updated, ` +
      `${s.skipped.toLocaleString('en-US')} skipped (already up to date), ${s.rejected.length.toLocaleString('en-US')} rejected.`,
  );
  if (s.planned) {
    lines.push(`${plural(s.planned, 'lead')} with no history got a planned first contact, spread over the coming working days.`);
  }
  const list = (title: string, items: { line: number; reason: string }[]) => {
    if (!items.length) return;
    lines.push(title);
    for (const item of items.slice(0, max)) lines.push(`• line ${item.line}: ${esc(item.reason)}`);
    if (items.length > max) lines.push(`• …and ${(items.length - max).toLocaleString('en-US')} more`);
  };
  list('Rejected rows (fix them and import the file again; the other rows are not duplicated):', s.rejected);
  list('Owners not found (those rows went to the default owner):', s.ownerNotes);
  return lines.join('\n');
}
