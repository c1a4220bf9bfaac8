import { refuse } from '../../../reply.js';
import { deleteConfirmation } from '../../../ui/delete-confirmation.js';
import type { Subcommand } from './context.js';
import { isReply, resolveOwnLead } from './lead-ref.js';

// For prospects who ask to be forgotten. Nothing is erased until the confirm button is pressed.
export const del: Subcommand = async (ctx) => {
  const found = await resolveOwnLead(ctx, 'delete', ctx.rep.isManager ? 'team' : 'own');
  if (isReply(found)) return found;
  if (found.rest.trim()) return refuse('`delete` takes only a lead name.', 'delete');
  return deleteConfirmation(found.lead);
};
