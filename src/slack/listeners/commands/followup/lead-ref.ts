import type { LeadMatch } from '../../../parse/command.js';
import { escapeSlackText, quoteUserText } from '../../../parse/slack-text.js';

type Unresolved = Exclude<LeadMatch, { kind: 'found' }>;

/** Why a `<lead>` reference named no single lead, in words a rep can act on. */
export function leadRefProblem(match: Unresolved): string {
  switch (match.kind) {
    case 'missing':
      return 'Which lead? Give its name first (in double quotes if it has spaces).';
    case 'unknown':
      return `You have no lead called "${quoteUserText(match.ref)}". Add it first with \`/followup add ${quoteUserText(match.ref)}\`.`;
    case 'ambiguous': {
      const names = match.candidates.map((c) => `"${escapeSlackText(c.name)}"`).join(', ');
      return `"${quoteUserText(match.ref)}" could be any of ${names}. Type more of the name, or put it in double quotes.`;
    }
  }
}
