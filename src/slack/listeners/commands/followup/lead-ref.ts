import { leadCandidates, teamLeadCandidates } from '../../../../db/queries/lead-candidates.js';
import { resolveLeadRef, type LeadCandidate, type LeadMatch } from '../../../parse/lead-ref.js';
import { refuse, type Reply } from '../../../reply.js';
import type { CommandContext } from './context.js';
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

/** Resolves the `<lead>` at the start of the rep's words among their own leads, or says why not. */
export async function resolveOwnLead(
  ctx: CommandContext,
  sub: string,
  scope: 'own' | 'team' = 'own',
): Promise<{ lead: LeadCandidate; rest: string } | Reply> {
  const { db } = ctx.services.database;
  const candidates = scope === 'team' ? await teamLeadCandidates(db, ctx.teamId) : await leadCandidates(db, ctx.teamId, ctx.userId);
  const match = resolveLeadRef(ctx.args, candidates);
  if (match.kind !== 'found') return refuse(leadRefProblem(match), sub);
  return { lead: match.lead, rest: match.rest };
}

export const isReply = (x: object): x is Reply => 'text' in x;
