import { STALLED_CATEGORIES, STALLED_LABEL, type StalledLead } from '../../coach/stalled.js';
import { escapeSlackText } from '../parse/slack-text.js';

const PER_CATEGORY_LIMIT = 10;

function byCategory(stalled: readonly StalledLead[]): string[] {
  const lines: string[] = [];
  for (const category of STALLED_CATEGORIES) {
    const names = stalled.filter((s) => s.categories.includes(category)).map((s) => `*${escapeSlackText(s.lead.name)}*`);
    if (names.length === 0) continue;
    const shown = names.slice(0, PER_CATEGORY_LIMIT).join(', ');
    const more = names.length > PER_CATEGORY_LIMIT ? ` and ${names.length - PER_CATEGORY_LIMIT} more` : '';
    lines.push(`• ${STALLED_LABEL[category]} (${names.length}): ${shown}${more}`);
  }
  return lines;
}

/** `/followup stalled` for a rep: their stalled leads by R15 category. */
export function repStalledText(stalled: readonly StalledLead[]): string {
  if (stalled.length === 0) return 'None of your leads is stalled. :white_check_mark:';
  return [`*Your stalled leads* (${stalled.length})`, ...byCategory(stalled)].join('\n');
}

/** `/followup stalled` for a manager: the team's stalled leads, grouped by rep. */
export function teamStalledText(stalled: readonly StalledLead[]): string {
  if (stalled.length === 0) return 'No lead on the team is stalled. :white_check_mark:';
  const owners = [...new Set(stalled.map((s) => s.lead.ownerId))];
  const lines = [`*The team's stalled leads* (${stalled.length} across ${owners.length} ${owners.length === 1 ? 'rep' : 'reps'})`];
  for (const owner of owners) {
    const mine = stalled.filter((s) => s.lead.ownerId === owner);
    lines.push('', `<@${owner}> (${mine.length})`, ...byCategory(mine));
  }
  return lines.join('\n');
}
