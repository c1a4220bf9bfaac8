import { untouchedArrivalToAlert } from '../db/queries/arrival-leads.js';
import { arrivalAlert, type ArrivalLead } from '../slack/ui/arrival-alert.js';
import { type AlertDeps, LEAD_DM_KIND, type SendOutcome, sendLeadDm } from './lead-dm.js';

export type { AlertDeps } from './lead-dm.js';

/**
 * R2, at once: the owner of a lead they did not add themselves (web form, someone else's add,
 * round-robin) is told now. Once per lead (ledger); a lead already touched needs no alert.
 */
export async function sendArrivalAlert(deps: AlertDeps, teamId: string, leadId: string): Promise<SendOutcome> {
  const lead = await untouchedArrivalToAlert(deps.database.db, teamId, leadId);
  if (!lead) return 'none';
  return alertOwner(deps, teamId, lead);
}

/** The arrival alert about one lead to its owner, once (the speed-to-lead job sends those still owed). */
export function alertOwner(deps: AlertDeps, teamId: string, lead: ArrivalLead): Promise<SendOutcome> {
  return sendLeadDm(deps, LEAD_DM_KIND.arrival, teamId, lead.ownerId, [lead], ([one]) => arrivalAlert(one!));
}
