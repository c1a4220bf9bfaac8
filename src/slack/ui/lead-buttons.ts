import type { ActionsBlock } from '@slack/types';

// The buttons on a queue item (morning DM, App Home). Values carry only the lead's id:
// every click re-checks who owns it.
export const BUTTON = {
  logTouch: 'lead_log_touch',
  setNext: 'lead_set_next',
  snooze: 'lead_snooze',
  done: 'lead_done',
} as const;

export const SNOOZE_CHOICES = [
  { value: '1d', label: '1 day', days: 1 },
  { value: '3d', label: '3 days', days: 3 },
  { value: '1w', label: '1 week', days: 7 },
  { value: 'pick', label: 'Pick a date…', days: 0 },
] as const;

export function leadButtons(leadId: string, opts: { done: boolean }): ActionsBlock {
  const button = (action_id: string, text: string) => ({ type: 'button' as const, action_id, value: leadId, text: { type: 'plain_text' as const, text } });
  return {
    type: 'actions',
    block_id: `lead:${leadId}`,
    elements: [
      button(BUTTON.logTouch, 'Log touch'),
      button(BUTTON.setNext, 'Set next step'),
      {
        type: 'overflow',
        action_id: BUTTON.snooze,
        options: SNOOZE_CHOICES.map((c) => ({ text: { type: 'plain_text' as const, text: `Snooze ${c.label}` }, value: `${leadId}|${c.value}` })),
      },
      ...(opts.done ? [button(BUTTON.done, 'Done')] : []),
    ],
  };
}
