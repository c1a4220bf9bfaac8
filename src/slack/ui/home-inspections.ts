import type { KnownBlock } from '@slack/types';
import type { InspectionNote, RepCoverage } from '../../db/queries/inspections.js';
import { noteLine } from './inspection.js';

// App Home's part of "don't assume — look": a manager sees how much of each rep's book was looked
// at, and the latest notes; a rep sees the notes on their own leads.

const SECTION_MAX = 2900;
const REPS_SHOWN = 30;
// Five notes fit a section: each shown up to 400 characters (the whole note is in `/followup show`).
const NOTE_MAX = 400;

export interface HomeInspections {
  /** Managers only: per rep, open leads looked at in the last 90 days. */
  coverage: readonly RepCoverage[] | null;
  notes: readonly InspectionNote[];
}

const pct = (part: number, whole: number) => Math.round((100 * part) / whole);

/** "<@ana> 3 of 12 open leads (25%)" */
export function coverageLine(c: RepCoverage): string {
  return `<@${c.repId}> ${c.lookedAt} of ${c.open} open ${c.open === 1 ? 'lead' : 'leads'} (${pct(c.lookedAt, c.open)}%)`;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SECTION_MAX) } });

/** The blocks App Home shows under the rest; none for a rep with no notes on their leads. */
export function homeInspectionBlocks(data: HomeInspections, zone: string, now: Date): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (data.coverage) {
    const shown = data.coverage.filter((c) => c.open > 0).slice(0, REPS_SHOWN);
    const more = data.coverage.length - shown.length;
    const lines = shown.length ? shown.map(coverageLine) : ['No rep has open leads.'];
    if (more > 0) lines.push(`…and ${more} more reps.`);
    blocks.push(section(`*Looked at by a manager in the last 90 days*\n${lines.join('\n')}`));
    if (data.notes.length) blocks.push(section(`*Latest notes*\n${data.notes.map((n) => noteLine(n, zone, now, { lead: 'owner and name', noteMax: NOTE_MAX })).join('\n')}`));
  } else if (data.notes.length) {
    blocks.push(section(`*Notes from your manager on your leads*\n${data.notes.map((n) => noteLine(n, zone, now, { lead: 'name', noteMax: NOTE_MAX })).join('\n')}`));
  }
  return blocks.length ? [{ type: 'divider' }, ...blocks] : [];
}
