import type { KnownBlock, ModalView } from '@slack/types';
import { formatMoney, plural } from '../../coach/labels.js';
import type { InspectionNote } from '../../db/queries/inspections.js';
import { formatDue } from '../parse/dates.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { clip, listedName } from './format.js';

// "Don't assume — look": the leads a manager is asked to look at, the "Looked at it" button, the
// note form, and what is said afterwards.

export const INSPECT_ACTION = 'inspect_lead';
export const INSPECT_MODAL = 'inspect_note';
export const INSPECT_NOTE = 'inspect_note_text';
export const INSPECT_NOTE_MAX = 1000;

export interface InspectionPick {
  leadId: string;
  name: string;
  value: number | null;
}

/** "Look at: *Acme* ($5,000)" with a *Looked at it* button, one block per pick. */
export function inspectionBlocks(repId: string, picks: readonly InspectionPick[]): KnownBlock[] {
  return picks.map((p) => ({
    type: 'section',
    block_id: `inspect:${repId}:${p.leadId}`,
    text: { type: 'mrkdwn', text: `Look at: *${listedName(p.name)}*${p.value === null ? '' : ` (${formatMoney(p.value)})`}` },
    accessory: { type: 'button', action_id: INSPECT_ACTION, value: p.leadId, text: { type: 'plain_text', text: 'Looked at it' } },
  }));
}

/** `/followup inspect @rep`: the words above the picks. */
export function onDemandText(repId: string, picks: readonly InspectionPick[]): string {
  if (picks.length === 0) {
    return `No open lead of <@${repId}> to pick: they have none, or each was looked at by a manager in the last 30 days or offered in the last 7.`;
  }
  return `${picks.length === 1 ? 'One open lead' : `${plural(picks.length, 'open lead')}`} of <@${repId}> to look at, picked at random, weighted by value (none looked at in the last 30 days). Press *Looked at it* once you have.`;
}

/** The note form: optional, and it says who will read it. */
export function inspectModal(lead: { id: string; name: string; ownerId: string }): ModalView {
  return {
    type: 'modal',
    callback_id: INSPECT_MODAL,
    private_metadata: lead.id,
    title: { type: 'plain_text', text: 'Looked at it' },
    submit: { type: 'plain_text', text: 'Record it' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `You looked at *${escapeSlackText(lead.name)}*, a lead of <@${lead.ownerId}>.` } },
      {
        type: 'input',
        block_id: INSPECT_NOTE,
        optional: true,
        label: { type: 'plain_text', text: 'Note (optional)' },
        hint: { type: 'plain_text', text: 'What you found, or what you would do next.' },
        element: { type: 'plain_text_input', action_id: INSPECT_NOTE, multiline: true, max_length: INSPECT_NOTE_MAX },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<@${lead.ownerId}> will see this note.` }] },
    ],
  };
}

/** The manager's confirmation once the look is recorded. */
export function inspectedText(leadName: string, repId: string, note: string | null): string {
  return `Recorded: you looked at *${escapeSlackText(leadName)}* (<@${repId}>'s lead)${note ? `, with your note; <@${repId}> sees it on their App Home` : ''}. It is not offered again for 30 days.`;
}

/** "Mon 30 Nov — <@mia> looked at <@ana>'s *Acme*: call the CFO"; `lead: 'it'` in the lead's own details. */
export function noteLine(n: InspectionNote, zone: string, now: Date, opts: { lead: 'name' | 'owner and name' | 'it'; noteMax?: number }): string {
  const what = opts.lead === 'it' ? 'it' : `${opts.lead === 'owner and name' ? `<@${n.repId}>'s ` : ''}*${listedName(n.leadName)}*`;
  const note = n.note ? `: ${escapeSlackText(clip(n.note, opts.noteMax ?? INSPECT_NOTE_MAX))}` : ' (no note)';
  return `${formatDue(n.inspectedAt, zone, now)} — <@${n.managerId}> looked at ${what}${note}`;
}

/** `/followup show`: the lead's inspections, newest first. */
export function leadInspectionLines(notes: readonly InspectionNote[], zone: string, now: Date): string[] {
  if (notes.length === 0) return [];
  return ['', '*Looked at by a manager*', ...notes.map((n) => `• ${noteLine(n, zone, now, { lead: 'it' })}`)];
}
