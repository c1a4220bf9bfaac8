// `/followup add <name> [tier:…] [value:…] …`: the lead's name and its options, checked.
import { isOneOf, TIERS, type Tier } from '../../domain/vocabulary.js';
import { leadingQuoted } from './leading-quoted.js';
import { fail, orList, type ParseResult } from './parse-result.js';
import { containsMentionSequence, parseUserMention, quoteUserText, stripMailto, unescapeSlackText } from './slack-text.js';
import { CONTROL, textField } from './text-field.js';

export interface AddArgs {
  name: string;
  tier: Tier;
  value: number | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  ownerId: string | null;
  /** `source:inbound`: they came to us, so the first hour counts (docs/rules.md#r2). */
  inbound: boolean;
  /** Who sent them: after a win the owner is prompted to thank them (docs/rules.md#r11). */
  referredBy: string | null;
}

const ADD_KEYS = ['tier', 'value', 'company', 'email', 'phone', 'owner', 'source', 'referred-by'] as const;
type AddKey = (typeof ADD_KEYS)[number];
const KEY_LIST = orList(ADD_KEYS.map((k) => `${k}:`));
const EXAMPLES: Record<AddKey, string> = {
  tier: 'tier:referral',
  value: 'value:12000',
  company: 'company:Acme Holdings',
  email: 'email:ana@acme.com',
  phone: 'phone:+1 555 0100',
  owner: 'owner:@ana',
  source: 'source:inbound',
  'referred-by': 'referred-by:Maria at Globex',
};
// Options whose value is one token: anything key-like after it is a mistyped option, not part of it.
const ONE_TOKEN: ReadonlySet<string> = new Set(['tier', 'value', 'email', 'owner', 'source']);
const OPTION_TOKEN = /(?:^|\s)([A-Za-z][A-Za-z-]*):/g;

const isAddKey = (k: string): k is AddKey => (ADD_KEYS as readonly string[]).includes(k);
const unknownKey = (typed: string) =>
  fail(`I don't know the option "${quoteUserText(typed)}:" (options are ${KEY_LIST}; put a name containing a colon in double quotes).`);

