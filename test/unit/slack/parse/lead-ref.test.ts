import { describe, expect, it } from 'vitest';
import { resolveLeadRef, type LeadCandidate } from '../../../../src/slack/parse/lead-ref.js';

const lead = (id: string, name: string): LeadCandidate => ({ id, name });
const ACME = lead('1', 'Acme');
const ACME_CORP = lead('2', 'Acme Corp');
const BETA = lead('3', 'Beta Labs');
const LEADS = [ACME, ACME_CORP, BETA];
const DELTAS = [lead('d1', 'Delta One'), lead('d2', 'Delta Two')];

describe('resolveLeadRef: unquoted, the longest run of leading words naming one lead', () => {
  it.each([
    ['Acme call hi', ACME, 'call hi'],
    ['Acme Corp call', ACME_CORP, 'call'],
    ['acme c email', ACME_CORP, 'email'],
    ['ACME CORP', ACME_CORP, ''],
    ['Beta call', BETA, 'call'],
    ['beta labs note x', BETA, 'note x'],
  ])('%s', (text, expected, rest) => {
    expect(resolveLeadRef(text, LEADS)).toEqual({ kind: 'found', lead: expected, rest });
  });

  it('an exact name wins over prefixes of longer names', () => {
    expect(resolveLeadRef('acme', LEADS)).toMatchObject({ kind: 'found', lead: ACME });
  });

  it('says unknown with the first word when nothing matches', () => {
    expect(resolveLeadRef('Gamma call', LEADS)).toEqual({ kind: 'unknown', ref: 'Gamma' });
    expect(resolveLeadRef('Gamma call', [])).toEqual({ kind: 'unknown', ref: 'Gamma' });
  });

  it('says ambiguous with the candidates of the longest run that matched several', () => {
    expect(resolveLeadRef('Delta call', DELTAS)).toEqual({ kind: 'ambiguous', ref: 'Delta', candidates: DELTAS });
    const three = [lead('a', 'Delta One Alpha'), lead('b', 'Delta One Beta'), lead('c', 'Delta Two')];
    expect(resolveLeadRef('delta one call', three)).toEqual({ kind: 'ambiguous', ref: 'delta one', candidates: three.slice(0, 2) });
    expect(resolveLeadRef('Delta One call', [...DELTAS, lead('d3', 'Delta One Two')])).toMatchObject({ kind: 'found', lead: { id: 'd1' } });
  });

  it('two leads with the same name are ambiguous', () => {
    const twins = [lead('x', 'Acme'), lead('y', 'ACME')];
    expect(resolveLeadRef('acme call', twins)).toEqual({ kind: 'ambiguous', ref: 'acme', candidates: twins });
  });

  it('keeps the rest as typed', () => {
    expect(resolveLeadRef('  Acme   call  talked   price  ', LEADS)).toMatchObject({ rest: 'call  talked   price' });
  });

  it('compares whitespace-collapsed, unescaped, with links as typed', () => {
    const leads = [lead('o', "O'Brien & Sons"), lead('s', 'Space   Co'), lead('d', 'acme.io')];
    expect(resolveLeadRef("o'brien &amp; sons call", leads)).toMatchObject({ kind: 'found', lead: { id: 'o' }, rest: 'call' });
    expect(resolveLeadRef('space co call', leads)).toMatchObject({ kind: 'found', lead: { id: 's' } });
    expect(resolveLeadRef('<http://acme.io|acme.io> call', leads)).toMatchObject({ kind: 'found', lead: { id: 'd' }, rest: 'call' });
    expect(resolveLeadRef('Bob &amp; Co call', leads)).toEqual({ kind: 'unknown', ref: 'Bob' });
  });

  it('matches names with emoji and SQL-looking text', () => {
    const leads = [lead('r', '🚀 Rocket Co'), lead('b', "Robert'); DROP TABLE leads;--")];
    expect(resolveLeadRef('🚀 rocket call', leads)).toMatchObject({ kind: 'found', lead: { id: 'r' }, rest: 'call' });
    expect(resolveLeadRef("Robert'); call", leads)).toMatchObject({ kind: 'found', lead: { id: 'b' }, rest: 'call' });
  });
});

describe('resolveLeadRef: quoted', () => {
  it('matches exactly, case-insensitive, else a unique prefix; rest follows the closing quote', () => {
    expect(resolveLeadRef('"acme" call', LEADS)).toEqual({ kind: 'found', lead: ACME, rest: 'call' });
    expect(resolveLeadRef('"Acme Corp"call', LEADS)).toEqual({ kind: 'found', lead: ACME_CORP, rest: 'call' });
    expect(resolveLeadRef('“Acme  Corp” call', LEADS)).toEqual({ kind: 'found', lead: ACME_CORP, rest: 'call' });
    expect(resolveLeadRef('"Beta" call', LEADS)).toEqual({ kind: 'found', lead: BETA, rest: 'call' });
  });

  it('is unknown or ambiguous with the quoted text as the reference', () => {
    expect(resolveLeadRef('"Nobody Inc" call', LEADS)).toEqual({ kind: 'unknown', ref: 'Nobody Inc' });
    expect(resolveLeadRef('"Acme Co" call', LEADS)).toMatchObject({ kind: 'found', lead: ACME_CORP });
    expect(resolveLeadRef('"Delta" call', DELTAS)).toEqual({ kind: 'ambiguous', ref: 'Delta', candidates: DELTAS });
    expect(resolveLeadRef('"Smith &amp; Co" call', LEADS)).toEqual({ kind: 'unknown', ref: 'Smith & Co' });
  });

  it('reads an unclosed quote as if unquoted', () => {
    expect(resolveLeadRef('"Acme Corp call', LEADS)).toEqual({ kind: 'found', lead: ACME_CORP, rest: 'call' });
  });
});

describe('resolveLeadRef: missing and odd input', () => {
  it('is missing for empty text, spaces, invisible text and empty quotes', () => {
    for (const text of ['', '   ', '\u200b', '""', '"  " call']) expect(resolveLeadRef(text, LEADS), text).toEqual({ kind: 'missing' });
  });

  it('copes with 10,000-character text and a big team quickly', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => lead(String(i), `Lead number ${i}`));
    const started = Date.now();
    expect(resolveLeadRef('word '.repeat(2_000), many)).toEqual({ kind: 'unknown', ref: 'word' });
    expect(resolveLeadRef(`Lead number 42 call ${'a '.repeat(5_000)}`, many)).toMatchObject({ kind: 'found', lead: { id: '42' } });
    expect(resolveLeadRef('x'.repeat(10_000), many)).toEqual({ kind: 'unknown', ref: 'x'.repeat(10_000) });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
