// The first look at an uploaded file, before any of it is parsed: its delimiter, and whether it is
// UTF-8 text at all.
import { ImportRefused } from './import-refused.js';

const DELIMITERS = [',', ';', '\t'] as const;
// The header line must come within this much; a longer one is not a CRM export.
export const HEADER_LIMIT = 1 << 20;
export const SNIFF_BYTES = 64 * 1024;
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Where the first line ends (outside quotes), and how often each candidate delimiter occurs in it,
 * or null when the line has not ended within `text` yet.
 */
export function scanHeaderLine(text: string, atEnd: boolean): { delimiter: string } | null {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let ended = atEnd;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      ended = true;
      break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  if (!ended) return null;
  // The most frequent wins; a tie (a one-column file) goes to the comma, listed first.
  let delimiter: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  return { delimiter };
}

/** Refuses what is not UTF-8 text, before a byte of it is parsed. `whole`: the head is all there is to the header. */
export function refuseNonText(head: Buffer, whole: boolean): void {
  if (whole && head.subarray(0, SNIFF_BYTES).toString('utf8').replace(/^\uFEFF/, '').trim() === '') throw new ImportRefused('the file is empty');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportRefused('the file is UTF-16 text, not a UTF-8 CSV file (save or export it as "CSV UTF-8")');
  }
  if (head.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new ImportRefused('the file is not CSV text (it holds NUL bytes: a binary or UTF-16 file)');
  }
  try {
    // stream: true lets a character cut at the end of the sample through.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
  } catch {
    throw new ImportRefused('the file is not UTF-8 text (save or export it as "CSV UTF-8")');
  }
}
