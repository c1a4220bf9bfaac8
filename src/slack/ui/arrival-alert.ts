import type { KnownBlock } from '@slack/types';
import { duration, plural } from '../../coach/labels.js';
import type { Lead } from '../../db/schema.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { BUTTON } from './lead-buttons.js';
import { clip, leadName, leadSummary } from './format.js';

export type ArrivalLead = Pick<Lead, 'id' | 'name' | 'company' | 'email' | 'phone' | 'tier' | 'value' | 'source' | 'note' | 'createdAt' | 'ownerId' | 'createdBy'>;

export interface AlertMessage {
  text: string;
  blocks: KnownBlock[];
}

// Block Kit allows 50 blocks a message: two per lead plus a header and a tail.
const MAX_LEADS_LISTED = 20;
const NOTE_SHOWN = 600;

// Names are shown clipped, so a list of them stays within a section's 3,000 characters.
const nameOf = (lead: ArrivalLead) => leadName({ name: clip(lead.name, 150) });
const plainName = (lead: ArrivalLead) => escapeSlackText(clip(lead.name, 150));

const logButton = (leadId: string): KnownBlock => ({
  type: 'actions',
  block_id: `arrival:${leadId}`,
  elements: [{ type: 'button', action_id: BUTTON.logTouch, value: leadId, style: 'primary', text: { type: 'plain_text', text: 'Log touch' } }],
});

function contactLine(lead: ArrivalLead): string {
  const parts = [lead.email, lead.phone].filter((p): p is string => !!p).map(escapeSlackText);
  return parts.length ? `\n${parts.join(' · ')}` : '';
}

const fromWhere = (lead: ArrivalLead): string =>
  lead.source ? `from ${escapeSlackText(clip(lead.source, 100))}` : lead.createdBy ? `added by <@${lead.createdBy}>` : 'from your lead form';

/** R2: the owner hears of a lead they did not add themselves at once — who, from where, what they asked. */
export function arrivalAlert(lead: ArrivalLead): AlertMessage {
  const asked = lead.note ? `\n> ${escapeSlackText(clip(lead.note, NOTE_SHOWN)).replace(/\n/g, '\n> ')}` : '';
  return {
    text: `New lead for you: ${plainName(lead)} — reach out within the hour`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `:wave: *New lead for you:* ${nameOf(lead)} (${leadSummary(lead)}), ${fromWhere(lead)}.${contactLine(lead)}${asked}` },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Reach out within the hour: a first contact that fast makes a real conversation about 7× more likely.' }] },
      logButton(lead.id),
    ],
  };
}

function listed(leads: ArrivalLead[], line: (lead: ArrivalLead) => string, withButtons: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const lead of leads.slice(0, MAX_LEADS_LISTED)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: line(lead) } });
    if (withButtons) blocks.push(logButton(lead.id));
  }
  if (leads.length > MAX_LEADS_LISTED) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${leads.length - MAX_LEADS_LISTED} more — /followup queue` }] });
  }
  return blocks;
}

/** R2, an hour on: the owner's reminder, one message for all their leads still untouched. */
export function speedToLeadReminder(leads: ArrivalLead[], now: Date): AlertMessage {
  const head = leads.length === 1 ? `${plainName(leads[0]!)} is still waiting for a first contact` : `${plural(leads.length, 'new lead')} still waiting for a first contact`;
  return {
    text: `:alarm_clock: ${head}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:alarm_clock: *Still untouched after an hour* — every hour now makes a conversation less likely.` } },
      ...listed(leads, (l) => `${nameOf(l)} (${leadSummary(l)}) came in ${duration(now.getTime() - l.createdAt.getTime())} ago, ${fromWhere(l)}.${contactLine(l)}`, true),
    ],
  };
}

/** R2/R15: the manager's note, one message for all the team's leads that missed the hour. */
export function speedToLeadManagerNote(leads: ArrivalLead[], now: Date): AlertMessage {
  return {
    text: `Speed to lead: ${plural(leads.length, 'new lead')} untouched after an hour`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*Speed to lead:* ${plural(leads.length, 'new lead')} untouched after an hour.` } },
      ...listed(leads, (l) => `${nameOf(l)} (${leadSummary(l)}) — <@${l.ownerId}>, came in ${duration(now.getTime() - l.createdAt.getTime())} ago`, false),
    ],
  };
}
