// Free text typed in Slack (names, outcomes, notes): what can be stored, and when it is blank.
import { fail, type ParseResult } from './parse-result.js';
import { markupToText, unescapeSlackText } from './slack-text.js';

export const CONTROL = /\p{Cc}/u;
// Overrides and isolates make text display unlike what is stored; plain marks (LRM/RLM) are fine.
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
// Zero-width spaces, joiners, direction marks, BOM…: text made only of these is empty.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

export const isBlank = (s: string) => s.replace(INVISIBLE, '') === '';

/**
 * A free-text field as typed in Slack: markup back to text, unescaped, whitespace runs collapsed,
 * then checked. What passes is kept verbatim (O'Brien & Sons, Zoë, emoji, SQL-looking text).
 */
export function textField(raw: string, label: string, max: number): ParseResult<string> {
  const value = unescapeSlackText(markupToText(raw)).replace(/\s+/g, ' ').trim();
  if (!value.isWellFormed() || CONTROL.test(value) || BIDI_OVERRIDE.test(value)) {
    return fail(`The ${label} contains control or text-direction characters I can't store; please retype it.`);
  }
  if (isBlank(value)) return fail(value ? `The ${label} has only invisible characters.` : `The ${label} is empty.`);
  // UTF-16 length, as the database layer's zod limits count it.
  if (value.length > max) return fail(`The ${label} is too long: at most ${max.toLocaleString('en-US')} characters.`);
  return { ok: true, value };
}

