import { STALLED_CATEGORIES, STALLED_LABEL, type RepStalledSummary } from '../../coach/stalled.js';
import { fitLines, listedName } from './format.js';

// Names shown per category; the rest are counted.
export const NAMES_PER_CATEGORY = 10;

export function byCategory(summary: RepStalledSummary): string[] {
  const lines: string[] = [];
  for (const category of STALLED_CATEGORIES) {
    const group = summary.byCategory[category];
    if (!group) continue;
    const shown = group.names.map((n) => `*${listedName(n)}*`).join(', ');
    const more = group.count > group.names.length ? ` and ${group.count - group.names.length} more` : '';
    lines.push(`• ${STALLED_LABEL[category]} (${group.count}): ${shown}${more}`);
  }
  return lines;
}

/** `/followup stalled` for a rep: their stalled leads by R15 category. */
export function repStalledText(summary: RepStalledSummary): string {
  if (summary.total === 0) return 'None of your leads is stalled. :white_check_mark:';
  return fitLines([`*Your stalled leads* (${summary.total})`, ...byCategory(summary)]);
}

/** `/followup stalled` for a manager: the team's stalled leads, grouped by rep. */
export function teamStalledText(summaries: readonly RepStalledSummary[]): string {
  const stalledReps = summaries.filter((s) => s.total > 0);
  const total = stalledReps.reduce((n, s) => n + s.total, 0);
  if (total === 0) return 'No lead on the team is stalled. :white_check_mark:';
  const lines = [`*The team's stalled leads* (${total} across ${stalledReps.length} ${stalledReps.length === 1 ? 'rep' : 'reps'})`];
  for (const summary of stalledReps) {
    lines.push('', `<@${summary.ownerId}> (${summary.total})`, ...byCategory(summary));
  }
  return fitLines(lines);
}
