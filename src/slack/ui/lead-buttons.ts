import type { ActionsBlock, Button } from '@slack/types';

// The buttons on a queue item (morning DM, App Home). Values carry only the lead's id:
// every click re-checks who owns it.
export const BUTTON = {
  logTouch: 'lead_log_touch',
  setNext: 'lead_set_next',
  snooze: 'lead_snooze',
  done: 'lead_done',
  // R4: the prospect's side of the open step, without completing the rep's.
  theirKept: 'lead_their_kept',
  theirMissed: 'lead_their_missed',
  // R9: four or more touches since they last engaged — a new approach, or close it.
  changeApproach: 'lead_change_approach',
  closeLost: 'lead_close_lost',
  // R14: the confirmation e-mail, for a lead with no address to send it to.
  emailDraft: 'lead_email_draft',
} as const;

export const SNOOZE_CHOICES = [
  { value: '1d', label: '1 day', days: 1 },
  { value: '3d', label: '3 days', days: 3 },
  { value: '1w', label: '1 week', days: 7 },
  { value: 'pick', label: 'Pick a date…', days: 0 },
] as const;

export interface ButtonOffers {
  done: boolean;
  theirSide?: boolean;
  changeApproach?: boolean;
}

const button = (leadId: string, action_id: string, text: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  action_id,
  value: leadId,
  text: { type: 'plain_text', text },
  ...extra,
});

/** At most 8 elements: well within an actions block's 25. */
export function leadButtons(leadId: string, opts: ButtonOffers): ActionsBlock {
  return {
    type: 'actions',
    block_id: `lead:${leadId}`,
    elements: [
      button(leadId, BUTTON.logTouch, 'Log touch'),
      button(leadId, BUTTON.setNext, 'Set next step'),
      {
        type: 'overflow',
        action_id: BUTTON.snooze,
        options: SNOOZE_CHOICES.map((c) => ({ text: { type: 'plain_text' as const, text: `Snooze ${c.label}` }, value: `${leadId}|${c.value}` })),
      },
      ...(opts.done ? [button(leadId, BUTTON.done, 'Done')] : []),
      ...(opts.theirSide
        ? [button(leadId, BUTTON.theirKept, 'They did their part', { style: 'primary' }), button(leadId, BUTTON.theirMissed, "They didn't")]
        : []),
      ...(opts.changeApproach
        ? [
            button(leadId, BUTTON.changeApproach, 'Change approach'),
            button(leadId, BUTTON.closeLost, 'Close it lost', {
              style: 'danger',
              confirm: {
                title: { type: 'plain_text', text: 'Close it lost?' },
                text: { type: 'plain_text', text: 'It leaves your queue and your warnings.' },
                confirm: { type: 'plain_text', text: 'Close it lost' },
                deny: { type: 'plain_text', text: 'Keep it' },
                style: 'danger',
              },
            }),
          ]
        : []),
    ],
  };
}
