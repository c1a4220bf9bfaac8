// One CSV record → a validated lead candidate, or the reason the row is refused. Pure: the owner's
// zone and the clock come in; nothing here reads the database.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { endOfLocalDay, safeZone } from '../coach/local-day.js';
import { addLeadInput } from '../db/ops/add-lead.js';
import { nextStepInput } from '../db/ops/log-touch.js';
import { isOneOf, LEAD_STATUSES, TIERS, type LeadStatus, type Tier } from '../domain/vocabulary.js';
import { unguardCell, type ColumnMap, type ColumnRole } from './csv-columns.js';
import { looksLikeEmail } from './resolve-owner.js';

/** Words of CRM lifecycle stages, lead sources, statuses and ratings, lower-cased, punctuation as spaces. */
const words = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const has = (w: string, ...needles: string[]) => needles.some((n) => w.includes(` ${n} `));

/**
 * A CRM word → our tier (R1), or null when it says nothing about one. The order of the tests is the
 * point: "Customer Referral" is a referral, "Unqualified" is cold (not "qualified"), "Open - Not
 * Contacted" is new (not "contacted").
 */
export function tierFromWord(text: string): Tier | null {
  const w = words(text);
  if (w.trim() === '') return null;
  if (/referr/.test(w) || has(w, 'word of mouth')) return 'referral';
  if (has(w, 'customer', 'customers', 'evangelist', 'won')) return 'customer';
  if (has(w, 'cold', 'purchased list', 'list', 'subscriber', 'unqualified', 'closed not converted', 'not converted')) return 'cold';
  if (has(w, 'new', 'open not contacted', 'not contacted', 'inbound', 'web form', 'webform')) return 'new';
  if (
    has(w, 'lead', 'mql', 'sql', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'prospect', 'working', 'contacted', 'warm', 'hot', 'qualified') ||
    /\b(marketing|sales) qualified\b/.test(w)
  ) {
    return 'lead';
  }
  return null;
}

/** A status cell → won, lost or open. "Closed - Not Converted" (Salesforce) is a lost lead. */
export function statusFromWord(text: string): LeadStatus {
  const w = words(text);
  if (has(w, 'won', 'closed won')) return 'won';
  if (has(w, 'lost', 'closed lost', 'closed not converted')) return 'lost';
  return 'open';
}

/**
 * "$12,000.00", "12.000,00 €", "EUR 12 000", "12000" → a number; null for an empty cell; an error
 * text otherwise. The last of "." and "," is the decimal mark when both appear; a lone one followed
 * by exactly three digits groups thousands ("1,500" and "1.500" are 1500: deal values have cents, not
 * thousandths).
 */
