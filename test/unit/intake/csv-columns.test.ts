import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_HEADERS, guardCell, hasNameColumn, mapColumns, normalizeHeader, unguardCell, type ColumnRole } from '../../../src/intake/csv-columns.js';

/** Which header each role reads first, by name. */
function firstHeaders(headers: string[]): Partial<Record<ColumnRole, string>> {
  const map = mapColumns(headers);
  return Object.fromEntries(Object.entries(map.roles).map(([role, idx]) => [role, headers[idx![0]!]]));
}

describe('normalizeHeader', () => {
  it('ignores case, punctuation, underscores, extra spaces and a BOM', () => {
    expect(normalizeHeader('Person - Name')).toBe('person name');
    expect(normalizeHeader('  LAST_contacted ')).toBe('last contacted');
    expect(normalizeHeader('\uFEFFE-mail')).toBe('e mail');
    expect(normalizeHeader('Deal – Next  activity date:')).toBe('deal next activity date');
    expect(normalizeHeader('Record ID')).toBe('record id');
  });
});

describe('mapColumns: the three CRM styles and our own export', () => {
  it('reads a HubSpot contacts export', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Lifecycle Stage', 'Lead Status', 'Original Source', 'Contact owner', 'Create Date', 'Last Contacted', 'Annual Revenue'];
    expect(firstHeaders(headers)).toEqual({
      externalId: 'Record ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone Number',
      company: 'Company Name', tierHint: 'Lifecycle Stage', status: 'Lead Status', source: 'Original Source',
      owner: 'Contact owner', created: 'Create Date', lastContacted: 'Last Contacted', value: 'Annual Revenue',
    });
    // Every tier-ish column counts, lifecycle stage first.
    const map = mapColumns(headers);
    expect(map.roles.tierHint!.map((i) => headers[i])).toEqual(['Lifecycle Stage', 'Original Source', 'Lead Status']);
    expect(hasNameColumn(map)).toBe(true);
  });

  it('reads a Salesforce leads report, the owner e-mail before the owner name', () => {
    const headers = ['Lead ID', 'First Name', 'Last Name', 'Title', 'Company', 'Email', 'Phone', 'Mobile', 'Lead Source', 'Lead Status', 'Rating', 'Lead Owner', 'Owner Email', 'Created Date', 'Last Activity', 'Annual Revenue', 'Next Step', 'Description'];
    const map = mapColumns(headers);
    expect(firstHeaders(headers)).toMatchObject({
      externalId: 'Lead ID', company: 'Company', email: 'Email', phone: 'Phone', source: 'Lead Source', status: 'Lead Status',
      owner: 'Owner Email', created: 'Created Date', lastContacted: 'Last Activity', value: 'Annual Revenue',
      nextStep: 'Next Step', note: 'Description', tierHint: 'Lead Source',
    });
    expect(map.roles.owner!.map((i) => headers[i])).toEqual(['Owner Email', 'Lead Owner']);
    expect(map.roles.phone!.map((i) => headers[i])).toEqual(['Phone', 'Mobile']);
    expect(map.roles.tierHint!.map((i) => headers[i])).toEqual(['Lead Source', 'Lead Status', 'Rating']);
    // "Title" is a job title there, not a lead's name.
    expect(map.roles.title).toBeUndefined();
  });

  it('reads a Pipedrive deals export: person name, else the deal title', () => {
    const headers = ['Deal - ID', 'Deal - Title', 'Deal - Value', 'Deal - Currency', 'Deal - Status', 'Deal - Owner', 'Deal - Deal created', 'Deal - Next activity date', 'Deal - Last activity date', 'Deal - Label', 'Deal - Source channel', 'Person - Name', 'Person - Email', 'Person - Phone', 'Deal - Organization'];
    expect(firstHeaders(headers)).toEqual({
      externalId: 'Deal - ID', title: 'Deal - Title', value: 'Deal - Value', status: 'Deal - Status', owner: 'Deal - Owner',
      created: 'Deal - Deal created', nextStepDate: 'Deal - Next activity date', lastContacted: 'Deal - Last activity date',
      tierHint: 'Deal - Source channel', source: 'Deal - Source channel', name: 'Person - Name', email: 'Person - Email',
      phone: 'Person - Phone', company: 'Deal - Organization',
    });
    expect(hasNameColumn(mapColumns(['Deal - Title', 'Deal - Value']))).toBe(true);
  });

  it('reads our own export header column for column', () => {
    const headers = [...EXPORT_HEADERS];
    expect(firstHeaders(headers)).toEqual({
      name: 'name', company: 'company', email: 'email', phone: 'phone', tier: 'tier', value: 'value', owner: 'owner',
      status: 'status', source: 'source', created: 'created', lastContacted: 'last contacted', touchCount: 'touch count',
      nextStep: 'next step', nextStepDate: 'next step date', promised: 'promised', externalId: 'external id', note: 'note',
      // Our tier column is also the first tier hint; the free-text source is a later one.
      tierHint: 'tier',
    });
  });

  it('finds no name column in a file without one', () => {
    expect(hasNameColumn(mapColumns(['Email', 'Company', 'Phone']))).toBe(false);
    expect(hasNameColumn(mapColumns(['{"json": true}']))).toBe(false);
  });
});

describe('CSV-injection guard', () => {
  it('prefixes formula-like cells with a quote and nothing else', () => {
    expect(guardCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guardCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(guardCell('-5')).toBe("'-5");
    expect(guardCell('@here')).toBe("'@here");
    expect(guardCell('\tx')).toBe("'\tx");
    expect(guardCell('\rx')).toBe("'\rx");
    expect(guardCell("'=already quoted")).toBe("''=already quoted");
    expect(guardCell("O'Brien & Sons")).toBe("O'Brien & Sons");
    expect(guardCell("'quoted'")).toBe("'quoted'");
    expect(guardCell('a=b')).toBe('a=b');
  });

  it('import strips exactly that prefix', () => {
    expect(unguardCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCell("'+1 555")).toBe('+1 555');
    expect(unguardCell("'quoted'")).toBe("'quoted'");
    expect(unguardCell("O'Brien")).toBe("O'Brien");
    expect(unguardCell('=raw formula from a CRM')).toBe('=raw formula from a CRM');
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string(), (s) => unguardCell(guardCell(s)) === s));
    fc.assert(fc.property(fc.stringMatching(/^'*[=+\-@\t\r].*$/), (s) => guardCell(s) !== s && unguardCell(guardCell(s)) === s));
  });
});
