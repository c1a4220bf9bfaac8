// `/followup log <lead> <channel> …`: what follows the lead.
import { ALL_SIGNALS, POSITIVE_SIGNALS, SIGNALS, TOUCH_CHANNELS, type AnySignal, type TouchChannel, type TouchDirection } from '../../domain/vocabulary.js';
import { takeNextClause, type NextStepArgs } from './next-step.js';
import { fail, orList, type ParseResult } from './parse-result.js';
import { quoteUserText } from './slack-text.js';
import { isBlank, textField } from './text-field.js';

export interface LogArgs {
  channel: TouchChannel;
  outcome: string | null;
  next: NextStepArgs | null;
  /** Poor-prospect (docs/rules.md#r10) and positive (docs/rules.md#r9) tags, in the order typed. */
  signals: AnySignal[];
  /** `inbound` right after the channel: they reached out (docs/rules.md#r9). */
  direction: TouchDirection;
}

// `signals:vague,no-time`, also `signals: vague, no-time`; empty items (a stray comma) are ignored.
const SIGNALS_TOKEN = /(?:^|\s)signals:[^\S\n]*([^\s,]*(?:[^\S\n]*,[^\S\n]*[^\s,]*)*)/gi;

/** What follows the lead in `/followup log`: channel, `inbound`, outcome, `next: …`, `signals:…`. */
export function parseLogTail(tail: string, ctx: { now: Date; zone: string }): ParseResult<LogArgs> {
  const m = /^(\S+)([\s\S]*)$/.exec(tail.trim());
  if (!m) return fail(`Say how you reached them: ${orList(TOUCH_CHANNELS)}.`);
  const word = m[1]!.replace(/[:,.;]+$/, '');
  const channel = TOUCH_CHANNELS.find((c) => c === word.toLowerCase());
  if (!channel) return fail(`"${quoteUserText(word)}" is not a way of reaching someone I know: use ${orList(TOUCH_CHANNELS)}.`);

  // `inbound`, right after the channel: they reached out, not us.
  const inbound = /^\s+inbound(?=[\s,.;:]|$)[,.;:]?/i.exec(m[2]!);
  const after = inbound ? m[2]!.slice(inbound[0].length) : m[2]!;
  const tags: string[] = [];
  let sawSignals = false;
  let rest = after.replace(SIGNALS_TOKEN, (_, list: string) => {
    sawSignals = true;
    tags.push(...list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));
    return ' ';
  });
  if (sawSignals && tags.length === 0) return fail(`Name the signals after signals:, e.g. signals:vague,no-time.`);
  const signals: AnySignal[] = [];
  for (const tag of tags) {
    const signal = ALL_SIGNALS.find((s) => s === tag);
    if (!signal) {
      return fail(
        `"${quoteUserText(tag)}" is not a signal I know. Good signs: ${orList(POSITIVE_SIGNALS)}. Poor signs: ${orList(SIGNALS)}.`,
      );
    }
    if (!signals.includes(signal)) signals.push(signal);
  }

  const cut = takeNextClause(rest, ctx);
  if (!cut.ok) return cut;
  const { next } = cut.value;
  rest = cut.value.rest;
  let outcome: string | null = null;
  if (!isBlank(rest)) {
    const checked = textField(rest, 'outcome', 2000);
    if (!checked.ok) return checked;
    outcome = checked.value;
  }
  return { ok: true, value: { channel, outcome, next, signals, direction: inbound ? 'inbound' : 'outbound' } };
}
