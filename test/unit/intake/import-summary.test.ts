import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../src/intake/import-leads.js';
import { renderImportSummary } from '../../../src/intake/import-summary.js';

const base: ImportSummary = { created: 0, updated: 0, skipped: 0, rejected: [], ownerNotes: [], dryRun: false, rows: 0 };

describe('renderImportSummary', () => {
  it('says what happened in one line when every row went in', () => {
    expect(renderImportSummary({ ...base, created: 1200, updated: 3, skipped: 1, rows: 1204 })).toBe(
      '1,204 rows read: 1,200 created, 3 updated, 1 skipped (already up to date), 0 rejected.',
    );
  });

  it('lists rejected rows and owners not found, with their lines', () => {
    const text = renderImportSummary({
      ...base,
      created: 1,
      rows: 3,
      rejected: [
        { line: 3, reason: 'no name' },
        { line: 4, reason: "e-mail 'foo' is not an address" },
      ],
      ownerNotes: [{ line: 2, reason: "owner 'Zed': no rep goes by \"Zed\"; use their e-mail or Slack id; given to U0ANA" }],
    });
    expect(text.split('\n')).toEqual([
      '3 rows read: 1 created, 0 updated, 0 skipped (already up to date), 2 rejected.',
      'Rejected rows (fix them and import the file again; the other rows are not duplicated):',
      '• line 3: no name',
      "• line 4: e-mail 'foo' is not an address",
      'Owners not found (those rows went to the default owner):',
      '• line 2: owner \'Zed\': no rep goes by "Zed"; use their e-mail or Slack id; given to U0ANA',
    ]);
  });

  it('stays short for a file of bad rows: at most 50 listed, then how many more', () => {
    const rejected = Array.from({ length: 100_000 }, (_, i) => ({ line: i + 2, reason: 'no name' }));
    const lines = renderImportSummary({ ...base, rows: 100_000, rejected }).split('\n');
    expect(lines).toHaveLength(1 + 1 + 50 + 1);
    expect(lines.at(-2)).toBe('• line 51: no name');
    expect(lines.at(-1)).toBe('• …and 99,950 more');
  });

  it('says when nothing was written, and escapes Slack markup for a Slack reply', () => {
    const summary = { ...base, dryRun: true, rows: 1, rejected: [{ line: 2, reason: "e-mail '<!channel> & co' is not an address" }] };
    expect(renderImportSummary(summary).split('\n')[0]).toBe('dry run: nothing was written');
    expect(renderImportSummary(summary, { mrkdwn: true })).toContain("• line 2: e-mail '&lt;!channel&gt; &amp; co' is not an address");
    expect(renderImportSummary(summary)).toContain("'<!channel> & co'");
  });
});
