import { parseDueDate, tooLongForADate } from './dates.js';
import {
  containsMentionSequence,
  markupToText,
  parseUserMention,
  quoteUserText,
  stripMailto,
  unescapeSlackText,
} from './slack-text.js';

export const TIERS = ['referral', 'customer', 'lead', 'new', 'cold'] as const;
export type Tier = (typeof TIERS)[number];
export const CHANNELS = ['call', 'email', 'meeting', 'visit', 'message', 'note'] as const;
export type TouchChannel = (typeof CHANNELS)[number];
export const SIGNALS = ['vague', 'no-interest', 'no-time', 'never-initiates', 'no-details', 'missed-promise', 'distracted'] as const;
export type Signal = (typeof SIGNALS)[number];

// One usage line per subcommand, as DESIGN §2 writes them. Plain text: escape before putting it in mrkdwn.
export const USAGE: Record<string, string> = {
  help: '/followup help',
  add: '/followup add <name> [tier:referral|customer|lead|new|cold] [value:<amount>] [company:<text>] [email:<addr>] [phone:<text>] [owner:@user]',
  log: `/followup log <lead> <call|email|meeting|visit|message|note> [<outcome text>] [next: <action> by <date> [promised] [they: <prospect's commitment>]] [signals:<${SIGNALS.join('|')}>,…]`,
  next: "/followup next <lead> <action> by <date> [promised] [they: <prospect's commitment>]",
  done: '/followup done <lead> [they:kept|they:missed] [next: <action> by <date>]',
  snooze: '/followup snooze <lead> until <date> [<reason>]',
  revive: '/followup revive <lead> <trigger event>',
  reassign: '/followup reassign <lead> @user  (or: reassign all @from @to)',
  won: '/followup won <lead> [<note>]',
  lost: '/followup lost <lead> [<reason>]',
  queue: '/followup queue',
  stalled: '/followup stalled',
  settings:
    '/followup settings [dm:<HH:MM>] [tz:<IANA zone>] [off:<date>] [on] [digest:#channel] [digest-day:<mon..sun>] [digest-time:<HH:MM>] [team-tz:<IANA zone>] [manager:@user] [manager:-@user]',
  show: '/followup show <lead>',
  undo: '/followup undo',
  delete: '/followup delete <lead>',
  import: '/followup import  (managers: opens the CSV import form; or drop a CSV into the app\'s DM)',
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const orList = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

export function splitSubcommand(text: string): { sub: string; rest: string } {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? { sub: m[1]!.toLowerCase(), rest: m[2]!.trim() } : { sub: '', rest: '' };
}

// ---------------------------------------------------------------- text fields

const CONTROL = /\p{Cc}/u;
// Overrides and isolates make text display unlike what is stored; plain marks (LRM/RLM) are fine.
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
// Zero-width spaces, joiners, direction marks, BOM…: text made only of these is empty.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

const isBlank = (s: string) => s.replace(INVISIBLE, '') === '';

/**
 * A free-text field as typed in Slack: markup back to text, unescaped, whitespace runs collapsed,
 * then checked. What passes is kept verbatim (O'Brien & Sons, Zoë, emoji, SQL-looking text).
 */
export function textField(raw: string, label: string, max: number): ParseResult<string> {
  const value = unescapeSlackText(markupToText(raw)).replace(/\s+/g, ' ').trim();
  if (!value.isWellFormed() || CONTROL.test(value) || BIDI_OVERRIDE.test(value)) {
    return fail(`The ${label} contains control or text-direction characters I can't store; please retype it.`);
  }
  if (isBlank(value)) return fail(value ? `The ${label} has only invisible characters.` : `The ${label} is empty.`);
  // UTF-16 length, as the database layer's zod limits count it.
  if (value.length > max) return fail(`The ${label} is too long: at most ${max.toLocaleString('en-US')} characters.`);
  return { ok: true, value };
}

// Slack sends straight quotes, but phones and Macs type curly ones.
const QUOTES = new Set('"\u201c\u201d\u201e\u201f\u2033');

/** A leading double-quoted string: its content and what follows; null when the text is not quoted. */
function leadingQuoted(text: string): { inner: string; after: string } | null | 'unclosed' {
  const t = text.trimStart();
  if (!QUOTES.has(t[0] ?? '')) return null;
  for (let i = 1; i < t.length; i++) {
    if (QUOTES.has(t[i]!)) return { inner: t.slice(1, i), after: t.slice(i + 1).trim() };
  }
  return 'unclosed';
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
const KEY_LIST = orList(ADD_KEYS.map((k) => `${k}:`));
const EXAMPLES: Record<AddKey, string> = {
  tier: 'tier:referral',
  value: 'value:12000',
  company: 'company:Acme Holdings',
  email: 'email:ana@acme.com',
  phone: 'phone:+1 555 0100',
  owner: 'owner:@ana',
};
// Options whose value is one token: anything key-like after it is a mistyped option, not part of it.
const ONE_TOKEN: ReadonlySet<string> = new Set(['tier', 'value', 'email', 'owner']);
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

/** `/followup add <name> [tier:…] [value:…] [company:…] [email:…] [phone:…] [owner:@user]` */
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

  const args: AddArgs = { name: name.value, tier: 'new', value: null, company: null, email: null, phone: null, ownerId: null };
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
      if (!(TIERS as readonly string[]).includes(tier)) return `"${quoteUserText(value)}" is not a tier: use ${orList(TIERS)}.`;
      args.tier = tier as Tier;
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
    case 'company':
    case 'phone': {
      if (containsMentionSequence(value) || containsMentionSequence(unescapeSlackText(value))) {
        return `The ${key} cannot contain Slack mentions like @channel or @someone.`;
      }
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

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** What the rep typed, as plain text: lead names are stored unescaped. */
const plainRef = (s: string) => unescapeSlackText(markupToText(s)).replace(/\s+/g, ' ').trim();
// Names are at most 200 characters, so at most 100 words: more leading words can never name a lead.
const MAX_NAME_WORDS = 100;

interface Keyed {
  lead: LeadCandidate;
  key: string;
}
const leadsNamed = (ref: string, keyed: readonly Keyed[]) => keyed.filter((k) => k.key === ref).map((k) => k.lead);
const leadsStarting = (ref: string, keyed: readonly Keyed[]) => keyed.filter((k) => k.key.startsWith(ref)).map((k) => k.lead);

/** DESIGN §2 `<lead>`: quoted, or the longest run of leading words naming exactly one lead. */
export function resolveLeadRef(rest: string, leads: readonly LeadCandidate[]): LeadMatch {
  const text = rest.trim();
  if (isBlank(text)) return { kind: 'missing' };
  const keyed = leads.map((lead) => ({ lead, key: fold(lead.name) }));

  const quoted = leadingQuoted(text);
  if (quoted && quoted !== 'unclosed') {
    const ref = plainRef(quoted.inner);
    if (!ref) return { kind: 'missing' };
    const exact = leadsNamed(ref.toLowerCase(), keyed);
    const found = exact.length > 0 ? exact : leadsStarting(ref.toLowerCase(), keyed);
    if (found.length === 0) return { kind: 'unknown', ref };
    return found.length === 1 ? { kind: 'found', lead: found[0]!, rest: quoted.after } : { kind: 'ambiguous', ref, candidates: found };
  }

  // An unclosed quote reads as if there were none.
  const body = quoted === 'unclosed' ? text.trimStart().slice(1) : text;
  const words = [...body.matchAll(/\S+/g)].slice(0, MAX_NAME_WORDS);
  const longest = keyed.reduce((max, k) => Math.max(max, k.key.length), 0);
  let ambiguous: { ref: string; candidates: LeadCandidate[] } | null = null;
  for (let k = words.length; k >= 1; k--) {
    const last = words[k - 1]!;
    const end = last.index + last[0].length;
    const ref = plainRef(body.slice(0, end));
    const refKey = ref.toLowerCase();
    if (!refKey || refKey.length > longest) continue;
    const exact = leadsNamed(refKey, keyed);
    const prefix = exact.length === 1 ? exact : leadsStarting(refKey, keyed);
    if (prefix.length === 1) return { kind: 'found', lead: prefix[0]!, rest: body.slice(end).trim() };
    if (prefix.length > 1) ambiguous ??= { ref, candidates: prefix };
  }
  if (ambiguous) return { kind: 'ambiguous', ...ambiguous };
  const first = words[0] ? plainRef(words[0][0]) : '';
  return first ? { kind: 'unknown', ref: first } : { kind: 'missing' };
}

// ---------------------------------------------------------------- next steps

export interface NextStepArgs {
  action: string;
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
}

const WHEN_EXAMPLE = 'e.g. send proposal by friday, or call back on dec 3 2pm';

/** `<action> by <date> [promised] [they: <their commitment>]`, split at the last ` by `/` on ` that reads as a date. */
export function parseNextStep(text: string, ctx: { now: Date; zone: string }): ParseResult<NextStepArgs> {
  let main = text.trim();
  let theirCommitment: string | null = null;
  const they = /(?:^|\s)they:/i.exec(main);
  if (they) {
    const said = main.slice(they.index + they[0].length);
    if (isBlank(said)) return fail('Say what the prospect agreed to after they:, e.g. they: review the proposal.');
    const checked = textField(said, "prospect's commitment", 500);
    if (!checked.ok) return checked;
    theirCommitment = checked.value;
    main = main.slice(0, they.index).trim();
  }
  let promised = false;
  const promisedAtEnd = /(?:^|\s)promised[.!]?$/i.exec(main);
  if (promisedAtEnd) {
    promised = true;
    main = main.slice(0, promisedAtEnd.index).trim();
  }
  if (isBlank(main)) return fail(`Say what you will do and by when, ${WHEN_EXAMPLE}.`);

  const splits = [...main.matchAll(/\s(by|on)(?=\s)/gi)].reverse();
  for (const s of splits) {
    const when = main.slice(s.index + s[0].length);
    if (tooLongForADate(when)) break; // earlier splits only have longer rests
    const date = parseDueDate(when, ctx);
    if (!date.ok && date.reason === 'unreadable') continue;
    if (!date.ok) return date;
    const action = textField(main.slice(0, s.index), 'next step', 500);
    if (!action.ok) return action;
    return { ok: true, value: { action: action.value, dueAt: date.due, allDay: date.allDay, promised, theirCommitment } };
  }
  const onlyDate = /^(by|on)\s/i.test(main) || parseDueDate(main, ctx).ok;
  if (onlyDate) return fail(`Say what you will do before the date, ${WHEN_EXAMPLE}.`);
  return fail(`Say when: end the next step with by <date>, ${WHEN_EXAMPLE}.`);
}

// ---------------------------------------------------------------- log

/** Cuts a `next: <action> by <date> …` clause off the end of the text, parsed. */
export function takeNextClause(text: string, ctx: { now: Date; zone: string }): ParseResult<{ rest: string; next: NextStepArgs | null }> {
  const nextAt = /(?:^|\s)next:/i.exec(text);
  if (!nextAt) return { ok: true, value: { rest: text, next: null } };
  const parsed = parseNextStep(text.slice(nextAt.index + nextAt[0].length), ctx);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { rest: text.slice(0, nextAt.index), next: parsed.value } };
}

export interface LogArgs {
  channel: TouchChannel;
  outcome: string | null;
  next: NextStepArgs | null;
  signals: Signal[];
}

// `signals:vague,no-time`, also `signals: vague, no-time`; empty items (a stray comma) are ignored.
const SIGNALS_TOKEN = /(?:^|\s)signals:[^\S\n]*([^\s,]*(?:[^\S\n]*,[^\S\n]*[^\s,]*)*)/gi;

/** What follows the lead in `/followup log`: channel, outcome, `next: …`, `signals:…`. */
export function parseLogTail(tail: string, ctx: { now: Date; zone: string }): ParseResult<LogArgs> {
  const m = /^(\S+)([\s\S]*)$/.exec(tail.trim());
  if (!m) return fail(`Say how you reached them: ${orList(CHANNELS)}.`);
  const word = m[1]!.replace(/[:,.;]+$/, '');
  const channel = CHANNELS.find((c) => c === word.toLowerCase());
  if (!channel) return fail(`"${quoteUserText(word)}" is not a way of reaching someone I know: use ${orList(CHANNELS)}.`);

  const tags: string[] = [];
  let sawSignals = false;
  let rest = m[2]!.replace(SIGNALS_TOKEN, (_, list: string) => {
    sawSignals = true;
    tags.push(...list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));
    return ' ';
  });
  if (sawSignals && tags.length === 0) return fail(`Name the signals after signals:, e.g. signals:vague,no-time.`);
  const signals: Signal[] = [];
  for (const tag of tags) {
    const signal = SIGNALS.find((s) => s === tag);
    if (!signal) return fail(`"${quoteUserText(tag)}" is not a signal I know: use ${orList(SIGNALS)}.`);
    if (!signals.includes(signal)) signals.push(signal);
  }

  const cut = takeNextClause(rest, ctx);
  if (!cut.ok) return cut;
  const { next } = cut.value;
  rest = cut.value.rest;
  let outcome: string | null = null;
  if (!isBlank(rest)) {
    const checked = textField(rest, 'outcome', 2000);
    if (!checked.ok) return checked;
    outcome = checked.value;
  }
  return { ok: true, value: { channel, outcome, next, signals } };
}
