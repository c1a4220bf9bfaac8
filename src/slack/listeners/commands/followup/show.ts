import { leadInspections } from '../../../../db/queries/inspections.js';
import { leadHistory } from '../../../../db/queries/lead-history.js';
import { refuse, reply } from '../../../reply.js';
import { leadDetailsText } from '../../../ui/lead-details.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

// A manager may view the team's leads; a rep their own (R13).
export const show: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'show', ctx.rep.isManager ? 'team' : 'own');
  if (isReply(found)) return found;
  if (found.rest.trim()) return refuse('`show` takes only a lead name.', 'show');
  const history = await leadHistory(ctx.services.database.db, ctx.teamId, found.lead.id);
  if (!history) return refuse('That lead is gone.', 'show');
  const looks = await leadInspections(ctx.services.database.db, ctx.teamId, found.lead.id);
  return reply(leadDetailsText(history, ctx.zone, ctx.now, looks));
};
