/** A CSV file as an import reads it: a stream of chunks (all at once, or `size` bytes at a time). */
export async function* csvChunks(text: string | Buffer, size = 0): AsyncGenerator<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  if (!size) {
    yield bytes;
    return;
  }
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** CSV text from rows of cells (quoted where needed, "\n" line ends). */
export const csvText = (rows: (string | number)[][]): string =>
  rows.map((r) => r.map((c) => (/[",\n\r]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n') + '\n';
