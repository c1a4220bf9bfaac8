import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../src/intake/import-leads.js';
import { renderImportSummary } from '../../../src/intake/import-summary.js';
import { SLACK_LISTED_MAX, slackImportSummary } from '../../../src/slack/import-file.js';

const base: ImportSummary = { created: 0, updated: 0, skipped: 0, rejected: [], ownerNotes: [], dryRun: false, rows: 0 };

describe('renderImportSummary', () => {
  it('says what happened in one line when every row went in', () => {
    expect(renderImportSummary({ ...base, created: 1200, updated: 3, skipped: 1, rows: 1204 })).toBe(
      '1,204 rows read: 1,200 created, 3 updated, 1 skipped (already up to date), 0 rejected.',
    );
  });

  it('R2: says how many never-contacted leads got a planned first contact, and nothing when none did', () => {
    expect(renderImportSummary({ ...base, created: 40, rows: 40, planned: 25 }).split('\n')).toEqual([
      '40 rows read: 40 created, 0 updated, 0 skipped (already up to date), 0 rejected.',
      '25 leads with no history got a planned first contact, spread over the coming working days.',
    ]);
    expect(renderImportSummary({ ...base, created: 1, rows: 1, planned: 0 })).not.toContain('planned');
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

  it('lists every rejected row by default, as the CLI prints it', () => {
    const rejected = Array.from({ length: 100_000 }, (_, i) => ({ line: i + 2, reason: 'no name' }));
    const lines = renderImportSummary({ ...base, rows: 100_000, rejected }).split('\n');
    expect(lines).toHaveLength(1 + 1 + 100_000);
    expect(lines.at(-1)).toBe('• line 100001: no name');
    expect(lines.some((l) => l.includes('more'))).toBe(false);
  });

  it('with maxListed, lists that many of each kind, then how many more', () => {
    const rejected = Array.from({ length: 100_000 }, (_, i) => ({ line: i + 2, reason: 'no name' }));
    const ownerNotes = Array.from({ length: 3 }, (_, i) => ({ line: i + 2, reason: 'owner unknown' }));
    const lines = renderImportSummary({ ...base, rows: 100_000, rejected, ownerNotes }, { maxListed: 50 }).split('\n');
    expect(lines).toHaveLength(1 + (1 + 50 + 1) + (1 + 3));
    expect(lines[51]).toBe('• line 51: no name');
    expect(lines[52]).toBe('• …and 99,950 more');
    expect(lines.at(-1)).toBe('• line 4: owner unknown');
  });

  it('says when nothing was written, and escapes Slack markup for a Slack reply', () => {
    const summary = { ...base, dryRun: true, rows: 1, rejected: [{ line: 2, reason: "e-mail '<!channel> & co' is not an address" }] };
    expect(renderImportSummary(summary).split('\n')[0]).toBe('dry run: nothing was written');
    expect(renderImportSummary(summary, { mrkdwn: true })).toContain("• line 2: e-mail '&lt;!channel&gt; &amp; co' is not an address");
    expect(renderImportSummary(summary)).toContain("'<!channel> & co'");
  });
});

describe('slackImportSummary (the reply to an import from a DM upload or the import form)', () => {
  it('names the file and lists at most 50 rejected rows, then counts the rest', () => {
    const rejected = Array.from({ length: 100_000 }, (_, i) => ({ line: i + 2, reason: 'no name' }));
    const lines = slackImportSummary('leads <2026>.csv', { ...base, rows: 100_000, rejected }).split('\n');
    expect(lines[0]).toBe('*Import of leads &lt;2026&gt;.csv*');
    expect(lines.filter((l) => l.startsWith('• line '))).toHaveLength(SLACK_LISTED_MAX);
    expect(lines.at(-1)).toBe('• …and 99,950 more');
  });

  it('stays within one Slack message when reasons are long (an owner cell quoted in full)', () => {
    const ownerNotes = Array.from({ length: 200 }, (_, i) => ({ line: i + 2, reason: `${'x'.repeat(5_000)}@example.com is not in this Slack workspace` }));
    const text = slackImportSummary('big.csv', { ...base, rows: 200, created: 200, ownerNotes });
    expect(text.length).toBeLessThanOrEqual(40_000);
    expect(text.split('\n').at(-1)).toMatch(/^…and \d+ more lines \(too long for one message\)\.$/);
  });
});
