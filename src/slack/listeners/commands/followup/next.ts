import { setNextStep } from '../../../../db/ops/set-next-step.js';
import { leadCandidates } from '../../../../db/queries/lead-candidates.js';
import { resolveLeadRef } from '../../../parse/lead-ref.js';
import { parseNextStep } from '../../../parse/next-step.js';
import { nextSetText } from '../../../ui/command-replies.js';
import { refuse, reply } from '../../../reply.js';
import type { Subcommand } from './context.js';
import { leadRefProblem } from './lead-ref.js';

export const next: Subcommand = async (ctx) => {
  const { db } = ctx.services.database;
  const match = resolveLeadRef(ctx.args, await leadCandidates(db, ctx.teamId, ctx.userId));
  if (match.kind !== 'found') return refuse(leadRefProblem(match), 'next');
  const parsed = parseNextStep(match.rest, { now: ctx.now, zone: ctx.zone });
  if (!parsed.ok) return refuse(parsed.error, 'next');
  const result = await setNextStep(db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: match.lead.id,
    next: parsed.value,
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(nextSetText(result, ctx.zone, ctx.now), { redraw: [ctx.userId] });
};
