import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tier } from '../../domain/vocabulary.js';
import type { Db } from '../client.js';
import { DomainError, isUniqueViolation } from '../errors.js';
import { leads, type Lead } from '../schema.js';
import { claimRequest } from './claim-request.js';
import { recordInboundArrival } from './inbound-touch.js';
import { takeRoundRobinOwner } from './round-robin.js';

export interface ReceivedLeadInput {
  teamId: string;
  /** Resolved owner; null hands the lead to the round-robin. */
  ownerId: string | null;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  tier: Tier | null;
  value: number | null;
  source: string | null;
  note: string | null;
  /** R11: who referred this lead. */
  referredBy?: string | null;
  externalId: string | null;
  /** The request's signature: the same request sent twice creates one lead. */
  requestKey: string;
  now: Date;
}

export type ReceivedLead =
  | { status: 'created'; lead: Lead; assigned: 'owner' | 'round-robin' }
  | { status: 'existing'; lead: Lead; matchedBy: 'external_id' | 'email' };

/**
 * A lead from a web form or CRM automation (POST /leads): the same external id, or an open lead with
 * the same e-mail, is the lead already known; otherwise it is created for its owner or the next rep in
 * turn, flagged so its owner hears of it at once (R2). One transaction: nothing half-written.
 */
export async function receiveLead(db: Db, input: ReceivedLeadInput): Promise<ReceivedLead> {
  const existing = async (): Promise<ReceivedLead | null> => {
    if (input.externalId) {
      const [byId] = await db.select().from(leads).where(and(eq(leads.teamId, input.teamId), eq(leads.externalId, input.externalId)));
      if (byId) return { status: 'existing', lead: byId, matchedBy: 'external_id' };
    }
    if (input.email) {
      const [byEmail] = await db
        .select()
        .from(leads)
        .where(and(eq(leads.teamId, input.teamId), eq(sql`lower(${leads.email})`, input.email.toLowerCase()), ne(leads.status, 'lost')))
        .orderBy(leads.createdAt)
        .limit(1);
      if (byEmail) return { status: 'existing', lead: byEmail, matchedBy: 'email' };
    }
    return null;
  };
  const known = await existing();
  // The prospect reached out again: an inbound touch on the lead we hold (docs/rules.md#r9).
  if (known) return { ...known, lead: await recordInboundArrival(db, { teamId: input.teamId, leadId: known.lead.id, note: input.note, source: input.source, requestKey: input.requestKey, now: input.now }) };
  try {
    return await db.transaction(async (tx) => {
      if (!(await claimRequest(tx, input.teamId, `lead-webhook:${input.requestKey}`, 'lead-webhook'))) {
        throw new DomainError('This request was already received (same signature); sign each new request afresh.', 'duplicate_request');
      }
      const ownerId = input.ownerId ?? (await takeRoundRobinOwner(tx, input.teamId, input.now));
      if (!ownerId) {
        throw new DomainError('No rep can take this lead: give an owner, or have reps use /followup first (reps on leave and guests are skipped).', 'invalid');
      }
      const [lead] = await tx
        .insert(leads)
        .values({
          teamId: input.teamId,
          ownerId,
          name: input.name,
          company: input.company,
          email: input.email,
          phone: input.phone,
          tier: input.tier ?? 'new',
          value: input.value,
          source: input.source,
          note: input.note,
          referredBy: input.referredBy ?? null,
          externalId: input.externalId,
          alertOwner: true,
          // R2: they reached out; speed to lead applies.
          inbound: true,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning();
      return { status: 'created', lead: lead!, assigned: input.ownerId ? 'owner' : 'round-robin' } as const;
    });
  } catch (err) {
    // Two deliveries of one external id at once: the one that lost the race answers with the winner.
    if (isUniqueViolation(err, 'leads_external_id_uq')) {
      const winner = await existing();
      if (winner) return winner;
    }
    if (isUniqueViolation(err, 'leads_owner_name_uq')) {
      throw new DomainError(`The owner already has a lead called "${input.name}"; send its email or an external_id to tell them apart.`, 'duplicate_name');
    }
    throw err;
  }
}
