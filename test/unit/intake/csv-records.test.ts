import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openCsv, type CsvRow } from '../../../src/intake/csv-records.js';
import { scanHeaderLine } from '../../../src/intake/csv-sniff.js';
import { ImportRefused } from '../../../src/intake/import-refused.js';
import { breaksBeforeField, LineIndex } from '../../../src/intake/line-index.js';
import { csvChunks } from '../../support/csv.js';

/** The file's rows, fed in chunks of `chunk` bytes (0: one piece). */
async function read(text: string | Buffer, chunk = 0): Promise<{ delimiter: string; header: string[]; rows: string[] }> {
  const file = await openCsv(csvChunks(text, chunk));
  const rows: string[] = [];
  for await (const r of file.rows as AsyncIterable<CsvRow>) {
    rows.push(r.error !== undefined ? `${r.line}-${r.endLine} ${r.error}` : `${r.line} ${r.fields.join('|')}`);
  }
  return { delimiter: file.delimiter, header: file.header, rows };
}
const refusal = (text: string | Buffer) => openCsv(csvChunks(text)).then(() => null, (e: unknown) => e);

describe('scanHeaderLine', () => {
  it('picks the delimiter that occurs most often outside quotes', () => {
    expect(scanHeaderLine('a,b,c\n', false)).toEqual({ delimiter: ',' });
    expect(scanHeaderLine('a;b;"c,d,e"\n', false)).toEqual({ delimiter: ';' });
    expect(scanHeaderLine('a\tb\tc, d\r\n', false)).toEqual({ delimiter: '\t' });
    expect(scanHeaderLine('Name\n', false)).toEqual({ delimiter: ',' });
  });
  it('waits for the end of the header line, which may hold a quoted line break', () => {
    expect(scanHeaderLine('a,"b', false)).toBeNull();
    expect(scanHeaderLine('a;"b\nc";d', false)).toBeNull();
    expect(scanHeaderLine('a;"b\nc";d', true)).toEqual({ delimiter: ';' });
  });
});

describe('LineIndex and breaksBeforeField', () => {
  it('numbers lines across chunks for LF, CRLF and CR, and forgets what is behind', () => {
    const index = new LineIndex();
    index.feed(Buffer.from('a\r'));
    index.feed(Buffer.from('\nb\rc\n'));
    index.feed(Buffer.from('d'));
    index.end();
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((o) => index.lineOf(o))).toEqual([1, 1, 1, 2, 2, 3, 3, 4]);
    index.forgetBefore(5);
    expect([5, 6, 7].map((o) => index.lineOf(o))).toEqual([3, 3, 4]);
    expect(index.lastLine()).toBe(4);
  });
  it('counts the line breaks inside finished fields only', () => {
    expect(breaksBeforeField('1,"two\nlines","bad"q', 2, ',')).toBe(1);
    expect(breaksBeforeField('1,"a,b",c', 2, ',')).toBe(0);
    expect(breaksBeforeField('"x\r\ny",z', 1, ',')).toBe(1);
  });
});

describe('openCsv', () => {
  it('numbers rows by the line they start on, with CRLF, quoted line breaks and blank lines', async () => {
    const text = 'name,note\r\nAcme,"two\r\nlines"\r\nBeta,one\r\n\r\n\r\nGamma,"a\nb\nc"\r\nDelta,x';
    const expected = ['2 Acme|two\r\nlines', '4 Beta|one', '7 Gamma|a\nb\nc', '10 Delta|x'];
    for (const chunk of [0, 1, 2, 3, 7]) expect((await read(text, chunk)).rows, `chunks of ${chunk}`).toEqual(expected);
  });

  it('reports rows with a different field count and broken quoting, and carries on', async () => {
    const text = [
      'name,email,phone',
      'Acme,a@acme.example,1',
      'Short,s@x.example',
      'Long,l@x.example,1,2',
      'Rho,"Rho "Best" Inc",3',
      'Stray,x"y",4',
      'Beta,b@beta.example,5',
      'Gamma,"unclosed,6',
      'Delta,d@x.example,7',
      '',
    ].join('\n');
    for (const chunk of [0, 1, 5]) {
      expect((await read(text, chunk)).rows, `chunks of ${chunk}`).toEqual([
        '2 Acme|a@acme.example|1',
        '3-3 has 2 fields, the header has 3',
        '4-4 has 4 fields, the header has 3',
        '5-5 broken quoting (a stray or unclosed ")',
        '6-6 broken quoting (a stray or unclosed ")',
        '7 Beta|b@beta.example|5',
        // An unclosed quote runs to the end of the file: the report says which lines were lost.
        '8-9 broken quoting (a stray or unclosed ")',
      ]);
    }
  });

  it('locates a broken row after a multi-line field and after another broken row (CRLF too)', async () => {
    const text = 'a,b,c\r\n1,"two\r\nlines","bad"q\r\n2,"x"y,3\r\n4,5,6\r\n';
    expect((await read(text)).rows).toEqual([
      '2-5 broken quoting (a stray or unclosed ")',
    ]);
    const separate = 'a,b\r\n"x"y,1"\r\n"p"q,2"\r\nok,3\r\n';
    expect((await read(separate)).rows).toEqual(['2-2 broken quoting (a stray or unclosed ")', '3-3 broken quoting (a stray or unclosed ")', '4 ok|3']);
  });

  it('sniffs semicolons and tabs, and drops a UTF-8 BOM', async () => {
    expect(await read('\uFEFFName;Value\nAcme;"12.000,00"\n')).toEqual({ delimiter: ';', header: ['Name', 'Value'], rows: ['2 Acme|12.000,00'] });
    expect(await read('Name\tEmail\nAcme\ta@b.co\n')).toMatchObject({ delimiter: '\t', rows: ['2 Acme|a@b.co'] });
    expect(await read('Name\nAcme\nBeta')).toMatchObject({ delimiter: ',', rows: ['2 Acme', '3 Beta'] });
  });

  it('refuses what is not CSV text before reading on', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    for (const [input, message] of [
      ['', /the file is empty/],
      ['\uFEFF\n\n', /the file is empty/],
      [Buffer.from('\uFEFFName,Email\nAcme,a@b.co\n', 'utf16le'), /UTF-16/],
      [Buffer.from('Name,Email\n', 'utf16le'), /NUL bytes/],
      [png, /NUL bytes/],
      [Buffer.from([0x4e, 0x61, 0x6d, 0xe9, 0x0a, 0x41]), /not UTF-8/],
      ['"Name,Email\nAcme,a@b.co\n', /header line cannot be read/],
    ] as const) {
      const err = await refusal(input);
      expect(err, String(input)).toBeInstanceOf(ImportRefused);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('stops reading a file it refuses, and one closed after its header', async () => {
    const binary = Readable.from([Buffer.alloc(200_000, 0)]);
    await expect(openCsv(binary)).rejects.toBeInstanceOf(ImportRefused);
    expect(binary.destroyed).toBe(true);
    const big = Readable.from((function* () {
      yield Buffer.from('Email,Company\n');
      for (let i = 0; i < 100_000; i++) yield Buffer.from(`a${i}@b.example,Acme\n`);
    })());
    const file = await openCsv(big);
    expect(file.header).toEqual(['Email', 'Company']);
    file.close();
    expect(big.destroyed).toBe(true);
  });

  it('gives a header-only file no rows', async () => {
    expect((await read('name,email\n')).rows).toEqual([]);
  });
});
