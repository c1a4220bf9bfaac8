import { ownerAlertDue } from '../coach/arrival-times.js';
import { untouchedArrivalToAlert } from '../db/queries/arrival-leads.js';
import { teamWorkTime } from '../db/queries/team-work-week.js';
import { arrivalAlert, type ArrivalLead } from '../slack/ui/arrival-alert.js';
import { type AlertDeps, LEAD_DM_KIND, type SendOutcome, sendLeadDm } from './lead-dm.js';

export type { AlertDeps } from './lead-dm.js';

/**
 * docs/rules.md#r2: the owner of a new inbound lead they did not add themselves (web form, someone
 * else's add, round-robin) is told on arrival when it comes in inside their working hours; otherwise
 * nothing now, and the speed-to-lead job tells them at the start of their next. Once per lead (ledger);
 * a lead already touched needs no alert.
 */
export async function sendArrivalAlert(deps: AlertDeps, teamId: string, leadId: string, now: Date): Promise<SendOutcome> {
  const { db } = deps.database;
  const lead = await untouchedArrivalToAlert(db, teamId, leadId);
  if (!lead) return 'none';
  const { week, zoneOf } = await teamWorkTime(db, teamId, [lead.ownerId]);
  if (!ownerAlertDue(lead.createdAt, now, week, zoneOf(lead.ownerId))) return 'none';
  return alertOwner(deps, teamId, lead);
}

/** The arrival alert about one lead to its owner, once (the speed-to-lead job sends those still owed). */
export function alertOwner(deps: AlertDeps, teamId: string, lead: ArrivalLead): Promise<SendOutcome> {
  return sendLeadDm(deps, LEAD_DM_KIND.arrival, teamId, lead.ownerId, [lead], ([one]) => arrivalAlert(one!));
}
