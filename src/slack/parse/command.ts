import { parseDueDate } from './dates.js';
import { containsMentionSequence, parseUserMention, stripMailto, unescapeSlackText } from './slack-text.js';
import { textField } from './text-field.js';

export const TIERS = ['referral', 'customer', 'lead', 'new', 'cold'] as const;
export type Tier = (typeof TIERS)[number];
export const CHANNELS = ['call', 'email', 'meeting', 'visit', 'message', 'note'] as const;
export type TouchChannel = (typeof CHANNELS)[number];
export const SIGNALS = ['vague', 'no-interest', 'no-time', 'never-initiates', 'no-details', 'missed-promise', 'distracted'] as const;
export type Signal = (typeof SIGNALS)[number];

// One usage line per subcommand, as DESIGN §2 writes them.
export const USAGE: Record<string, string> = {
  help: '/followup help',
  add: '/followup add <name> [tier:referral|customer|lead|new|cold] [value:<amount>] [company:<text>] [email:<addr>] [phone:<text>] [owner:@user]',
  log: '/followup log <lead> <call|email|meeting|visit|message|note> [<outcome>] [next: <action> by <date> [promised] [they: <their commitment>]] [signals:<tag>,…]',
  next: '/followup next <lead> <action> by <date> [promised] [they: <their commitment>]',
  done: '/followup done <lead> [they:kept|they:missed] [next: <action> by <date>]',
  snooze: '/followup snooze <lead> until <date> [<reason>]',
  revive: '/followup revive <lead> <trigger event>',
  reassign: '/followup reassign <lead> @user',
  won: '/followup won <lead> [<note>]',
  lost: '/followup lost <lead> [<reason>]',
  queue: '/followup queue',
  stalled: '/followup stalled',
  settings: '/followup settings [dm:<HH:MM>] [tz:<IANA zone>] [off:<date>] [on] [digest:#channel] [digest-day:<mon..sun>] [digest-time:<HH:MM>] [team-tz:<IANA zone>] [manager:@user] [manager:-@user]',
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

// Slack sends straight quotes, but phones and Macs type curly ones.
const normalizeQuotes = (s: string) => s.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"');

export function splitSubcommand(text: string): { sub: string; rest: string } {
  const trimmed = text.trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return m ? { sub: m[1]!.toLowerCase(), rest: m[2]!.trim() } : { sub: '', rest: '' };
}

/** A leading double-quoted string: its content and what follows; null when the text is not quoted. */
function leadingQuoted(text: string): { inner: string; after: string } | null | 'unclosed' {
  const t = normalizeQuotes(text).trimStart();
  if (!t.startsWith('"')) return null;
  const end = t.indexOf('"', 1);
  if (end < 0) return 'unclosed';
  return { inner: t.slice(1, end), after: t.slice(end + 1).trim() };
}

// ---------------------------------------------------------------- add

export interface AddArgs {
  name: string;
  tier: Tier;
  value: number | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  ownerId: string | null;
}

const ADD_KEYS = ['tier', 'value', 'company', 'email', 'phone', 'owner'] as const;
type AddKey = (typeof ADD_KEYS)[number];
const OPTION_TOKEN = /(?:^|\s)([A-Za-z][A-Za-z-]*):/g;

/** "12000", "12,000", "$12,000", "12k", "1.5m", "€ 900" → a number from 0 to 1e9, else null. */
export function parseAmount(raw: string): number | null {
  const m = /^[$€£¥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([km])?$/i.exec(raw.trim());
  if (!m) return null;
  const n = Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`) * (m[3] ? (m[3].toLowerCase() === 'k' ? 1e3 : 1e6) : 1);
  return Number.isFinite(n) && n >= 0 && n <= 1e9 ? Math.round(n * 100) / 100 : null;
}

/** Splits "k1:v1 k2: v 2" into key/value pairs at the recognised keys; text before the first is returned apart. */
function splitOptions(text: string, keys: readonly string[]): { head: string; options: { key: string; value: string }[] } {
  const marks: { key: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(OPTION_TOKEN)) {
    const key = m[1]!.toLowerCase();
    const start = m.index! + m[0].length - m[1]!.length - 1;
    // The first key-looking token starts the options (so an unknown key is reported); later ones
    // only when recognised, so values may contain colons (company:Acme: West).
    if (marks.length === 0 || keys.includes(key)) marks.push({ key, start, end: m.index! + m[0].length });
  }
  const head = (marks[0] ? text.slice(0, marks[0].start) : text).trim();
  const options = marks.map((mark, i) => ({ key: mark.key, value: text.slice(mark.end, marks[i + 1]?.start ?? text.length).trim() }));
  return { head, options };
}

const unquote = (v: string) => {
  const q = leadingQuoted(v);
  return q && q !== 'unclosed' && q.after === '' ? q.inner : v;
};

export function parseAdd(rest: string): ParseResult<AddArgs> {
  let nameRaw: string;
  let optionText: string;
  const quoted = leadingQuoted(rest);
  if (quoted === 'unclosed') return fail('The name has an opening quote but no closing one.');
  if (quoted) {
    nameRaw = quoted.inner;
    optionText = quoted.after;
    const { head } = splitOptions(optionText, ADD_KEYS);
    if (head) return fail(`I didn't understand "${head}" after the name: options look like tier:referral or value:12000.`);
  } else {
    const split = splitOptions(rest, ADD_KEYS);
    nameRaw = split.head;
    optionText = rest.slice(rest.indexOf(nameRaw) + nameRaw.length);
  }
  if (!nameRaw.trim()) return fail('Give the lead a name, e.g. `/followup add "Acme Corp" tier:referral`.');
  if (containsMentionSequence(nameRaw)) return fail('A lead name cannot contain Slack mentions like @channel or @someone.');
  const name = textField(nameRaw, 'name', 200);
  if (!name.ok) return name;

  const args: AddArgs = { name: name.value, tier: 'new', value: null, company: null, email: null, phone: null, ownerId: null };
  const seen = new Set<string>();
  for (const { key, value: rawValue } of splitOptions(optionText, ADD_KEYS).options) {
    if (!(ADD_KEYS as readonly string[]).includes(key)) {
      return fail(`I don't know the option "${key}:". Options are ${ADD_KEYS.map((k) => `${k}:`).join(', ')}.`);
    }
    if (seen.has(key)) return fail(`"${key}:" is given twice.`);
    seen.add(key);
    const value = unquote(rawValue);
    if (!value) return fail(`"${key}:" needs a value.`);
    const problem = applyAddOption(args, key as AddKey, value);
    if (problem) return fail(problem);
  }
  return { ok: true, value: args };
}

function applyAddOption(args: AddArgs, key: AddKey, value: string): string | null {
  switch (key) {
    case 'tier': {
      const tier = value.toLowerCase();
      if (!(TIERS as readonly string[]).includes(tier)) return `"${value}" is not a tier. Tiers are ${TIERS.join(', ')}.`;
      args.tier = tier as Tier;
      return null;
    }
    case 'value': {
      const amount = parseAmount(unescapeSlackText(value));
      if (amount === null) return `The value must be a number from 0 to 1,000,000,000 (like 12000, $12,000 or 12k), not "${value}".`;
      args.value = amount;
      return null;
    }
    case 'email': {
      const email = stripMailto(value).trim();
      if (email.length > 254 || !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) return `"${email}" doesn't look like an e-mail address.`;
      args.email = email;
      return null;
    }
    case 'owner': {
      const id = parseUserMention(value);
      if (!id) return 'The owner must be a Slack user, written as @name.';
      args.ownerId = id;
      return null;
    }
    case 'company':
    case 'phone': {
      if (containsMentionSequence(value)) return `The ${key} cannot contain Slack mentions.`;
      const checked = textField(value, key, key === 'company' ? 200 : 50);
      if (!checked.ok) return checked.error;
      args[key] = checked.value;
      return null;
    }
  }
}

// ---------------------------------------------------------------- lead references

export interface LeadCandidate {
  id: string;
  name: string;
}
export type LeadMatch =
  | { kind: 'found'; lead: LeadCandidate; rest: string }
  | { kind: 'unknown'; ref: string }
  | { kind: 'ambiguous'; ref: string; candidates: LeadCandidate[] }
  | { kind: 'missing' };

const key = (s: string) => unescapeSlackText(s).replace(/\s+/g, ' ').trim().toLowerCase();
// Names are at most 200 characters: more leading words than this can never name a lead.
const MAX_NAME_WORDS = 60;

function match(ref: string, leads: readonly LeadCandidate[]): LeadCandidate[] | 'none' {
  const k = key(ref);
  const exact = leads.filter((l) => key(l.name) === k);
  if (exact.length > 0) return exact;
  const prefix = leads.filter((l) => key(l.name).startsWith(k));
  return prefix.length > 0 ? prefix : 'none';
}

/** DESIGN §2 `<lead>`: quoted, or the longest run of leading words naming exactly one lead. */
export function resolveLeadRef(rest: string, leads: readonly LeadCandidate[]): LeadMatch {
  const text = rest.trim();
  if (!text) return { kind: 'missing' };
  const quoted = leadingQuoted(text);
  if (quoted === 'unclosed' || (quoted && !quoted.inner.trim())) return { kind: 'missing' };
  if (quoted) {
    const found = match(quoted.inner, leads);
    const ref = unescapeSlackText(quoted.inner).trim();
    if (found === 'none') return { kind: 'unknown', ref };
    return found.length === 1 ? { kind: 'found', lead: found[0]!, rest: quoted.after } : { kind: 'ambiguous', ref, candidates: found };
  }
  const words = text.split(/\s+/);
  let ambiguous: { ref: string; candidates: LeadCandidate[] } | null = null;
  for (let k = Math.min(words.length, MAX_NAME_WORDS); k >= 1; k--) {
    const ref = words.slice(0, k).join(' ');
    const found = match(ref, leads);
    if (found === 'none') continue;
    if (found.length === 1) return { kind: 'found', lead: found[0]!, rest: words.slice(k).join(' ') };
    ambiguous ??= { ref: unescapeSlackText(ref), candidates: found };
  }
  return ambiguous ? { kind: 'ambiguous', ...ambiguous } : { kind: 'unknown', ref: unescapeSlackText(words[0]!) };
}

// ---------------------------------------------------------------- next steps

export interface NextStepArgs {
  action: string;
  due: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
}

const WHEN_EXAMPLE = 'e.g. `send proposal by friday` or `call back on dec 3 2pm`';

/** `<action> by <date> [promised] [they: <their commitment>]`, split at the last ` by `/` on ` that reads as a date. */
export function parseNextStep(text: string, ctx: { now: Date; zone: string }): ParseResult<NextStepArgs> {
  let main = text.trim();
  let theirCommitment: string | null = null;
  const they = /(?:^|\s)they:/i.exec(main);
  if (they) {
    const checked = textField(main.slice(they.index + they[0].length), "prospect's commitment", 500);
    if (!checked.ok) return checked;
    theirCommitment = checked.value;
    main = main.slice(0, they.index).trim();
  }
  let promised = false;
  const promisedAtEnd = /(?:^|\s)promised$/i.exec(main);
  if (promisedAtEnd) {
    promised = true;
    main = main.slice(0, promisedAtEnd.index).trim();
  }
  if (!main) return fail(`Say what you will do and by when, ${WHEN_EXAMPLE}.`);
  const splits = [...main.matchAll(/\s(by|on)\s/gi)].reverse();
  for (const s of splits) {
    const date = parseDueDate(main.slice(s.index! + s[0].length), ctx);
    if (!date.ok && date.reason === 'unreadable') continue;
    if (!date.ok) return date;
    const action = textField(main.slice(0, s.index), 'next step', 500);
    if (!action.ok) return action;
    return { ok: true, value: { action: action.value, due: date.due, allDay: date.allDay, promised, theirCommitment } };
  }
  if (/^(by|on)\s/i.test(main)) return fail(`Say what you will do before the date, ${WHEN_EXAMPLE}.`);
  return fail(`Say when: end the next step with "by <date>", ${WHEN_EXAMPLE}.`);
}

// ---------------------------------------------------------------- log

export interface LogArgs {
  channel: TouchChannel;
  outcome: string | null;
  next: NextStepArgs | null;
  signals: Signal[];
}

const SIGNALS_TOKEN = /(?:^|\s)signals:\s*([^\s,]+(?:\s*,\s*[^\s,]+)*)/i;

export function parseLogTail(tail: string, ctx: { now: Date; zone: string }): ParseResult<LogArgs> {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(tail.trim());
  if (!m) return fail(`Say how you reached them: ${CHANNELS.join(', ')}.`);
  const channel = m[1]!.toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    return fail(`"${unescapeSlackText(m[1]!)}" is not a way to reach someone I know: use ${CHANNELS.join(', ')}.`);
  }
  let rest = m[2]!;
  const signals: Signal[] = [];
  const sig = SIGNALS_TOKEN.exec(rest);
  if (sig) {
    for (const tag of sig[1]!.split(',').map((t) => t.trim().toLowerCase())) {
      if (!(SIGNALS as readonly string[]).includes(tag)) return fail(`"${tag}" is not a signal I know: use ${SIGNALS.join(', ')}.`);
      if (!signals.includes(tag as Signal)) signals.push(tag as Signal);
    }
    rest = `${rest.slice(0, sig.index)} ${rest.slice(sig.index + sig[0].length)}`;
  }
  let next: NextStepArgs | null = null;
  const nextAt = /(?:^|\s)next:/i.exec(rest);
  if (nextAt) {
    const parsed = parseNextStep(rest.slice(nextAt.index + nextAt[0].length), ctx);
    if (!parsed.ok) return parsed;
    next = parsed.value;
    rest = rest.slice(0, nextAt.index);
  }
  let outcome: string | null = null;
  if (rest.trim()) {
    const checked = textField(rest, 'outcome', 2000);
    if (!checked.ok) return checked;
    outcome = checked.value;
  }
  return { ok: true, value: { channel: channel as TouchChannel, outcome, next, signals } };
}
