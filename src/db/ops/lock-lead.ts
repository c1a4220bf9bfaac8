import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { DomainError } from '../errors.js';
import { claimRequest } from './claim-request.js';
import { leads, type Lead } from '../schema.js';

export interface LeadAccess {
  teamId: string;
  leadId: string;
  actorId: string;
  /** Managers may act on any lead of their team (reassign, delete). */
  actorIsManager?: boolean;
  /** Closed-as-lost leads refuse everything but what says otherwise. */
  allowLost?: boolean;
}

/**
 * Locks a lead for change after checking who asks (R13: a rep acts on their own leads only).
 * Scoped by team id, so no data crosses workspaces.
 */
export async function lockLead(tx: Tx, access: LeadAccess): Promise<Lead> {
  const [lead] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, access.leadId), eq(leads.teamId, access.teamId)))
    .for('update');
  if (!lead || (lead.ownerId !== access.actorId && !access.actorIsManager)) {
    throw new DomainError("That's not your lead, so nothing was changed.", 'not_found');
  }
  if (lead.status === 'lost' && !access.allowLost) throw new DomainError(`${lead.name} was closed as lost.`, 'closed');
  return lead;
}

/** A Slack trigger/view id seen before means a double click: refuse before writing anything. */
export async function claimOnce(tx: Tx, teamId: string, requestKey: string | null, kind: string, message: string): Promise<void> {
  if (requestKey && !(await claimRequest(tx, teamId, requestKey, kind))) throw new DomainError(message, 'duplicate_request');
}
