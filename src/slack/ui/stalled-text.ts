import { inZone } from '../../coach/local-day.js';
import { STALL_LABEL, STALL_REASONS, type Parked, type RepStalledSummary } from '../../coach/stalled.js';
import { fitLines, listedName } from './format.js';

// Names shown per reason; the rest are counted.
export const NAMES_PER_REASON = 10;

/** Where reps are listed: whether one is on leave (`off:`) or deactivated, as it stands now. */
export interface RepState {
  dmsPausedUntil: Date | null;
  deactivatedAt: Date | null;
}

/** " (deactivated)", " (on leave until Wed 9 Dec)", or '' for a rep at work. */
export function repMark(state: RepState | undefined, now: Date, zone: string): string {
  if (!state) return '';
  if (state.deactivatedAt && state.deactivatedAt <= now) return ' (deactivated)';
  if (state.dmsPausedUntil && state.dmsPausedUntil > now) return ` (on leave until ${inZone(state.dmsPausedUntil, zone).toFormat('ccc d LLL')})`;
  return '';
}

const leadsWord = (n: number) => (n === 1 ? 'lead' : 'leads');

/** "3 of 12 leads stalled" (the denominator when known). */
export const stalledCount = (s: RepStalledSummary): string =>
  s.leads === undefined ? `${s.total} stalled` : `${s.total} of ${s.leads} ${leadsWord(s.leads)} stalled`;

/** Each reason with its leads, once each, what is wrong and the other reasons beside. */
export function byReason(summary: RepStalledSummary): string[] {
  const lines: string[] = [];
  for (const reason of STALL_REASONS) {
    const group = summary.byReason[reason];
    if (!group) continue;
    lines.push(`${STALL_LABEL[reason]} (${group.count})`);
    group.names.forEach((name, i) => {
      const detail = group.details?.[i];
      lines.push(`• *${listedName(name)}*${detail ? ` — ${listedName(detail)}` : ''}`);
    });
    if (group.count > group.names.length) lines.push(`• and ${group.count - group.names.length} more`);
  }
  return lines;
}

const parkedLine = (p: Parked, zone: string): string =>
  `• *${listedName(p.lead.name)}* — until ${inZone(p.until, zone).toFormat('ccc d LLL')}` +
  `${p.reason ? `: ${listedName(p.reason)}` : ', no reason given'}` +
  `${p.flagged ? ` — snoozed ${p.lead.snoozeCount} ${p.lead.snoozeCount === 1 ? 'time' : 'times'}, ${p.lead.snoozedDaysTotal} days in all` : ''}`;

/** Snoozed leads, apart from the stalled: how many, how many snoozed too often, and a few with reason and wake date. */
export function parkedLines(summary: RepStalledSummary, zone: string): string[] {
  if (summary.parked === 0) return [];
  const flagged = summary.parkedFlagged ? `, ${summary.parkedFlagged} of them snoozed 3 times or more, or more than 60 days in all` : '';
  const shown = summary.parkedLeads ?? [];
  const more = summary.parked > shown.length && shown.length ? [`• and ${summary.parked - shown.length} more`] : [];
  return [`Parked (snoozed, not counted as stalled): ${summary.parked}${flagged}`, ...shown.map((p) => parkedLine(p, zone)), ...more];
}

/** `/followup stalled` for a rep: their stalled leads, each once under its most severe reason, then the parked ones. */
export function repStalledText(summary: RepStalledSummary, zone: string): string {
  const parked = parkedLines(summary, zone);
  if (summary.total === 0) return fitLines(['None of your leads is stalled. :white_check_mark:', ...parked]);
  return fitLines([`*Your stalled leads*: ${stalledCount(summary)}`, ...byReason(summary), ...(parked.length ? ['', ...parked] : [])]);
}

/** `/followup stalled` for a manager: the team's stalled leads by rep, reps on leave or deactivated marked. */
export function teamStalledText(
  summaries: readonly RepStalledSummary[],
  clock: { now: Date; zone: string },
  reps: ReadonlyMap<string, RepState> = new Map(),
): string {
  const listed = summaries.filter((s) => s.total > 0 || s.parked > 0);
  const stalledReps = listed.filter((s) => s.total > 0);
  const total = stalledReps.reduce((n, s) => n + s.total, 0);
  const lines =
    total === 0
      ? ['No lead on the team is stalled. :white_check_mark:']
      : [`*The team's stalled leads*: ${total}, across ${stalledReps.length} ${stalledReps.length === 1 ? 'rep' : 'reps'}`];
  for (const summary of listed) {
    lines.push('', `<@${summary.ownerId}>${repMark(reps.get(summary.ownerId), clock.now, clock.zone)}: ${stalledCount(summary)}`);
    lines.push(...byReason(summary), ...parkedLines(summary, clock.zone));
  }
  return fitLines(lines);
}
