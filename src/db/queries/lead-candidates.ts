import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads } from '../schema.js';

export interface LeadCandidate {
  id: string;
  name: string;
}

/** The leads a rep's `<lead>` reference can name: their own, not closed as lost (R13). */
export async function leadCandidates(db: Queryable, teamId: string, ownerId: string): Promise<LeadCandidate[]> {
  return db
    .select({ id: leads.id, name: leads.name })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.ownerId, ownerId), ne(leads.status, 'lost')))
    .orderBy(asc(leads.name), asc(leads.id));
}

/** A manager's reach (reassign, delete): every non-lost lead of the team. */
export async function teamLeadCandidates(db: Queryable, teamId: string): Promise<LeadCandidate[]> {
  return db
    .select({ id: leads.id, name: leads.name })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), ne(leads.status, 'lost')))
    .orderBy(asc(leads.name), asc(leads.id));
}
