import { DateTime, IANAZone } from 'luxon';
import { parseWorkDays } from '../../coach/index.js';
import { COMMITMENT_OUTCOMES, isOneOf, type CommitmentOutcome } from '../../domain/vocabulary.js';
import { parseDueDate } from './dates.js';
import { takeNextClause, type NextStepArgs } from './next-step.js';
import { fail, type ParseResult } from './parse-result.js';
import { parseChannelMention, parseUserMention, quoteUserText } from './slack-text.js';
import { textField } from './text-field.js';

type Ctx = { now: Date; zone: string };

/** Optional free text after a lead (a note, a reason): null when absent. */
export function parseOptionalText(text: string, label: string, max = 500): ParseResult<string | null> {
  if (!text.trim()) return { ok: true, value: null };
  return textField(text, label, max);
}

export interface DoneArgs {
  theirs: CommitmentOutcome | null;
  next: NextStepArgs | null;
}

/** `[they:kept|they:missed] [next: <action> by <date> …]` */
export function parseDoneTail(tail: string, ctx: Ctx): ParseResult<DoneArgs> {
  const cut = takeNextClause(tail.trim(), ctx);
  if (!cut.ok) return cut;
  const { next } = cut.value;
  const rest = cut.value.rest.trim();
  let theirs: DoneArgs['theirs'] = null;
  const they = /^they:\s*(\S+)$/i.exec(rest);
  if (they) {
    const v = they[1]!.toLowerCase();
    if (!isOneOf(COMMITMENT_OUTCOMES, v)) return fail(`After they: say kept or missed (not "${quoteUserText(they[1]!)}").`);
    theirs = v;
  } else if (rest) {
    return fail(`I didn't understand "${quoteUserText(rest)}": add they:kept, they:missed or next: <action> by <date>.`);
  }
  return { ok: true, value: { theirs, next } };
}

export interface SnoozeArgs {
  /** The start of the wake-up day in the rep's zone. */
  until: Date;
  reason: string | null;
}

/** `until <date> [<reason>]`: the longest run of words after "until" that reads as a date. */
export function parseSnoozeTail(tail: string, ctx: Ctx): ParseResult<SnoozeArgs> {
  const m = /^until\s+([\s\S]+)$/i.exec(tail.trim());
  if (!m) return fail('Say until when, e.g. `/followup snooze "Acme Corp" until monday back from holiday`.');
  const words = m[1]!.trim().split(/\s+/).slice(0, 12);
  for (let k = words.length; k >= 1; k--) {
    const date = parseDueDate(words.slice(0, k).join(' '), ctx);
    if (!date.ok && date.reason === 'unreadable') continue;
    if (!date.ok) return date;
    const until = DateTime.fromJSDate(date.due, { zone: IANAZone.isValidZone(ctx.zone) ? ctx.zone : 'UTC' }).startOf('day');
    if (until.toMillis() <= ctx.now.getTime()) return fail('Snooze until tomorrow or later: a snoozed lead comes back at the start of that day.');
    const reason = parseOptionalText(m[1]!.trim().split(/\s+/).slice(k).join(' '), 'reason');
    if (!reason.ok) return reason;
    return { ok: true, value: { until: until.toJSDate(), reason: reason.value } };
  }
  return fail(`I couldn't read a date after "until". Try tomorrow, monday, in 2 weeks or 2026-12-01.`);
}

/** `<lead words> @user`: the mention must come last. */
export function splitTrailingMention(rest: string): { head: string; userId: string } | null {
  const m = /^([\s\S]*?)\s*(<@[UW][A-Z0-9]+(?:\|[^>]*)?>)\s*$/.exec(rest.trim());
  if (!m) return null;
  const userId = parseUserMention(m[2]!);
  return userId ? { head: m[1]!.trim(), userId } : null;
}

const WEEKDAY: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const SETTING_KEYS = [
  'dm', 'tz', 'off', 'on', 'digest', 'digest-day', 'digest-time', 'team-tz', 'manager', 'hours', 'days', 'new-per-day', 'checkin-days',
] as const;
/** The team settings a manager changes (docs/rules.md#r2, #r11). */
export const TEAM_SETTING_KEYS = ['digest', 'digest-day', 'digest-time', 'team-tz', 'manager', 'hours', 'days', 'new-per-day', 'checkin-days'] as const;

export interface SettingsArgs {
  dmTime?: string;
  tz?: string;
  pausedUntil?: Date | null;
  digestChannel?: string;
  digestDay?: number;
  digestTime?: string;
  teamTz?: string;
  workStart?: string;
  workEnd?: string;
  workDays?: number[];
  newPerDay?: number;
  checkinDays?: number;
  addManagers: string[];
  removeManagers: string[];
}

