import fc from 'fast-check';
import { assert, describe, expect, it } from 'vitest';
import { TIERS } from '../../../../src/domain/vocabulary.js';
import { parseAdd } from '../../../../src/slack/parse/add.js';
import { resolveLeadRef, type LeadCandidate } from '../../../../src/slack/parse/lead-ref.js';
import { parseLogTail } from '../../../../src/slack/parse/log.js';
import { parseNextStep } from '../../../../src/slack/parse/next-step.js';
import { containsMentionSequence, escapeSlackText, unescapeSlackText } from '../../../../src/slack/parse/slack-text.js';

const ctx = { now: new Date('2026-11-25T15:00:00Z'), zone: 'America/New_York' };

// Arbitrary text, and text built from the grammar's own pieces (more likely to reach deep branches).
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
const TOKENS = [
  ' ', '  ', '"', '“', '”', 'tier:', 'value:', 'company:', 'email:', 'phone:', 'owner:', 'foo:', 'lead', 'referral', '12k', '$1,000',
  '<@U1|ana>', '<!channel>', '<mailto:a@b.c|a@b.c>', '&amp;', '&lt;', 'call', 'email', 'next:', 'they:', 'signals:', 'vague,', 'no-time',
  'by', 'on', 'friday', 'tomorrow', 'dec 3 2pm', 'yesterday', 'promised', 'Acme', 'Acme Corp', '\u200b', '\u0000', '\u202e', '\n', '🚀',
];
const grammarText = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })), { maxLength: 25 }).map((parts) => parts.join(' '));
const text = fc.oneof(anyText, grammarText);
const leads = fc.array(fc.record({ id: fc.uuid(), name: fc.oneof(fc.constantFrom('Acme', 'Acme Corp', 'Beta Labs'), fc.string()) }), {
  maxLength: 8,
});

describe('the parsers never throw', () => {
  it('parseAdd returns a result whose values keep the rules', () => {
    fc.assert(
      fc.property(text, (s) => {
        const r = parseAdd(s);
        if (!r.ok) return r.error.length > 0 && r.error.length < 400;
        const v = r.value;
        return (
          v.name.length > 0 &&
          v.name.length <= 200 &&
          v.name === v.name.trim() &&
          !containsMentionSequence(v.name) &&
          TIERS.includes(v.tier) &&
          (v.value === null || (v.value >= 0 && v.value <= 1e9))
        );
      }),
      { numRuns: 1_000 },
    );
  });

  it('parseLogTail and parseNextStep', () => {
    fc.assert(
      fc.property(text, (s) => {
        const log = parseLogTail(s, ctx);
        const next = parseNextStep(s, ctx);
        for (const r of [log, next]) if (!r.ok && !(r.error.length > 0 && r.error.length < 400)) return false;
        if (log.ok && log.value.next && log.value.next.dueAt < ctx.now) return false;
        return !next.ok || (next.value.action.length > 0 && next.value.dueAt >= ctx.now);
      }),
      { numRuns: 1_000 },
    );
  });

  it('resolveLeadRef', () => {
    fc.assert(
      fc.property(text, leads, (s, candidates) => {
        const m = resolveLeadRef(s, candidates);
        if (m.kind === 'found') return candidates.includes(m.lead);
        if (m.kind === 'ambiguous') return m.candidates.length > 1;
        return true;
      }),
      { numRuns: 1_000 },
    );
  });
});

// A name a rep can type: no quotes, plain whitespace, visible, no mentions or control characters.
const typedName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter(
    (s) =>
      s.length > 0 &&
      s.length <= 200 &&
      !/["\u201c\u201d\u201e\u201f\u2033]/.test(s) &&
      !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(s) &&
      s.replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, '') !== '' &&
      !containsMentionSequence(s),
  );

// The same, typed without quotes: no word ending in ':' (the parser reads `word:` as an option, so
// such a name must be quoted).
const unquotedName = typedName.filter((s) => !/(?:^|\s)[A-Za-z][A-Za-z-]*:/.test(s));

describe('round trips', () => {
  it('a quoted name comes back verbatim (as Slack escapes it on the way in)', () => {
    fc.assert(
      fc.property(typedName, fc.constantFrom('', ' tier:lead', ' value:12k company:Acme'), (name, options) => {
        const r = parseAdd(`"${escapeSlackText(name)}"${options}`);
        expect(r).toMatchObject({ ok: true, value: { name } });
      }),
      { numRuns: 500 },
    );
  });

  it('a quoted reference finds the lead of that name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(typedName, { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() }), fc.nat(), (names, pick) => {
        const candidates: LeadCandidate[] = names.map((name, i) => ({ id: String(i), name }));
        const target = candidates[pick % candidates.length]!;
        const m = resolveLeadRef(`"${escapeSlackText(target.name)}" call`, candidates);
        expect(m).toEqual({ kind: 'found', lead: target, rest: 'call' });
      }),
      { numRuns: 300 },
    );
  });

  it('an added name, typed unquoted, is found again', () => {
    fc.assert(
      fc.property(unquotedName, (name) => {
        const added = parseAdd(escapeSlackText(name));
        assert(added.ok, `not added: ${JSON.stringify(name)}`);
        const lead = { id: 'x', name: added.value.name };
        expect(resolveLeadRef(`${escapeSlackText(name)} call`, [lead])).toMatchObject({ kind: 'found', lead, rest: 'call' });
      }),
      { numRuns: 300 },
    );
  });

  it('unescaping after escaping is the identity', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => unescapeSlackText(escapeSlackText(s)) === s));
  });
});
