import { proposeNextFor } from '../../../../coach/cadence.js';
import { logTouch } from '../../../../db/ops/log-touch.js';
import { leadCandidates } from '../../../../db/queries/lead-candidates.js';
import { resolveLeadRef } from '../../../parse/lead-ref.js';
import { parseLogTail } from '../../../parse/log.js';
import { loggedText } from '../../../ui/command-replies.js';
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
  const { channel, outcome, signals, next } = parsed.value;
  const result = await logTouch(db, {
    teamId: ctx.teamId,
    repId: ctx.userId,
    leadId: match.lead.id,
    channel,
    outcome,
    signals,
    next,
    propose: (lead) => proposeNextFor(lead, { now: ctx.now, zone: ctx.zone }),
    requestKey: ctx.requestKey,
    now: ctx.now,
  });
  return reply(loggedText(result, ctx.zone, ctx.now), { redraw: [ctx.userId] });
};
