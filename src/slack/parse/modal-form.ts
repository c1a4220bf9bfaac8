import { DateTime } from 'luxon';
import { safeZone } from '../../coach/local-day.js';
import { ALL_SIGNALS, isOneOf, TOUCH_CHANNELS, type AnySignal, type TouchChannel, type TouchDirection } from '../../domain/vocabulary.js';
import { F } from '../ui/log-modal.js';
import type { NextStepArgs } from './next-step.js';
import { textField } from './text-field.js';

/** What Slack sends back for one input element (only the fields we read). */
export interface InputState {
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
}
export type FormState = Record<string, Record<string, InputState>>;

/** Field errors keyed by block id, as `response_action: errors` wants them. */
export type FieldErrors = Record<string, string>;

const field = (state: FormState, block: string): InputState | undefined => {
  const b = state[block];
  return b ? Object.values(b)[0] : undefined;
};

/** The next-step fields: none filled is "no next step"; a partial one is an error on the missing field. */
export function readNextStep(state: FormState, ctx: { now: Date; zone: string }, errors: FieldErrors): NextStepArgs | null {
  const rawAction = field(state, F.action)?.value ?? '';
  const date = field(state, F.date)?.selected_date ?? null;
  const time = field(state, F.time)?.selected_time ?? null;
  const rawTheirs = field(state, F.theirs)?.value ?? '';
  const promised = (field(state, F.promised)?.selected_options ?? []).some((o) => o.value === 'promised');
  if (!rawAction.trim() && !date && !time && !rawTheirs.trim() && !promised) return null;
  const action = textField(rawAction, 'next step', 500);
  if (!action.ok) errors[F.action] = rawAction.trim() ? action.error : 'Say what you will do next.';
  if (!date) errors[F.date] = 'Pick the date it is due.';
  let theirCommitment: string | null = null;
  if (rawTheirs.trim()) {
    const theirs = textField(rawTheirs, "prospect's commitment", 500);
    if (theirs.ok) theirCommitment = theirs.value;
    else errors[F.theirs] = theirs.error;
  }
  if (!date || !action.ok) return null;
  const zone = safeZone(ctx.zone);
  const day = DateTime.fromISO(date, { zone });
  const t = time ? /^(\d\d):(\d\d)$/.exec(time) : null;
  if (!day.isValid || (time && !t)) {
    errors[F.date] = 'That is not a date I can read.';
    return null;
  }
  const due = t ? day.set({ hour: Number(t[1]), minute: Number(t[2]) }) : day.endOf('day');
  if (due.toMillis() < ctx.now.getTime()) {
    errors[t ? F.time : F.date] = 'That is in the past: pick a date from now on.';
    return null;
  }
  return { action: action.value, dueAt: due.toJSDate(), allDay: !t, promised, theirCommitment };
}

export interface LogForm {
  leadId: string;
  channel: TouchChannel;
  outcome: string | null;
  next: NextStepArgs | null;
  signals: AnySignal[];
  direction: TouchDirection;
  theirs: 'kept' | 'missed' | null;
}

export function readLogForm(state: FormState, ctx: { now: Date; zone: string }): { ok: true; value: LogForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const leadId = field(state, F.lead)?.selected_option?.value ?? '';
  if (!leadId) errors[F.lead] = 'Pick the lead you reached.';
  const channel = field(state, F.channel)?.selected_option?.value ?? '';
  if (!isOneOf(TOUCH_CHANNELS, channel)) errors[F.channel] = 'Pick how you reached them.';
  const rawOutcome = field(state, F.outcome)?.value ?? '';
  let outcome: string | null = null;
  if (rawOutcome.trim()) {
    const checked = textField(rawOutcome, 'outcome', 2000);
    if (checked.ok) outcome = checked.value;
    else errors[F.outcome] = checked.error;
  }
  // Good signs and poor signs are two groups of one list of tags.
  const signals = [...(field(state, F.goodSignals)?.selected_options ?? []), ...(field(state, F.signals)?.selected_options ?? [])]
    .map((o) => o.value)
    .filter((v): v is AnySignal => isOneOf(ALL_SIGNALS, v));
  const direction: TouchDirection = (field(state, F.inbound)?.selected_options ?? []).some((o) => o.value === 'inbound') ? 'inbound' : 'outbound';
  const did = field(state, F.theirDid)?.selected_option?.value;
  const theirs = did === 'kept' || did === 'missed' ? did : null;
  const next = readNextStep(state, ctx, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { leadId, channel: channel as TouchChannel, outcome, next, signals, direction, theirs } };
}
