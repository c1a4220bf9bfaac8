// Line numbers for parsed records: csv-parse counts a CRLF inside quotes as two lines and loses
// count across a record it had to skip, so lines are counted here from the bytes themselves.
/**
 * Byte offsets where lines start, as the bytes go by on their way to the parser. "\r\n", "\r" and
 * "\n" each end a line. Offsets behind the parser are dropped, so memory stays flat.
 */
export class LineIndex {
  private starts: number[] = [];
  private head = 0;
  /** Lines that started before the oldest offset still kept. */
  private base = 1;
  private offset = 0;
  private pendingCr = false;
  private lastContent = -1;

  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte !== 0x0a && byte !== 0x0d) this.lastContent = this.offset + i;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (byte === 0x0a) {
          this.starts.push(this.offset + i + 1);
          continue;
        }
        this.starts.push(this.offset + i);
      }
      if (byte === 0x0d) this.pendingCr = true;
      else if (byte === 0x0a) this.starts.push(this.offset + i + 1);
    }
    this.offset += chunk.length;
  }

  end(): void {
    if (this.pendingCr) this.starts.push(this.offset);
    this.pendingCr = false;
  }

  /** The 1-based line of the byte at `offset`. */
  lineOf(offset: number): number {
    let lo = this.head;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return this.base + lo - this.head;
  }

  /** The line of the last byte that is not a line break (0 for none). */
  lastLine(): number {
    return this.lastContent < 0 ? 0 : this.lineOf(this.lastContent);
  }

  /** Forgets the line starts before `offset`: no later question asks about them. */
  forgetBefore(offset: number): void {
    while (this.head < this.starts.length && this.starts[this.head]! <= offset) {
      this.head++;
      this.base++;
    }
    if (this.head > 4096) {
      this.starts = this.starts.slice(this.head);
      this.head = 0;
    }
  }
}

export const lineBreaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Line breaks inside the first `fields` complete fields of a record's text: the lines between its
 * start and the end of those fields. These fields parsed cleanly, so a plain quote-aware scan agrees
 * with the parser on them.
 */
export function breaksBeforeField(text: string, fields: number, delimiter: string): number {
  let quoted = false;
  let seen = 0;
  let breaks = 0;
  for (let i = 0; i < text.length && seen < fields; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) seen++;
    else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) breaks++;
  }
  return breaks;
}
