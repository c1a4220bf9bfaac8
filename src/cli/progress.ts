// A one-line progress report for long CLI work (import, export): rows done, rate, and time left
// when the share of the work done is known. Written to standard error only when it is a terminal,
// redrawn in place at most every `intervalMs`, so scripts and CI logs see nothing of it.
import { performance } from 'node:perf_hooks';

/** Where the line goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** What is being done: the line starts with it ("import: …"). */
  label: string;
  /** What is counted, plural ("rows"); one of it is the same without the final s. */
  unit?: string;
  stream?: ProgressStream;
  /** Milliseconds from any fixed start (performance.now by default): passed in by tests. */
  clock?: () => number;
  intervalMs?: number;
}

export interface Progress {
  /** `done` counted so far; `fraction` (0 to 1) of the whole work done, when it is known. */
  update(done: number, fraction?: number): void;
  /** Redraws the line with the last count and ends it, if a line was drawn at all. */
  finish(): void;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** "12 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return { update() {}, finish() {} };
  const clock = opts.clock ?? (() => performance.now());
  const intervalMs = opts.intervalMs ?? 250;
  const unit = opts.unit ?? 'rows';
  const started = clock();
  let lastDraw = started;
  let drawnWidth = 0;
  let finished = false;
  let done = 0;
  let fraction: number | undefined;

  const line = (now: number, final: boolean): string => {
    const elapsed = now - started;
    const parts = [`${opts.label}: ${count(done)} ${done === 1 ? unit.replace(/s$/, '') : unit}`];
    if (elapsed > 0) parts.push(`${count((done * 1000) / elapsed)} ${unit}/s`);
    if (final) parts.push(`done in ${formatDuration(elapsed)}`);
    else if (fraction !== undefined && fraction > 0) parts.push(`about ${formatDuration((elapsed * (1 - Math.min(1, fraction))) / fraction)} left`);
    return parts.join(', ');
  };
  const draw = (text: string) => {
    // Spaces cover what is left of a longer line drawn before.
    stream.write(`\r${text.padEnd(drawnWidth)}`);
    drawnWidth = Math.max(drawnWidth, text.length);
  };

  return {
    update(n, share) {
      if (finished) return;
      done = n;
      fraction = share;
      const now = clock();
      if (now - lastDraw < intervalMs) return;
      lastDraw = now;
      draw(line(now, false));
    },
    finish() {
      if (finished) return;
      finished = true;
      if (!drawnWidth) return;
      draw(line(clock(), true));
      stream.write('\n');
    },
  };
}
