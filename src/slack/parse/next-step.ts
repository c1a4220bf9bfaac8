// `<action> by <date> [promised] [they: …]`: the next step of `next`, and the `next:` clause of `log` and `done`.
import { parseDueDate, tooLongForADate } from './dates.js';
import { fail, type ParseResult } from './parse-result.js';
import { isBlank, textField } from './text-field.js';

export interface NextStepArgs {
  action: string;
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
}

const WHEN_EXAMPLE = 'e.g. send proposal by friday, or call back on dec 3 2pm';

/** `<action> by <date> [promised] [they: <their commitment>]`, split at the last ` by `/` on ` that reads as a date. */
export function parseNextStep(text: string, ctx: { now: Date; zone: string }): ParseResult<NextStepArgs> {
  let main = text.trim();
  let theirCommitment: string | null = null;
  const they = /(?:^|\s)they:/i.exec(main);
  if (they) {
    const said = main.slice(they.index + they[0].length);
    if (isBlank(said)) return fail('Say what the prospect agreed to after they:, e.g. they: review the proposal.');
    const checked = textField(said, "prospect's commitment", 500);
    if (!checked.ok) return checked;
    theirCommitment = checked.value;
    main = main.slice(0, they.index).trim();
  }
  let promised = false;
  const promisedAtEnd = /(?:^|\s)promised[.!]?$/i.exec(main);
  if (promisedAtEnd) {
    promised = true;
    main = main.slice(0, promisedAtEnd.index).trim();
  }
  if (isBlank(main)) return fail(`Say what you will do and by when, ${WHEN_EXAMPLE}.`);

  const splits = [...main.matchAll(/\s(by|on)(?=\s)/gi)].reverse();
  for (const s of splits) {
    const when = main.slice(s.index + s[0].length);
    if (tooLongForADate(when)) break; // earlier splits only have longer rests
    const date = parseDueDate(when, ctx);
    if (!date.ok && date.reason === 'unreadable') continue;
    if (!date.ok) return date;
    const action = textField(main.slice(0, s.index), 'next step', 500);
    if (!action.ok) return action;
    return { ok: true, value: { action: action.value, dueAt: date.due, allDay: date.allDay, promised, theirCommitment } };
  }
  const onlyDate = /^(by|on)\s/i.test(main) || parseDueDate(main, ctx).ok;
  if (onlyDate) return fail(`Say what you will do before the date, ${WHEN_EXAMPLE}.`);
  return fail(`Say when: end the next step with by <date>, ${WHEN_EXAMPLE}.`);
}

/** Cuts a `next: <action> by <date> …` clause off the end of the text, parsed. */
export function takeNextClause(text: string, ctx: { now: Date; zone: string }): ParseResult<{ rest: string; next: NextStepArgs | null }> {
  const nextAt = /(?:^|\s)next:/i.exec(text);
  if (!nextAt) return { ok: true, value: { rest: text, next: null } };
  const parsed = parseNextStep(text.slice(nextAt.index + nextAt[0].length), ctx);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { rest: text.slice(0, nextAt.index), next: parsed.value } };
}
