import { refuse, reply } from '../../../reply.js';
import { importModal } from '../../../ui/import-modal.js';
import type { Subcommand } from './context.js';

/** `/followup import`: a manager's import form (a CSV can also simply be dropped into the app's DM). */
export const importLeadsCommand: Subcommand = async (ctx) => {
  if (!ctx.rep.isManager) return refuse('Only managers can import leads. Ask a manager, or add leads with `/followup add`.');
  await ctx.client.views.open({ trigger_id: ctx.triggerId, view: importModal(ctx.userId) });
  return reply('');
};
