import { leadCandidates } from '../../../../db/queries/lead-candidates.js';
import { resolveLeadRef } from '../../../parse/lead-ref.js';
import { parseLogTail } from '../../../parse/log.js';
import { logTouchReply } from '../../../log-touch-reply.js';
import { logModal } from '../../../ui/log-modal.js';
import { refuse, reply } from '../../../reply.js';
import type { Subcommand } from './context.js';
import { leadRefProblem } from './lead-ref.js';

export const log: Subcommand = async (ctx) => {
  // No arguments: the log form, within the trigger's 3 seconds.
  if (!ctx.args.trim()) {
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: logModal() });
    return reply('');
  }
  const { db } = ctx.services.database;
  const match = resolveLeadRef(ctx.args, await leadCandidates(db, ctx.teamId, ctx.userId));
  if (match.kind !== 'found') return refuse(leadRefProblem(match), 'log');
  const parsed = parseLogTail(match.rest, { now: ctx.now, zone: ctx.zone });
  if (!parsed.ok) return refuse(parsed.error, 'log');
  return logTouchReply(ctx.services, {
    rep: ctx.rep,
    leadId: match.lead.id,
    ...parsed.value,
    theirs: null,
    requestKey: ctx.requestKey,
    zone: ctx.zone,
    now: ctx.now,
  });
};
