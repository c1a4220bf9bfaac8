import type { KnownBlock } from '@slack/types';
import type { Reply } from '../reply.js';
import { escapeSlackText } from '../parse/slack-text.js';

export const DELETE_CONFIRM_ACTION = 'lead_delete_confirm';
export const DELETE_CANCEL_ACTION = 'lead_delete_cancel';

/** The question before erasing a lead; the button carries only the lead's id, re-checked on click. */
export function deleteConfirmation(lead: { id: string; name: string }): Reply {
  const name = escapeSlackText(lead.name);
  const text = `Delete *${name}* and all its touches and next steps? This cannot be undone.`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: DELETE_CONFIRM_ACTION, style: 'danger', value: lead.id, text: { type: 'plain_text', text: 'Delete for good' } },
        { type: 'button', action_id: DELETE_CANCEL_ACTION, value: lead.id, text: { type: 'plain_text', text: 'Keep it' } },
      ],
    },
  ];
  return { text, blocks };
}
