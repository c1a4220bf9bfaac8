// One CSV record → a validated lead candidate, or the reason the row is refused. Pure: the owner's
// zone and the clock come in; nothing here reads the database.
import { DEFAULT_IMPORTED_ACTION } from '../coach/index.js';
import { endOfLocalDay } from '../coach/local-day.js';
import { isOneOf, TIERS, type Tier } from '../domain/vocabulary.js';
import { cellOf, shorten } from './cells.js';
import { statusFromWord, tierFromWord } from './crm-words.js';
import { unguardCell, type ColumnMap, type ColumnRole } from './csv-columns.js';
import { looksLikeEmail } from './email-address.js';
import { describeIssue, leadCandidate, type LeadCandidate } from './lead-candidate.js';
import { parseCrmDate, type CrmDate } from './parse-crm-date.js';
import { parseMoney } from './parse-money.js';

export type NormalizedRow = { ok: true; lead: LeadCandidate } | { ok: false; reason: string };

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'promised']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const ourTier = (text: string): Tier | null => {
  const word = text.toLowerCase();
  return isOneOf(TIERS, word) ? word : null;
};
// A next activity with a date but no subject (Pipedrive's export has only the date) gets an action
// with a purpose, never a bare "follow up" (docs/rules.md#r6).
const DEFAULT_NEXT_ACTION = DEFAULT_IMPORTED_ACTION;

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

  // A bare created or contacted date is the start of that day (as parsed); a bare next-step date its end.
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
  // A lost lead leaves every queue: it gets no next step.
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
    referredBy: cell('referredBy') || null,
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
