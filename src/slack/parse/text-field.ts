import { unescapeSlackText } from './slack-text.js';

export type Checked = { ok: true; value: string } | { ok: false; error: string };

// Control characters and bidi overrides have no place in a lead's text (and can disguise it).
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// Invisible on their own: text made only of these is empty.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/**
 * A free-text field as typed in Slack: unescaped, whitespace runs collapsed, then checked.
 * What passes is kept verbatim (O'Brien & Sons, Zoë, emoji).
 */
export function textField(raw: string, label: string, max: number): Checked {
  const value = unescapeSlackText(raw).replace(/\s+/g, ' ').trim();
  if (!value.isWellFormed() || FORBIDDEN.test(value)) return { ok: false, error: `The ${label} has characters I can't store (control or direction characters).` };
  if (value.replace(INVISIBLE, '') === '') return { ok: false, error: `The ${label} is empty.` };
  if ([...value].length > max) return { ok: false, error: `The ${label} is too long: at most ${max.toLocaleString('en-US')} characters.` };
  return { ok: true, value };
}
