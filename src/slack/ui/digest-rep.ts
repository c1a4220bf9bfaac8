import { DateTime } from 'luxon';
import { formatMoney, plural } from '../../coach/labels.js';
import { STALL_REASONS, type StalledLead } from '../../coach/stalled.js';
import type { SnapshotFigures } from '../../db/ops/digest-snapshot.js';
import type { DigestRep } from '../../db/queries/digest-content.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { listedName } from './format.js';

// One rep's part of the digest (docs/rules.md#r15): what to ask them about, and their figures with last week's beside.

export const QUESTIONS_PER_REP = 3;
// Stalled leads named beyond the questions; the rest are counted.
const ALSO_NAMED = 10;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The stalled leads most worth asking about first: severity, then value (missing: the team's median), then days stuck. */
export function rankStalled(stalled: readonly StalledLead[], teamMedianValue: number | null): StalledLead[] {
  const value = (s: StalledLead) => s.lead.value ?? teamMedianValue ?? 0;
  return [...stalled].sort(
    (a, b) =>
      STALL_REASONS.indexOf(a.stall.reason) - STALL_REASONS.indexOf(b.stall.reason) ||
      value(b) - value(a) ||
      b.stall.stuckDays - a.stall.stuckDays ||
      cmp(a.lead.name, b.lead.name) ||
      cmp(a.lead.id, b.lead.id),
  );
}

const money = (v: number | null) => (v === null ? 'no value set' : formatMoney(v));

/** "+2 on last week", "same as last week"; nothing before the first digest. */
export function change(now: number, before: number | undefined, show: (n: number) => string = String): string {
  if (before === undefined) return '';
  const d = now - before;
  return d === 0 ? ' (same as last week)' : ` (${d > 0 ? '+' : '−'}${show(Math.abs(d))} on last week)`;
}

/** "1 of 2 (last week 0 of 1)", or with the share "3 of 20 (15%, last week 2 of 18)". */
export function ofWhole(part: number, whole: number, last: SnapshotFigures | undefined, partKey: string, wholeKey: string, withShare = false): string {
  const notes: string[] = [];
  if (withShare && whole > 0) notes.push(`${Math.round((100 * part) / whole)}%`);
  if (last && last[partKey] !== undefined && last[wholeKey] !== undefined) notes.push(`last week ${last[partKey]} of ${last[wholeKey]}`);
  return `${part} of ${whole}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export const repWho = (rep: Pick<DigestRep, 'repId' | 'name'>): string => (rep.name ? escapeSlackText(rep.name) : `<@${rep.repId}>`);

function awayText(rep: DigestRep, zone: string): string {
  if (!rep.away) return '';
  if (rep.away.kind === 'deactivated') return ' — deactivated';
  return ` — on leave until ${DateTime.fromJSDate(rep.away.until, { zone }).toFormat('ccc d LLL')}`;
}

function figuresLine(rep: DigestRep, last: SnapshotFigures | undefined): string {
  const f = rep.figures;
  return [
    `${ofWhole(f.stalled, f.open, last, 'stalled', 'open')} open leads stalled`,
    `${formatMoney(f.stalledValue)} in stalled leads${change(f.stalledValue, last?.stalledValue, formatMoney)}`,
    f.promisesDue ? `promises kept ${ofWhole(f.promisesKept, f.promisesDue, last, 'promisesKept', 'promisesDue')}` : 'no promises were due',
    `${ofWhole(f.withStep, f.open, last, 'withStep', 'open')} open leads with a dated next step`,
    `${plural(f.touches, 'touch', 'touches')} logged${change(f.touches, last?.touches)}`,
  ].join(' · ');
}

function parkedLine(rep: DigestRep, zone: string, last: SnapshotFigures | undefined): string | null {
  const count = rep.figures.parked;
  if (!count && !last?.parked) return null;
  const flagged = rep.parked
    .filter((p) => p.flagged)
    .map((p) => {
      const until = DateTime.fromJSDate(p.until, { zone }).toFormat('ccc d LLL');
      return `${`*${listedName(p.lead.name)}*`} (snoozed again and again, until ${until}${p.reason ? ` — "${escapeSlackText(p.reason)}"` : ''})`;
    });
  return `Parked: ${plural(count, 'snoozed lead')}${change(count, last?.parked)}${flagged.length ? ` — ${flagged.join(', ')}` : ''}`;
}

function closedLine(rep: DigestRep): string {
  if (rep.closedMedianTouches === null) return `Leads closed in the last 90 days: ${rep.closed} — too few to say how far ${rep.name ? 'they follow' : 'this rep follows'} up.`;
  return `Leads closed in the last 90 days: ${rep.closed}, a median of ${plural(rep.closedMedianTouches ?? 0, 'touch', 'touches')} each.`;
}

/** The rep's section: who (and whether away), the figures, the questions, the rest of the stalled leads, parked. */
export function repText(rep: DigestRep, ctx: { zone: string; teamMedianValue: number | null; last: SnapshotFigures | undefined }): string {
  const who = repWho(rep);
  const ranked = rankStalled(rep.stalled, ctx.teamMedianValue);
  const asks = ranked.slice(0, QUESTIONS_PER_REP).map((s) => {
    const others = s.stall.others.length ? ` (also ${s.stall.others.join(', ')})` : '';
    return `• Ask ${who} about *${listedName(s.lead.name)}* — ${s.stall.detail}${others} · ${money(s.lead.value)}`;
  });
  const rest = ranked.slice(QUESTIONS_PER_REP);
  const lines = [`*${who}*${awayText(rep, ctx.zone)}`, figuresLine(rep, ctx.last)];
  if (!ranked.length) lines.push('Nothing stalled. :white_check_mark:');
  lines.push(...asks);
  if (rest.length) {
    const named = rest.slice(0, ALSO_NAMED).map((s) => `*${listedName(s.lead.name)}* (${s.stall.detail})`);
    const more = rest.length > ALSO_NAMED ? ` …and ${rest.length - ALSO_NAMED} more` : '';
    lines.push(`Also stalled: ${named.join(', ')}${more}`);
  }
  const parked = parkedLine(rep, ctx.zone, ctx.last);
  if (parked) lines.push(parked);
  lines.push(closedLine(rep));
  return lines.join('\n');
}
