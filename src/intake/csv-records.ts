// Streams the records of an uploaded CSV file with the line each starts on. csv-parse does the
// parsing; csv-sniff refuses what is not CSV text before anything is read further and picks the
// delimiter; line-index numbers the lines.
import { parse, type CsvError, type Options } from 'csv-parse';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { HEADER_LIMIT, refuseNonText, scanHeaderLine, SNIFF_BYTES, UTF8_BOM } from './csv-sniff.js';
import { ImportRefused } from './import-refused.js';
import { breaksBeforeField, lineBreaks, LineIndex } from './line-index.js';

export type CsvSource = AsyncIterable<Buffer | string> | NodeJS.ReadableStream;

export type CsvRow =
  | { line: number; fields: string[]; error?: undefined }
  /** A record csv-parse could not read (broken quoting): skipped; it may span several lines. */
  | { line: number; endLine: number; error: string; fields?: undefined };

export interface CsvFile {
  header: string[];
  delimiter: string;
  rows: AsyncIterable<CsvRow>;
  /** Stops reading (the source is destroyed): for a file refused after its header was read. */
  close(): void;
}

function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'broken quoting (a stray or unclosed ")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'the row is too long (over 128,000 characters)';
    default:
      return err.message;
  }
}

type Parsed =
  | { kind: 'row'; line: number; endLine: number; leading: number; fields: string[] }
  | { kind: 'error'; line: number; leading: number; error: string };

/**
 * Opens a CSV stream: sniffs the header line (delimiter; not binary, UTF-16 or otherwise not UTF-8
 * text) and reads the header. Throws ImportRefused for a file that is not CSV text. The rows come
 * streamed, in order, each with its first line (the header is line 1).
 */
export async function openCsv(source: CsvSource): Promise<CsvFile> {
  const chunks = (async function* () {
    for await (const c of source as AsyncIterable<Buffer | string>) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
  })();
  const parts: Buffer[] = [];
  let size = 0;
  let sniffed: { delimiter: string } | null = null;
  let exhausted = false;
  let checked = false;
  try {
    // Read the header line, and at least the sample the text checks look at.
    while (!sniffed || (!exhausted && size < SNIFF_BYTES)) {
      const next = await chunks.next();
      if (next.done) exhausted = true;
      else {
        parts.push(next.value);
        size += next.value.length;
      }
      // A binary file may have no line break for megabytes: look at its start without waiting for one.
      if (!checked && size >= SNIFF_BYTES) {
        refuseNonText(Buffer.concat(parts), false);
        checked = true;
      }
      const lineEnd = !next.done && (next.value.includes(0x0a) || next.value.includes(0x0d));
      if (!sniffed && (lineEnd || exhausted || size > HEADER_LIMIT)) {
        const text = Buffer.concat(parts).subarray(0, HEADER_LIMIT).toString('utf8').replace(/^\uFEFF/, '');
        sniffed = scanHeaderLine(text, exhausted || size > HEADER_LIMIT);
      }
    }
    refuseNonText(Buffer.concat(parts), true);
  } catch (err) {
    // Ending the iteration destroys a stream source: nothing more is read.
    await chunks.return(undefined);
    throw err;
  }
  let head = Buffer.concat(parts);
  // Our own offsets and the parser's must agree: the BOM goes before either sees a byte.
  if (head.subarray(0, 3).equals(UTF8_BOM)) head = head.subarray(3);
  const { delimiter } = sniffed;

  const index = new LineIndex();
  const indexed = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      index.feed(chunk);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      index.end();
      done();
    },
  });

  const skipped: Parsed[] = [];
  const options: Options = {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      if (!err) return undefined;
      const text = raw ?? '';
      const leading = text.length - text.replace(/^[\r\n]+/, '').length;
      const body = text.slice(leading);
      const info = err as CsvError & { bytes: number; index: number };
      // With no field finished yet, `bytes` is where the record's line (after empty ones) starts;
      // otherwise it is the offset of the delimiter that ended its last finished field.
      const line = info.index === 0 ? index.lineOf(info.bytes) + leading : index.lineOf(info.bytes) - breaksBeforeField(body, info.index, delimiter);
      skipped.push({ kind: 'error', line, leading, error: describeCsvError(err) });
      return undefined;
    },
    on_record: (rec: unknown): any => {
      const { record, info, raw } = rec as { record: string[]; info: { bytes: number; error?: CsvError }; raw: string };
      // `bytes` is just past the record's line end: its last byte sits on its last line.
      const endLine = index.lineOf(info.bytes - 1);
      const joined = record.join('\u0000');
      // A last field ending in a lone CR is a CRLF line read with LF as the record delimiter.
      const breaks = lineBreaks(joined.endsWith('\r') ? joined.slice(0, -1) : joined);
      const leading = raw.length - raw.replace(/^[\r\n]+/, '').length;
      index.forgetBefore(info.bytes - 1);
      const row: Parsed = { kind: 'row', line: endLine - breaks, endLine, leading, fields: record };
      return { row, skipped: skipped.splice(0), fieldError: info.error?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' };
    },
  };
  const parser = parse(options);
  const input = Readable.from(
    (async function* () {
      yield head;
      yield* chunks;
    })(),
  );
  input.on('error', (err) => parser.destroy(err));
  input.pipe(indexed).pipe(parser);
  indexed.on('error', (err) => parser.destroy(err));

  type Emitted = { row: Extract<Parsed, { kind: 'row' }>; skipped: Parsed[]; fieldError: boolean };
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<Emitted>;
  const first = await records.next();
  if (first.done || first.value.skipped.length) {
    const reason = first.done ? skipped[0] : first.value.skipped[0];
    input.destroy();
    parser.destroy();
    throw new ImportRefused(reason && reason.kind === 'error' ? `the header line cannot be read: ${reason.error}` : 'the file has no header line');
  }
  const header = first.value.row.fields.map((h) => h.trim());

  async function* rows(): AsyncGenerator<CsvRow> {
    // A skipped record's end is known once the next one starts.
    let pending: Extract<Parsed, { kind: 'error' }> | null = null;
    const settle = function* (nextLine: number): Generator<CsvRow> {
      if (pending) yield { line: pending.line, endLine: Math.max(pending.line, nextLine - 1), error: pending.error };
      pending = null;
    };
    const onError = function* (e: Parsed): Generator<CsvRow> {
      if (e.kind !== 'error') return;
      // csv-parse may report one broken record several times.
      if (pending && pending.line === e.line) return;
      yield* settle(e.line - e.leading);
      pending = e;
    };
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) break;
        const { row, skipped: before, fieldError } = next.value;
        for (const e of before) yield* onError(e);
        yield* settle(row.line - row.leading);
        if (fieldError) {
          yield { line: row.line, endLine: row.endLine, error: `has ${row.fields.length} fields, the header has ${header.length}` };
        } else {
          yield { line: row.line, fields: row.fields };
        }
      }
      for (const e of skipped.splice(0)) yield* onError(e);
      yield* settle(index.lastLine() + 1);
    } finally {
      input.destroy();
      parser.destroy();
    }
  }
  return {
    header,
    delimiter,
    rows: rows(),
    close() {
      input.destroy();
      parser.destroy();
      // A stream source is let go at once, not when its iterator next wakes up.
      (source as { destroy?: () => void }).destroy?.();
    },
  };
}
