import type { ModalView } from '@slack/types';
import { escapeSlackText } from '../parse/slack-text.js';

export const SNOOZE_MODAL = 'snooze_pick';
export const SNOOZE_DATE = 'snooze_until';

export function snoozeModal(lead: { id: string; name: string }): ModalView {
  return {
    type: 'modal',
    callback_id: SNOOZE_MODAL,
    private_metadata: lead.id,
    title: { type: 'plain_text', text: 'Snooze' },
    submit: { type: 'plain_text', text: 'Snooze' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Snooze *${escapeSlackText(lead.name)}* until the morning of:` } },
      { type: 'input', block_id: SNOOZE_DATE, label: { type: 'plain_text', text: 'Date' }, element: { type: 'datepicker', action_id: SNOOZE_DATE } },
    ],
  };
}