/** "12000", "12,000", "$12,000", "12k", "1.5m", "€ 900" → a number from 0 to 1e9, else null. */
export function parseAmount(raw: string): number | null {
  const m = /^[$€£¥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([km])?\s*[$€£¥]?$/i.exec(raw.trim());
  if (!m) return null;
  const base = Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  const n = base * (m[3] ? (m[3].toLowerCase() === 'k' ? 1e3 : 1e6) : 1);
  return Number.isFinite(n) && n >= 0 && n <= 1e9 ? Math.round(n * 100) / 100 : null;
}

/** Splits text at option tokens: the text before the first, then each key with its value. */
function splitOptions(text: string): { head: string; options: { typed: string; key: string; value: string }[] } {
  const marks: { typed: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(OPTION_TOKEN)) {
    const typed = m[1]!;
    // The first key-like token starts the options (so an unknown key is reported); later ones only
    // when recognised, so a value may hold a colon (company:Acme: West).
    if (marks.length === 0 || isAddKey(typed.toLowerCase())) {
      marks.push({ typed, start: m.index + m[0].length - typed.length - 1, end: m.index + m[0].length });
    }
  }
  const head = (marks[0] ? text.slice(0, marks[0].start) : text).trim();
  const options = marks.map((mark, i) => ({
    typed: mark.typed,
    key: mark.typed.toLowerCase(),
    value: text.slice(mark.end, marks[i + 1]?.start ?? text.length).trim(),
  }));
  return { head, options };
}

const unquote = (v: string) => {
  const q = leadingQuoted(v);
  return q && q !== 'unclosed' && q.after === '' ? q.inner : v;
};

/** `/followup add <name> [tier:…] [value:…] [company:…] [email:…] [phone:…] [owner:@user] [source:inbound] [referred-by:…]` */
export function parseAdd(rest: string): ParseResult<AddArgs> {
  const text = rest.trim();
  const quoted = leadingQuoted(text);
  if (quoted === 'unclosed') return fail('The name opens a double quote but never closes it.');
  const split = splitOptions(quoted ? quoted.after : text);
  if (quoted && split.head) {
    return fail(`I didn't understand "${quoteUserText(split.head)}" after the name: options look like tier:referral or value:12000.`);
  }
  const unknown = split.options.find((o) => !isAddKey(o.key));
  if (unknown) return unknownKey(unknown.typed);

  const nameRaw = quoted ? quoted.inner : split.head;
  if (!nameRaw.trim()) return fail('Give the lead a name first, e.g. /followup add "Acme Corp" tier:referral.');
  if (containsMentionSequence(nameRaw) || containsMentionSequence(unescapeSlackText(nameRaw))) {
    return fail('A lead name cannot contain Slack mentions like @channel or @someone; type it as plain text.');
  }
  const name = textField(nameRaw, 'name', 200);
  if (!name.ok) return name;

  const args: AddArgs = {
    name: name.value, tier: 'new', value: null, company: null, email: null, phone: null, ownerId: null, inbound: false, referredBy: null,
  };
  const seen = new Set<string>();
  for (const { key, value: rawValue } of split.options) {
    if (!isAddKey(key)) continue; // reported above
    if (seen.has(key)) return fail(`You gave ${key}: twice; give it once.`);
    seen.add(key);
    const value = unquote(rawValue).trim();
    if (!value) return fail(`${key}: needs a value, e.g. ${EXAMPLES[key]}.`);
    if (ONE_TOKEN.has(key)) {
      const stray = [...value.matchAll(OPTION_TOKEN)].find((m) => m[1] !== 'mailto');
      if (stray) return unknownKey(stray[1]!);
    }
    const problem = applyAddOption(args, key, value);
    if (problem) return fail(problem);
  }
  return { ok: true, value: args };
}

function applyAddOption(args: AddArgs, key: AddKey, value: string): string | null {
  switch (key) {
    case 'tier': {
      const tier = value.toLowerCase();
      if (!isOneOf(TIERS, tier)) return `"${quoteUserText(value)}" is not a tier: use ${orList(TIERS)}.`;
      args.tier = tier;
      return null;
    }
    case 'value': {
      const amount = parseAmount(unescapeSlackText(value));
      if (amount === null) {
        return `The value must be a number from 0 to 1,000,000,000, like 12000, $12,000 or 12k (not "${quoteUserText(value)}").`;
      }
      args.value = amount;
      return null;
    }
    case 'email': {
      const email = unescapeSlackText(stripMailto(value)).trim();
      if (email.length > 254 || CONTROL.test(email) || !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>.]+$/.test(email)) {
        return `"${quoteUserText(email)}" doesn't look like an e-mail address.`;
      }
      args.email = email;
      return null;
    }
    case 'owner': {
      const id = parseUserMention(value);
      if (!id) return `The owner must be a Slack user, written as @name (not "${quoteUserText(value)}").`;
      args.ownerId = id;
      return null;
    }
    case 'source': {
      if (value.toLowerCase() !== 'inbound') {
        return `source: takes inbound (they reached out to you), not "${quoteUserText(value)}". Leave it out for a lead you found.`;
      }
      args.inbound = true;
      return null;
    }
    case 'referred-by':
    case 'company':
    case 'phone': {
      const label = key === 'referred-by' ? 'referrer' : key;
      if (containsMentionSequence(value) || containsMentionSequence(unescapeSlackText(value))) {
        return `The ${label} cannot contain Slack mentions like @channel or @someone.`;
      }
      const checked = textField(value, label, key === 'phone' ? 50 : 200);
      if (!checked.ok) return checked.error;
      if (key === 'referred-by') args.referredBy = checked.value;
      else args[key] = checked.value;
      return null;
    }
  }
}