/** The coach's reader throws on a word that is not a weekday; here that is a refusal like any other. */
function workDaysOrNull(value: string): number[] | null {
  try {
    return parseWorkDays(value);
  } catch {
    return null;
  }
}

const hhmm = (v: string): string | null => {
  const m = HH_MM.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
};

/** `/followup settings` keys; no key at all shows the current settings (the caller's job). */
export function parseSettings(rest: string, ctx: Ctx): ParseResult<SettingsArgs> {
  const out: SettingsArgs = { addManagers: [], removeManagers: [] };
  const tokens = [...rest.trim().matchAll(/(?:^|\s)(on(?=\s|$)|[a-z-]+:)/gi)];
  if (rest.trim() && (tokens.length === 0 || tokens[0]!.index !== 0)) {
    return fail(`I didn't understand "${quoteUserText(rest.trim().split(/\s+/)[0]!)}": settings look like dm:08:30 or tz:Europe/Berlin.`);
  }
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const key = t[1]!.toLowerCase().replace(/:$/, '');
    const value = rest.trim().slice(t.index! + t[0].length, tokens[i + 1]?.index ?? rest.trim().length).trim();
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      return fail(`I don't know the setting "${quoteUserText(key)}:". Settings are ${SETTING_KEYS.map((k) => (k === 'on' ? 'on' : `${k}:`)).join(', ')}.`);
    }
    if (key !== 'manager' && seen.has(key)) return fail(`"${key}" is given twice.`);
    seen.add(key);
    const problem = applySetting(out, key, value, ctx);
    if (problem) return fail(problem);
  }
  if (seen.has('on') && seen.has('off')) return fail('Choose one: off:<date> pauses your DMs, on resumes them.');
  return { ok: true, value: out };
}

function applySetting(out: SettingsArgs, key: string, value: string, ctx: Ctx): string | null {
  const zone = (v: string) => (IANAZone.isValidZone(v) ? v : null);
  switch (key) {
    case 'dm':
    case 'digest-time': {
      const time = hhmm(value);
      if (!time) return `${key}: takes a time like 08:30 (24-hour clock), not "${quoteUserText(value)}".`;
      if (key === 'dm') out.dmTime = time;
      else out.digestTime = time;
      return null;
    }
    case 'tz':
    case 'team-tz': {
      const z = zone(value);
      if (!z) return `"${quoteUserText(value)}" is not a time zone I know: use a name like Europe/Berlin or America/New_York.`;
      if (key === 'tz') out.tz = z;
      else out.teamTz = z;
      return null;
    }
    case 'off': {
      const date = parseDueDate(value, ctx);
      if (!date.ok) return date.error;
      out.pausedUntil = date.due;
      return null;
    }
    case 'on':
      if (value) return `"on" takes nothing after it (it resumes your morning DMs).`;
      out.pausedUntil = null;
      return null;
    case 'digest': {
      const channel = parseChannelMention(value);
      if (!channel) return 'digest: takes a channel, written as #channel.';
      out.digestChannel = channel;
      return null;
    }
    case 'digest-day': {
      const day = WEEKDAY[value.toLowerCase().slice(0, 3)];
      if (!day || value.length > 9) return `digest-day: takes a weekday (mon … sun), not "${quoteUserText(value)}".`;
      out.digestDay = day;
      return null;
    }
    case 'hours': {
      const [from, to, extra] = value.split('-').map((v) => hhmm(v.trim()));
      if (!from || !to || extra !== undefined || from >= to) {
        return `hours: takes the working day's start and end, like 09:00-18:00 (not "${quoteUserText(value)}").`;
      }
      out.workStart = from;
      out.workEnd = to;
      return null;
    }
    case 'days': {
      const days = value.length <= 40 ? workDaysOrNull(value) : null;
      if (!days || days.length === 0) return `days: takes working days like mon-fri or mon,wed,fri (not "${quoteUserText(value)}").`;
      out.workDays = days;
      return null;
    }
    case 'new-per-day':
    case 'checkin-days': {
      const [min, max] = key === 'new-per-day' ? [1, 50] : [7, 365];
      const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
      if (!(n >= min && n <= max)) return `${key}: takes a whole number from ${min} to ${max} (not "${quoteUserText(value)}").`;
      if (key === 'new-per-day') out.newPerDay = n;
      else out.checkinDays = n;
      return null;
    }
    case 'manager': {
      const remove = value.startsWith('-');
      const userId = parseUserMention(remove ? value.slice(1).trim() : value);
      if (!userId) return 'manager: takes a Slack user, written as @name (or -@name to remove one).';
      (remove ? out.removeManagers : out.addManagers).push(userId);
      return null;
    }
  }
  return null;
}
