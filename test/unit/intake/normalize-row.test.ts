import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORTED_ACTION } from '../../../src/coach/index.js';
import { EXPORT_HEADERS, mapColumns } from '../../../src/intake/csv-columns.js';
import { statusFromWord, tierFromWord } from '../../../src/intake/crm-words.js';
import type { LeadCandidate } from '../../../src/intake/lead-candidate.js';
import { normalizeRow } from '../../../src/intake/normalize-row.js';
import { parseCrmDate } from '../../../src/intake/parse-crm-date.js';
import { parseMoney } from '../../../src/intake/parse-money.js';

const now = new Date('2026-11-25T15:00:00Z');
const NY = 'America/New_York';

/** Normalises one row given as header → cell. */
function row(cells: Record<string, string>, zone = NY): ReturnType<typeof normalizeRow> {
  const headers = Object.keys(cells);
  return normalizeRow(Object.values(cells), mapColumns(headers), { zone, now });
}
function lead(cells: Record<string, string>, zone = NY): LeadCandidate {
  const r = row(cells, zone);
  if (!r.ok) throw new Error(`expected a lead, got: ${r.reason}`);
  return r.lead;
}
function reason(cells: Record<string, string>): string {
  const r = row(cells);
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.lead)}`);
  return r.reason;
}

describe('tierFromWord: CRM lifecycle stages, sources, statuses and ratings onto our tiers', () => {
  it.each([
    ['Customer Referral', 'referral'],
    ['Employee Referral', 'referral'],
    ['Partner Referral', 'referral'],
    ['Referred by Jo', 'referral'],
    ['Word of mouth', 'referral'],
    ['Customer', 'customer'],
    ['Customer - Direct', 'customer'],
    ['Evangelist', 'customer'],
    ['Closed Won', 'customer'],
    ['Cold', 'cold'],
    ['Cold call', 'cold'],
    ['Purchased List', 'cold'],
    ['Subscriber', 'cold'],
    ['Unqualified', 'cold'],
    ['Closed - Not Converted', 'cold'],
    ['Lead', 'lead'],
    ['MQL', 'lead'],
    ['SQL', 'lead'],
    ['marketingqualifiedlead', 'lead'],
    ['Sales Qualified Lead', 'lead'],
    ['Opportunity', 'lead'],
    ['Prospect', 'lead'],
    ['Working - Contacted', 'lead'],
    ['Warm', 'lead'],
    ['Hot', 'lead'],
    ['Qualified', 'lead'],
    ['New', 'new'],
    ['Open - Not Contacted', 'new'],
    ['Inbound', 'new'],
    ['Web form', 'new'],
  ] as const)('%s → %s', (word, tier) => {
    expect(tierFromWord(word)).toBe(tier);
  });

  it.each(['Other', 'Organic Search', 'Trade Show', 'Closed - Converted', 'Newsletter', ''])('%s says nothing about a tier', (word) => {
    expect(tierFromWord(word)).toBeNull();
  });
});

describe('statusFromWord', () => {
  it('reads won and lost, everything else is open', () => {
    expect(statusFromWord('won')).toBe('won');
    expect(statusFromWord('Closed Won')).toBe('won');
    expect(statusFromWord('lost')).toBe('lost');
    expect(statusFromWord('Closed Lost')).toBe('lost');
    expect(statusFromWord('Closed - Not Converted')).toBe('lost');
    expect(statusFromWord('Closed - Converted')).toBe('open');
    expect(statusFromWord('open')).toBe('open');
    expect(statusFromWord('Working - Contacted')).toBe('open');
  });
});

describe('parseMoney', () => {
  it.each([
    ['12000', 12000],
    ['$12,000.00', 12000],
    ['12.000,00 €', 12000],
    ['€ 1.234.567,89', 1234567.89],
    ['EUR 12 000', 12000],
    ['12\u00a0000,50', 12000.5],
    ["CHF 1'250.75", 1250.75],
    ['£999.99', 999.99],
    ['12,5', 12.5],
    ['1,500', 1500],
    ['1.500', 1500],
    ['0.500', 0.5],
    ['0', 0],
    ['1000000000', 1_000_000_000],
    ['12000.505', null],
    ['', null],
  ] as const)('%s → %s', (text, value) => {
    const got = parseMoney(text);
    if (text === '12000.505') expect(got).toHaveProperty('error');
    else expect(got).toBe(value);
  });

  it.each([
    ['lots', "value 'lots' is not a number"],
    ['1,2,3', "value '1,2,3' is not a number"],
    ['12..5', "value '12..5' is not a number"],
    ['1e5', "value '1e5' is not a number"],
    ['-200', "value '-200' is negative"],
    ['(500)', "value '(500)' is negative"],
    ['1000000000.01', "value '1000000000.01' is more than 1,000,000,000"],
    ['$2,000,000,000', "value '$2,000,000,000' is more than 1,000,000,000"],
  ])('%s is refused', (text, error) => {
    expect(parseMoney(text)).toEqual({ error });
  });
});

describe('parseCrmDate', () => {
  const at = (text: string, zone = NY) => {
    const d = parseCrmDate(text, zone);
    return d ? `${d.at.toISOString()}${d.timed ? '' : ' (date)'}` : null;
  };
  it('reads ISO dates and times in the zone, or at their own offset', () => {
    expect(at('2026-12-01')).toBe('2026-12-01T05:00:00.000Z (date)');
    expect(at('2026-12-01 14:00')).toBe('2026-12-01T19:00:00.000Z');
    expect(at('2026-12-01T14:00:05')).toBe('2026-12-01T19:00:05.000Z');
    expect(at('2026-12-01T22:59:59.999Z')).toBe('2026-12-01T22:59:59.999Z');
    expect(at('2026-12-01T14:00:00+01:00')).toBe('2026-12-01T13:00:00.000Z');
    expect(at('2026-12-01 14:00:00 +0530')).toBe('2026-12-01T08:30:00.000Z');
    expect(at('2026/12/01')).toBe('2026-12-01T05:00:00.000Z (date)');
  });

  it('reads US month-first and European dotted day-first dates, with AM/PM', () => {
    expect(at('12/01/2026')).toBe('2026-12-01T05:00:00.000Z (date)');
    expect(at('1/2/26')).toBe('2026-01-02T05:00:00.000Z (date)');
    expect(at('11/1/2026 9:15 AM')).toBe('2026-11-01T14:15:00.000Z');
    expect(at('11/1/2026 12:30 pm')).toBe('2026-11-01T17:30:00.000Z');
    expect(at('11/1/2026 12:30 AM')).toBe('2026-11-01T04:30:00.000Z');
    expect(at('01.12.2026', 'Europe/Berlin')).toBe('2026-11-30T23:00:00.000Z (date)');
    expect(at('01.12.2026 08:00', 'Europe/Berlin')).toBe('2026-12-01T07:00:00.000Z');
  });

  it('refuses what is not a date rather than guessing', () => {
    for (const text of ['next tuesday', '31/31/2026', '2026-13-01', '2026-02-30', '2026-12-01 25:00', '13/1/2026 13:00 PM', 'yesterday', '12-01-2026', '']) {
      expect(at(text), text).toBeNull();
    }
  });

  it('reads in UTC when the zone is not a zone', () => {
    expect(at('2026-12-01', 'Not/AZone')).toBe('2026-12-01T00:00:00.000Z (date)');
  });
});

describe('normalizeRow', () => {
  it('joins first and last name, else takes the deal title; an empty name is refused', () => {
    expect(lead({ 'First Name': 'Jo', 'Last Name': 'Smith' }).name).toBe('Jo Smith');
    expect(lead({ 'First Name': '', 'Last Name': 'Smith' }).name).toBe('Smith');
    expect(lead({ Name: 'Acme Corp', 'First Name': 'Jo' }).name).toBe('Acme Corp');
    expect(lead({ 'Deal - Title': 'Litware deal', 'Person - Name': '' }).name).toBe('Litware deal');
    expect(lead({ 'Deal - Title': 'Litware deal', 'Person - Name': 'Kim Lee' }).name).toBe('Kim Lee');
    expect(reason({ 'First Name': ' ', 'Last Name': '', Email: 'a@b.co' })).toBe('no name');
    expect(reason({ Name: 'x'.repeat(201) })).toBe('name is longer than 200 characters');
  });

  it('stores names and text verbatim (trimmed), and undoes our formula guard', () => {
    const l = lead({ name: " O'Brien & Sons ", phone: "'+1 555 0100", company: "'=cmd", note: 'line one\r\nline two' });
    expect(l).toMatchObject({ name: "O'Brien & Sons", phone: '+1 555 0100', company: '=cmd', note: 'line one\nline two' });
  });

  it('checks e-mail addresses and keeps the first of several', () => {
    expect(reason({ Name: 'A', Email: 'foo' })).toBe("e-mail 'foo' is not an address");
    expect(lead({ Name: 'A', Email: ' Jo@Acme.example ' }).email).toBe('Jo@Acme.example');
    expect(lead({ Name: 'A', 'Person - Email': 'uma@coho.example, uma.k@coho.example' }).email).toBe('uma@coho.example');
  });

  it('applies the same length limits as /followup add', () => {
    expect(reason({ Name: 'A', Phone: '1'.repeat(51) })).toBe('phone is longer than 50 characters');
    expect(reason({ Name: 'A', Company: 'c'.repeat(201) })).toBe('company is longer than 200 characters');
    expect(reason({ Name: 'A', 'Lead Source': 's'.repeat(201) })).toBe('source is longer than 200 characters');
    expect(reason({ Name: 'A', Notes: 'n'.repeat(2001) })).toBe('note is longer than 2000 characters');
    expect(reason({ Name: 'A\u0000B' })).toBe('contains a NUL character (binary data)');
  });

  it('R11: reads who referred the lead from a "Referred By" or "Referral" column', () => {
    expect(lead({ Name: 'A', 'Referred By': '  Dana at Beta ' }).referredBy).toBe('Dana at Beta');
    expect(lead({ Name: 'A', Referral: 'jo@acme.example' }).referredBy).toBe('jo@acme.example');
    expect(lead({ Name: 'A' }).referredBy).toBeNull();
    expect(reason({ Name: 'A', 'Referred by': 'r'.repeat(201) })).toBe('referred by is longer than 200 characters');
  });

  it('takes an explicit tier name first, else the first tier-ish column that maps, else lead', () => {
    expect(lead({ Name: 'A', tier: 'cold', 'Lead Source': 'Customer Referral' })).toMatchObject({ tier: 'cold', tierGiven: true });
    expect(lead({ Name: 'A', 'Lifecycle Stage': 'Other', 'Lead Source': 'Customer Referral', Rating: 'Hot' })).toMatchObject({ tier: 'referral', tierGiven: true });
    expect(lead({ Name: 'A', 'Lifecycle Stage': 'Customer', 'Lead Source': 'Customer Referral' }).tier).toBe('customer');
    expect(lead({ Name: 'A', 'Lead Source': 'Trade Show' })).toMatchObject({ tier: 'lead', tierGiven: false });
    expect(lead({ Name: 'A' })).toMatchObject({ tier: 'lead', tierGiven: false });
    // A new lead with history is an existing lead; a won one a customer.
    expect(lead({ Name: 'A', 'Lead Status': 'Open - Not Contacted' }).tier).toBe('new');
    expect(lead({ Name: 'A', 'Lead Status': 'Open - Not Contacted', 'Last Contacted': '2026-11-20' }).tier).toBe('lead');
    expect(lead({ Name: 'A', 'Deal - Status': 'won' })).toMatchObject({ status: 'won', tier: 'customer' });
  });

  it('reads won and lost from a status column only, dated by the last contact, else created, else now', () => {
    expect(lead({ Name: 'A', status: 'lost', created: '2026-10-01T10:00:00Z' })).toMatchObject({ status: 'lost', closedAt: new Date('2026-10-01T10:00:00Z') });
    expect(lead({ Name: 'A', 'Deal - Status': 'won', 'Deal - Last activity date': '2026-11-02 09:00' }).closedAt).toEqual(new Date('2026-11-02T14:00:00Z'));
    expect(lead({ Name: 'A', 'Stage': 'Closed Won' }).closedAt).toEqual(now);
    expect(lead({ Name: 'A', 'Lifecycle Stage': 'Closed Lost' })).toMatchObject({ status: 'open', closedAt: null });
  });

  it('keeps touch history: last contacted counts as one touch when no count is given', () => {
    expect(lead({ Name: 'A', 'Last Contacted': '2026-11-20 10:00' })).toMatchObject({
      touchCount: 1, lastTouchAt: new Date('2026-11-20T15:00:00Z'), firstTouchAt: new Date('2026-11-20T15:00:00Z'),
    });
    expect(lead({ Name: 'A', 'touch count': '5', 'last contacted': '2026-11-20T15:00:00.000Z' })).toMatchObject({ touchCount: 5, firstTouchAt: null });
    expect(lead({ Name: 'A', 'touch count': '0' })).toMatchObject({ touchCount: 0, lastTouchAt: null });
    expect(reason({ Name: 'A', 'touch count': 'many' })).toBe("touch count 'many' is not a whole number");
    expect(reason({ Name: 'A', 'Last Contacted': '2026-12-01' })).toBe("last contacted date '2026-12-01' is in the future");
    expect(reason({ Name: 'A', 'Create Date': '31/31/2026' })).toBe("created date '31/31/2026' is not a date");
  });

  it('reads a bare created date as the start of the owner\'s day', () => {
    expect(lead({ Name: 'A', created: '2026-10-02' }, 'Europe/Berlin').createdAt).toEqual(new Date('2026-10-01T22:00:00Z'));
    expect(lead({ Name: 'A' }).createdAt).toBeNull();
  });

  it('makes a next step: a bare date is the end of the owner\'s day, past dates allowed (they are overdue)', () => {
    expect(lead({ Name: 'A', 'next step': 'send proposal', 'next step date': '2026-12-03', promised: 'yes' }).next).toEqual({
      action: 'send proposal', dueAt: new Date('2026-12-04T04:59:59.999Z'), allDay: true, promised: true, theirCommitment: null, origin: 'rep',
    });
    // R6: a dated step with no action gets one with a purpose, never a bare "follow up".
    expect(lead({ Name: 'A', 'Deal - Next activity date': '2026-12-04 14:00' }, 'Europe/Berlin').next).toMatchObject({
      action: DEFAULT_IMPORTED_ACTION, dueAt: new Date('2026-12-04T13:00:00Z'), allDay: false, promised: false,
    });
    expect(lead({ Name: 'A', 'next step date': '2026-11-20' }).next?.dueAt).toEqual(new Date('2026-11-21T04:59:59.999Z'));
    // Our export's end-of-day instant reads back as an all-day step.
    expect(lead({ Name: 'A', 'next step': 'x', 'next step date': '2026-12-04T04:59:59.999Z' }).next?.allDay).toBe(true);
    expect(reason({ Name: 'A', 'next step date': 'soonish' })).toBe("next step date 'soonish' is not a date");
    expect(reason({ Name: 'A', 'next step': 'x', 'next step date': '2026-12-03', promised: 'maybe' })).toBe("promised 'maybe' is not yes or no");
  });

  it('keeps an undated next step (Salesforce\'s is free text) in the note; a lost lead gets no step', () => {
    expect(lead({ Name: 'A', 'Next Step': 'Send proposal', Description: 'Met at the summit' })).toMatchObject({
      next: null, note: 'Met at the summit\nNext step: Send proposal',
    });
    expect(lead({ Name: 'A', status: 'lost', 'next step': 'x', 'next step date': '2026-12-03' })).toMatchObject({ next: null, note: null });
  });

  it('reads our own export row back as it was written', () => {
    const headers = [...EXPORT_HEADERS];
    const cells = ['Acme', 'Acme Holdings', 'jo@acme.example', "'+1 555", 'referral', '12000.5', 'U0ANA', 'won', 'web', '2026-10-01T18:03:00.000Z',
      '2026-11-20T15:00:00.000Z', '3', 'check in', '2026-12-25T04:59:59.999Z', 'no', 'crm-1', 'a "quoted"\nnote'];
    const r = normalizeRow(cells, mapColumns(headers), { zone: NY, now });
    expect(r).toEqual({
      ok: true,
      lead: {
        name: 'Acme', company: 'Acme Holdings', email: 'jo@acme.example', phone: '+1 555', tier: 'referral', tierGiven: true, value: 12000.5,
        status: 'won', source: 'web', createdAt: new Date('2026-10-01T18:03:00Z'), lastTouchAt: new Date('2026-11-20T15:00:00Z'),
        firstTouchAt: null, touchCount: 3, closedAt: new Date('2026-11-20T15:00:00Z'), externalId: 'crm-1', note: 'a "quoted"\nnote', referredBy: null,
        next: { action: 'check in', dueAt: new Date('2026-12-25T04:59:59.999Z'), allDay: true, promised: false, theirCommitment: null, origin: 'rep' },
      },
    });
  });
});
