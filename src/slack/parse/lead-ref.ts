// Which lead a command names: the `<lead>` at the start of its text, matched against the rep's leads.
import { leadingQuoted } from './leading-quoted.js';
import { markupToText, unescapeSlackText } from './slack-text.js';
import { isBlank } from './text-field.js';

export interface LeadCandidate {
  id: string;
  name: string;
}
export type LeadMatch =
  | { kind: 'found'; lead: LeadCandidate; rest: string }
  | { kind: 'unknown'; ref: string }
  | { kind: 'ambiguous'; ref: string; candidates: LeadCandidate[] }
  | { kind: 'missing' };

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** What the rep typed, as plain text: lead names are stored unescaped. */
const plainRef = (s: string) => unescapeSlackText(markupToText(s)).replace(/\s+/g, ' ').trim();
// Names are at most 200 characters, so at most 100 words: more leading words can never name a lead.
const MAX_NAME_WORDS = 100;

interface Keyed {
  lead: LeadCandidate;
  key: string;
}
const leadsNamed = (ref: string, keyed: readonly Keyed[]) => keyed.filter((k) => k.key === ref).map((k) => k.lead);
const leadsStarting = (ref: string, keyed: readonly Keyed[]) => keyed.filter((k) => k.key.startsWith(ref)).map((k) => k.lead);

/** A command's `<lead>`: quoted, or the longest run of leading words naming exactly one lead. */
export function resolveLeadRef(rest: string, leads: readonly LeadCandidate[]): LeadMatch {
  const text = rest.trim();
  if (isBlank(text)) return { kind: 'missing' };
  const keyed = leads.map((lead) => ({ lead, key: fold(lead.name) }));

  const quoted = leadingQuoted(text);
  if (quoted && quoted !== 'unclosed') {
    const ref = plainRef(quoted.inner);
    if (!ref) return { kind: 'missing' };
    const exact = leadsNamed(ref.toLowerCase(), keyed);
    const found = exact.length > 0 ? exact : leadsStarting(ref.toLowerCase(), keyed);
    if (found.length === 0) return { kind: 'unknown', ref };
    return found.length === 1 ? { kind: 'found', lead: found[0]!, rest: quoted.after } : { kind: 'ambiguous', ref, candidates: found };
  }

  // An unclosed quote reads as if there were none.
  const body = quoted === 'unclosed' ? text.trimStart().slice(1) : text;
  const words = [...body.matchAll(/\S+/g)].slice(0, MAX_NAME_WORDS);
  const longest = keyed.reduce((max, k) => Math.max(max, k.key.length), 0);
  let ambiguous: { ref: string; candidates: LeadCandidate[] } | null = null;
  for (let k = words.length; k >= 1; k--) {
    const last = words[k - 1]!;
    const end = last.index + last[0].length;
    const ref = plainRef(body.slice(0, end));
    const refKey = ref.toLowerCase();
    if (!refKey || refKey.length > longest) continue;
    const exact = leadsNamed(refKey, keyed);
    const prefix = exact.length === 1 ? exact : leadsStarting(refKey, keyed);
    if (prefix.length === 1) return { kind: 'found', lead: prefix[0]!, rest: body.slice(end).trim() };
    if (prefix.length > 1) ambiguous ??= { ref, candidates: prefix };
  }
  if (ambiguous) return { kind: 'ambiguous', ...ambiguous };
  const first = words[0] ? plainRef(words[0][0]) : '';
  return first ? { kind: 'unknown', ref: first } : { kind: 'missing' };
}
