import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../../src/cli/progress.js';

/** A stand-in for standard error, and a clock the test moves by hand. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let ms = 1_000;
  const clock = () => ms;
  const stream = { isTTY, write: (text: string) => written.push(text) };
  return { written, stream, clock, advance: (by: number) => (ms += by) };
}

describe('progress line', () => {
  it('writes nothing at all when standard error is not a terminal', () => {
    const { written, stream, clock, advance } = setup(false);
    const progress = createProgress({ label: 'import', stream, clock });
    for (let i = 1; i <= 10; i++) {
      advance(1000);
      progress.update(i * 1000, i / 10);
    }
    progress.finish();
    expect(written).toEqual([]);
  });

  it('draws at most every 250 ms, in place, and ends the line with the final count', () => {
    const { written, stream, clock, advance } = setup(true);
    const progress = createProgress({ label: 'export', stream, clock });
    advance(100);
    progress.update(400);
    expect(written).toEqual([]);
    advance(150);
    progress.update(1000);
    expect(written).toEqual(['\rexport: 1,000 rows, 4,000 rows/s']);
    advance(100);
    progress.update(1200);
    expect(written).toHaveLength(1);
    advance(150);
    progress.update(2000);
    expect(written[1]).toBe('\rexport: 2,000 rows, 4,000 rows/s');
    advance(500);
    progress.finish();
    expect(written.slice(2)).toEqual(['\rexport: 2,000 rows, 2,000 rows/s, done in 1 s', '\n']);
    // Finished is finished.
    progress.update(5000);
    progress.finish();
    expect(written).toHaveLength(4);
  });

  it('says how long is left when the share of the work done is known', () => {
    const { written, stream, clock, advance } = setup(true);
    const progress = createProgress({ label: 'import', stream, clock });
    advance(10_000);
    progress.update(25_000, 0.25);
    expect(written).toEqual(['\rimport: 25,000 rows, 2,500 rows/s, about 30 s left']);
    advance(50_000);
    progress.update(50_000, 0.5);
    expect(written[1]).toBe('\rimport: 50,000 rows, 833 rows/s, about 1 min 0 s left');
  });

  it('covers the rest of a longer line drawn before', () => {
    const { written, stream, clock, advance } = setup(true);
    const progress = createProgress({ label: 'import', stream, clock });
    advance(1_000);
    progress.update(1_000, 0.01);
    advance(1_000);
    progress.update(2_000);
    const [first, second] = written as [string, string];
    expect(second.length).toBe(first.length);
    expect(second.trimEnd()).toBe('\rimport: 2,000 rows, 1,000 rows/s');
  });

  it('leaves the terminal alone when the work ends before the first line was due', () => {
    const { written, stream, clock, advance } = setup(true);
    const progress = createProgress({ label: 'import', stream, clock });
    advance(200);
    progress.update(10, 1);
    progress.finish();
    expect(written).toEqual([]);
  });

  it('counts one row as a row', () => {
    const { written, stream, clock, advance } = setup(true);
    const progress = createProgress({ label: 'import', stream, clock });
    advance(2_000);
    progress.update(1);
    expect(written).toEqual(['\rimport: 1 row, 1 rows/s']);
  });

  it('reads durations in seconds, minutes and hours', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
