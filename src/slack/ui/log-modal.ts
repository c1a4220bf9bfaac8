import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { POSITIVE_SIGNAL_LABEL, POSITIVE_SIGNALS, SIGNAL_LABEL, SIGNALS, TOUCH_CHANNEL_LABEL, TOUCH_CHANNELS } from '../../domain/vocabulary.js';
import { escapeSlackText } from '../parse/slack-text.js';

export const LOG_MODAL = 'log_touch';
export const NEXT_MODAL = 'set_next_step';
export const LEAD_SELECT = 'lead_select';

// block_id / action_id pairs the submission handler reads back.
export const F = {
  lead: 'lead',
  channel: 'channel',
  outcome: 'outcome',
  action: 'next_action',
  date: 'next_date',
  time: 'next_time',
  promised: 'promised',
  theirs: 'their_commitment',
  signals: 'signals',
  goodSignals: 'good_signals',
  inbound: 'inbound',
  theirDid: 'their_did',
} as const;

/** "Did they do their part?" — the answers, read back by the form (docs/rules.md#r4). */
export const THEIR_DID = [
  { value: 'kept', label: 'Yes, they did' },
  { value: 'missed', label: "No, they didn't" },
  { value: 'not-yet', label: 'Not yet' },
] as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });
export const leadOption = (lead: { id: string; name: string }): PlainTextOption => ({ text: plain(lead.name), value: lead.id });

function input(blockId: string, label: string, element: object, optional = true, hint?: string, dispatch = false): KnownBlock {
  return {
    type: 'input', block_id: blockId, optional, label: plain(label), element,
    ...(hint ? { hint: plain(hint) } : {}),
    ...(dispatch ? { dispatch_action: true } : {}),
  } as KnownBlock;
}

/** The next-step fields, shared by the log modal and the small "Set next step" modal. */
export function nextStepBlocks(required: boolean): KnownBlock[] {
  return [
    input(F.action, 'Next step', { type: 'plain_text_input', action_id: F.action, max_length: 500, placeholder: plain('send proposal') }, !required),
    input(F.date, 'Due date', { type: 'datepicker', action_id: F.date }, !required, 'Leave empty after a log and the coach proposes one.'),
    input(F.time, 'Time (optional)', { type: 'timepicker', action_id: F.time }),
    input(F.promised, 'Promise', {
      type: 'checkboxes',
      action_id: F.promised,
      options: [{ text: plain('I promised this to the customer'), value: 'promised' }],
    }),
    input(F.theirs, 'What they agreed to do (optional)', { type: 'plain_text_input', action_id: F.theirs, max_length: 500 }),
  ];
}

/** The prospect's side of the step this touch completes: asked only when there is one pending. */
function theirDidBlock(commitment: string): KnownBlock {
  return input(
    F.theirDid,
    'Did they do their part?',
    { type: 'radio_buttons', action_id: F.theirDid, options: THEIR_DID.map((o) => ({ text: plain(o.label), value: o.value })) },
    true,
    `They agreed to: ${commitment}`,
  );
}

/** The log modal: a rep logs a touch in seconds without remembering the syntax. Pre-filled from a button. */
export function logModal(opts: { lead?: { id: string; name: string }; pendingCommitment?: string | null } = {}): ModalView {
  return {
    type: 'modal',
    callback_id: LOG_MODAL,
    title: plain('Log a touch'),
    submit: plain('Log it'),
    close: plain('Cancel'),
    blocks: [
      input(
        F.lead,
        'Lead',
        {
          type: 'external_select',
          action_id: LEAD_SELECT,
          min_query_length: 0,
          placeholder: plain('Type to search your leads'),
          ...(opts.lead ? { initial_option: leadOption(opts.lead) } : {}),
        },
        false,
        undefined,
        // Choosing a lead redraws the form, asking about their side when the lead's step has one pending.
        true,
      ),
      input(
        F.channel,
        'How',
        { type: 'static_select', action_id: F.channel, options: TOUCH_CHANNELS.map((c) => ({ text: plain(TOUCH_CHANNEL_LABEL[c]), value: c })) },
        false,
      ),
      input(F.inbound, 'Who reached out', {
        type: 'checkboxes',
        action_id: F.inbound,
        options: [{ text: plain('They reached out'), value: 'inbound' }],
      }),
      input(F.outcome, 'Outcome', { type: 'plain_text_input', action_id: F.outcome, multiline: true, max_length: 2000 }),
      ...(opts.pendingCommitment ? [theirDidBlock(opts.pendingCommitment)] : []),
      ...nextStepBlocks(false),
      input(F.goodSignals, 'Good signs', {
        type: 'checkboxes',
        action_id: F.goodSignals,
        options: POSITIVE_SIGNALS.map((s) => ({ text: plain(POSITIVE_SIGNAL_LABEL[s]), value: s })),
      }),
      input(F.signals, 'Poor signs', {
        type: 'checkboxes',
        action_id: F.signals,
        options: SIGNALS.map((s) => ({ text: plain(SIGNAL_LABEL[s]), value: s })),
      }),
    ],
  };
}

/** The small modal behind "Set next step" (and after "Done", and "Change approach"): the lead is fixed, carried as its id. */
export function nextStepModal(lead: { id: string; name: string }, title = 'Set next step', hint?: string): ModalView {
  return {
    type: 'modal',
    callback_id: NEXT_MODAL,
    private_metadata: lead.id,
    title: plain(title),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlackText(lead.name.slice(0, 200))}*` } },
      ...(hint ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: escapeSlackText(hint) }] }] : []),
      ...nextStepBlocks(true),
    ],
  };
}
