import type { KnownBlock, ModalView } from '@slack/types';
import { confirmationEmail } from '../../coach/index.js';
import type { Lead, NextStep, Rep } from '../../db/schema.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { linesMessage } from './handover.js';
import { BUTTON } from './lead-buttons.js';

// docs/rules.md#r14: after a call or a meeting, confirm in writing what was agreed, both sides' steps with their dates.

export interface Email {
  subject: string;
  body: string;
}

/** Touches after which the reply carries a confirmation e-mail. */
export const CONFIRMED_CHANNELS: ReadonlySet<string> = new Set(['call', 'meeting']);

export function draftFor(lead: Pick<Lead, 'name'>, rep: Pick<Rep, 'displayName'> | null, outcome: string | null, step: NextStep | null, zone: string, now: Date): Email {
  return confirmationEmail(
    {
      leadName: lead.name,
      repName: rep?.displayName ?? '',
      outcome,
      repStep: step ? { action: step.action, dueAt: step.dueAt, allDay: step.allDay } : null,
      theirCommitment: step?.theirCommitment ?? null,
    },
    zone,
    now,
  );
}

/** A `mailto:` link with the subject and body filled in; every part percent-encoded, so `|` and `>` cannot end Slack's link. */
export function mailtoUrl(address: string, email: Email): string {
  const to = encodeURIComponent(address).replace(/%40/g, '@');
  return `mailto:${to}?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`;
}

const quote = (text: string) => text.split('\n').map((l) => `>${escapeSlackText(l)}`).join('\n');

/** The e-mail in the reply: a link that opens it ready to send, or, with no address, a button for the draft. */
export function confirmationText(lead: Pick<Lead, 'id' | 'name' | 'email'>, email: Email): string {
  const head = lead.email
    ? `*Confirm it by e-mail* — <${mailtoUrl(lead.email, email)}|open it ready to send to ${escapeSlackText(lead.email)}>`
    : `*Confirm it by e-mail* — there is no e-mail address for ${escapeSlackText(lead.name)}; copy this draft:`;
  return [head, `*Subject:* ${escapeSlackText(email.subject)}`, quote(email.body)].join('\n');
}

/**
 * Blocks for a reply whose lead has no e-mail address: the text in sections of whole lines, then the
 * draft button. (With an address the reply is text alone: a long mailto: link must not be cut at a
 * section's 3,000 characters.)
 */
export function draftButtonBlocks(replyText: string, lead: Pick<Lead, 'id'>): KnownBlock[] {
  return [
    ...linesMessage(replyText).blocks.slice(0, 40),
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: BUTTON.emailDraft, value: lead.id, text: { type: 'plain_text', text: 'Open the draft to copy' } }],
    },
  ];
}

/** The draft in a modal, to select and copy (sections: a modal with inputs would need a submit button). */
export function emailDraftModal(lead: Pick<Lead, 'name'>, email: Email): ModalView {
  const plain = (text: string) => ({ type: 'plain_text' as const, text });
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'plain_text', text: text.slice(0, 2900) || ' ' } });
  return {
    type: 'modal',
    title: plain('Confirmation e-mail'),
    close: plain('Close'),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `For ${escapeSlackText(lead.name.slice(0, 200))}: copy it into your e-mail.` }] },
      { type: 'header', text: plain('Subject') },
      section(email.subject),
      { type: 'header', text: plain('Body') },
      section(email.body),
    ],
  };
}