export function parseMoney(raw: string): number | null | { error: string } {
  const text = raw.trim();
  if (text === '') return null;
  const unreadable = { error: `value '${shorten(text)}' is not a number` };
  // Currency signs and codes, spaces (also the narrow and no-break ones) and apostrophes (Swiss).
  const bare = text.replace(/[\p{Sc}]|\b[A-Za-z]{3}\b|[\s\u00a0\u202f']/gu, '');
  if (/^-|^\(.*\)$/.test(bare)) return { error: `value '${shorten(text)}' is negative` };
  if (!/^\d[\d.,]*$/.test(bare) || /[.,]{2}|[.,]$/.test(bare)) return unreadable;
  const lastDot = bare.lastIndexOf('.');
  const lastComma = bare.lastIndexOf(',');
  let digits: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction, ...extra] = bare.split(decimal);
    if (extra.length || fraction!.includes(group) || !groupedThousands(whole!, group)) return unreadable;
    digits = `${whole!.split(group).join('')}.${fraction}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = bare.split(mark);
    if (parts.length > 2 || (parts[1]!.length === 3 && parts[0] !== '0')) {
      if (!groupedThousands(bare, mark)) return unreadable;
      digits = parts.join('');
    } else {
      digits = `${parts[0]}.${parts[1]}`;
    }
  } else {
    digits = bare;
  }
  const n = Number(digits);
  if (!Number.isFinite(n)) return unreadable;
  if (n > 1_000_000_000) return { error: `value '${shorten(text)}' is more than 1,000,000,000` };
  return Math.round(n * 100) / 100;
}

const groupedThousands = (whole: string, group: string): boolean =>
  !whole.includes(group) || new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole);

export interface CrmDate {
  at: Date;
  /** False for a bare date: the caller decides which instant of the day it means. */
  timed: boolean;
}

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/**
 * ISO dates with or without a time and offset, US "12/01/2026" (month first, as Salesforce and
 * HubSpot write them in the US), dotted European "01.12.2026" (day first), with an optional time
 * and AM/PM. Read in `zone` unless the text carries an offset. Null when unreadable.
 */
export function parseCrmDate(raw: string, zone: string): CrmDate | null {
  // A file repeats its dates (created on the same days): luxon's zone arithmetic is worth caching.
  const key = `${zone}\u0000${raw}`;
  let parsed = dateCache.get(key);
  if (parsed === undefined) {
    if (dateCache.size > 20_000) dateCache.clear();
    parsed = parseCrmDateUncached(raw, zone);
    dateCache.set(key, parsed);
  }
  return parsed;
}
const dateCache = new Map<string, CrmDate | null>();

function parseCrmDateUncached(raw: string, zone: string): CrmDate | null {
  const text = raw.trim();
  const z = safeZone(zone);
  let parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number };
  let offset: string | undefined;
  let m = ISO.exec(text);
  if (m) {
    parts = { year: +m[1]!, month: +m[3]!, day: +m[4]! };
    if (m[5] !== undefined) {
      parts = { ...parts, hour: +m[5], minute: +m[6]!, second: m[7] ? +m[7] : 0, ms: m[8] ? Math.floor(+`0.${m[8]}` * 1000) : 0 };
    }
    offset = m[9];
  } else if ((m = SLASHED.exec(text))) {
    const [first, second] = [+m[1]!, +m[3]!];
    const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    parts = m[2] === '/' ? { year, month: first, day: second } : { year, month: second, day: first };
    if (m[5] !== undefined) {
      let hour = +m[5];
      const meridiem = m[8]?.toLowerCase()[0];
      if (meridiem) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
      }
      parts = { ...parts, hour, minute: +m[6]!, second: m[7] ? +m[7] : 0, ms: 0 };
    }
  } else {
    return null;
  }
  const timed = parts.hour !== undefined;
  const fields = { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0, millisecond: parts.ms ?? 0 };
  const at = offset
    ? DateTime.fromObject(fields, { zone: offset.toUpperCase() === 'Z' ? 'UTC' : `UTC${normalizeOffset(offset)}` })
    : DateTime.fromObject(fields, { zone: z });
  // luxon rolls nothing over: 2026-02-30 or 25:00 is invalid rather than March or the next day.
  if (!at.isValid || at.year < 1900 || at.year > 2200) return null;
  return { at: at.toJSDate(), timed };
}

const normalizeOffset = (o: string) => (o.includes(':') || o.length === 3 ? o : `${o.slice(0, 3)}:${o.slice(3)}`);

/** The text of a value inside a rejection reason: one line, at most 40 characters. */
export function shorten(text: string, max = 40): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}

/**
 * The first non-empty cell among a role's columns: trimmed, our export's formula guard undone, and
 * Windows line ends inside it (a multi-line note) made plain "\n".
 */
export function cellOf(record: readonly string[], map: ColumnMap, role: ColumnRole): string {
  for (const i of map.roles[role] ?? []) {
    const cell = record[i]?.trim();
    if (cell) return unguardCell(cell).replace(/\r\n/g, '\n');
  }
  return '';
}

/** The owner cell, resolved by the importer before the row is normalised (dates are read in the owner's zone). */
export const ownerCell = (record: readonly string[], map: ColumnMap): string => cellOf(record, map, 'owner');

/** What one row becomes, validated with the same limits as a lead added in Slack. */
export const leadCandidate = addLeadInput
  .pick({ name: true, tier: true, value: true, company: true, email: true, phone: true, source: true })
  .extend({
    note: z.string().max(2000).nullable(),
    status: z.enum(LEAD_STATUSES),
    externalId: z.string().max(200).nullable(),
    /** The row said which tier (a word that maps): only then is a matched lead's tier updated. */
    tierGiven: z.boolean(),
    createdAt: z.date().nullable(),
    touchCount: z.number().int().min(0).max(1_000_000),
    firstTouchAt: z.date().nullable(),
    lastTouchAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    next: nextStepInput.nullable(),
  });
export type LeadCandidate = z.output<typeof leadCandidate>;

export type NormalizedRow = { ok: true; lead: LeadCandidate } | { ok: false; reason: string };

const LABELS: Record<string, string> = {
  name: 'name', company: 'company', email: 'e-mail', phone: 'phone', source: 'source', note: 'note',
  externalId: 'external id', touchCount: 'touch count', next: 'next step',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const label = LABELS[String(issue.path[0])] ?? String(issue.path[0]);
  if (issue.code === 'too_big' && issue.origin === 'string') return `${label} is longer than ${String(issue.maximum)} characters`;
  return `${label}: ${issue.message}`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'promised']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const ourTier = (text: string): Tier | null => {
  const word = text.toLowerCase();
  return isOneOf(TIERS, word) ? word : null;
};
// A next activity with a date but no subject (Pipedrive's export has only the date).
const DEFAULT_NEXT_ACTION = 'follow up';

/**
 * One record → a lead candidate or why not. `zone` is the owner's (dates without an offset are read
 * in it); `now` stands in for a missing created date.
 */
export function normalizeRow(record: readonly string[], map: ColumnMap, ctx: { zone: string; now: Date }): NormalizedRow {
  const cell = (role: ColumnRole) => cellOf(record, map, role);
  const reject = (reason: string): NormalizedRow => ({ ok: false, reason });
  if (record.some((c) => c.includes('\u0000'))) return reject('contains a NUL character (binary data)');

  const name = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ') || cell('title');
  if (!name) return reject('no name');

  let email: string | null = cell('email') || null;
  if (email) {
    // Pipedrive may list several addresses in one cell: the first is the lead's.
    const first = email.split(/\s*[;,]\s*/)[0]!;
    if (!looksLikeEmail(first)) return reject(`e-mail '${shorten(email)}' is not an address`);
    email = first;
  }

  const value = parseMoney(cell('value'));
  if (value !== null && typeof value === 'object') return reject(value.error);

  const date = (role: ColumnRole, label: string): CrmDate | null | { error: string } => {
    const text = cell(role);
    if (!text) return null;
    return parseCrmDate(text, ctx.zone) ?? { error: `${label} '${shorten(text)}' is not a date` };
  };
  const created = date('created', 'created date');
  if (created && 'error' in created) return reject(created.error);
  const lastContacted = date('lastContacted', 'last contacted date');
  if (lastContacted && 'error' in lastContacted) return reject(lastContacted.error);
  if (lastContacted && lastContacted.at > ctx.now) return reject(`last contacted date '${shorten(cell('lastContacted'))}' is in the future`);
  const nextDate = date('nextStepDate', 'next step date');
  if (nextDate && 'error' in nextDate) return reject(nextDate.error);

  const touchText = cell('touchCount');
  if (touchText && !/^\d{1,7}$/.test(touchText)) return reject(`touch count '${shorten(touchText)}' is not a whole number`);
  const promisedText = cell('promised').toLowerCase();
  if (!YES.has(promisedText) && !NO.has(promisedText)) return reject(`promised '${shorten(cell('promised'))}' is not yes or no`);

  // A bare created or contacted date is the start of that day (as parsed); a bare next-step date its end (DESIGN §1).
  const createdAt = created?.at ?? null;
  const lastTouchAt = lastContacted?.at ?? null;
  let touchCount = touchText ? Number(touchText) : 0;
  let firstTouchAt: Date | null = null;
  if (lastTouchAt && touchCount === 0) {
    touchCount = 1;
    firstTouchAt = lastTouchAt;
  }

  // Status from the first non-empty status column.
  const statusText = cell('status');
  const status = statusText ? statusFromWord(statusText) : 'open';

  // Tier: our own tier names in a `tier` column win; else the first tier-ish column whose word maps.
  let tier: Tier | null = ourTier(cell('tier'));
  if (!tier) {
    for (const i of map.roles.tierHint ?? []) {
      const text = record[i]?.trim();
      tier = text ? tierFromWord(unguardCell(text)) : null;
      if (tier) break;
    }
  }
  const tierGiven = tier !== null;
  // An existing CRM record is not a new arrival; a won one is a customer (R11), as `won` makes it.
  let finalTier: Tier = tier ?? (status === 'won' ? 'customer' : 'lead');
  if (finalTier === 'new' && (touchCount > 0 || lastTouchAt)) finalTier = 'lead';

  let note = cell('note') || null;
  const action = cell('nextStep');
  let next: LeadCandidate['next'] = null;
  // A lost lead leaves every queue (DESIGN §1): it gets no next step.
  if (nextDate && status !== 'lost') {
    const dueAt = nextDate.timed ? nextDate.at : endOfLocalDay(nextDate.at, ctx.zone);
    // A time at the very end of the owner's day is what a bare date becomes: keep it all-day (round trip).
    const allDay = !nextDate.timed || endOfLocalDay(dueAt, ctx.zone).getTime() === dueAt.getTime();
    next = { action: action || DEFAULT_NEXT_ACTION, dueAt, allDay, promised: YES.has(promisedText), theirCommitment: null, origin: 'rep' };
  } else if (action && status !== 'lost') {
    // An undated next step (Salesforce's is free text) cannot be a dated step (R3): kept in the note.
    note = note ? `${note}\nNext step: ${action}` : `Next step: ${action}`;
  }

  const parsed = leadCandidate.safeParse({
    name,
    tier: finalTier,
    value,
    company: cell('company') || null,
    email,
    phone: cell('phone') || null,
    source: cell('source') || null,
    note,
    status,
    externalId: cell('externalId') || null,
    tierGiven,
    createdAt,
    touchCount,
    firstTouchAt,
    lastTouchAt,
    closedAt: status === 'open' ? null : (lastTouchAt ?? createdAt ?? ctx.now),
    next,
  });
  if (!parsed.success) return reject(describeIssue(parsed.error.issues[0]!));
  return { ok: true, lead: parsed.data };
}
