import { z } from 'zod';
import { TIERS } from '../../domain/vocabulary.js';
import type { Db } from '../client.js';
import { DomainError, isUniqueViolation } from '../errors.js';
import { leads, type Lead } from '../schema.js';
import { claimRequest } from './claim-request.js';

export const addLeadInput = z.object({
  teamId: z.string().min(1),
  ownerId: z.string().min(1),
  createdBy: z.string().min(1),
  name: z.string().trim().min(1, 'a lead needs a name').max(200, 'a name is at most 200 characters'),
  tier: z.enum(TIERS).default('new'),
  value: z.number().min(0).max(1_000_000_000).nullable().default(null),
  company: z.string().max(200).nullable().default(null),
  email: z.string().max(254).nullable().default(null),
  phone: z.string().max(50).nullable().default(null),
  source: z.string().max(200).nullable().default(null),
  imported: z.boolean().default(false),
  inbound: z.boolean().default(false),
  referredBy: z.string().max(200).nullable().default(null),
  /** Slack trigger id: a repeat of the same request writes nothing. */
  requestKey: z.string().nullable().default(null),
  now: z.date(),
});
export type AddLeadInput = z.input<typeof addLeadInput>;

export async function addLead(db: Db, raw: AddLeadInput): Promise<Lead> {
  const input = addLeadInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      if (input.requestKey && !(await claimRequest(tx, input.teamId, input.requestKey, 'add'))) {
        throw new DomainError('That request was already handled.', 'duplicate_request');
      }
      const [lead] = await tx
        .insert(leads)
        .values({
          teamId: input.teamId,
          ownerId: input.ownerId,
          createdBy: input.createdBy,
          name: input.name,
          tier: input.tier,
          value: input.value,
          company: input.company,
          email: input.email,
          phone: input.phone,
          source: input.source,
          imported: input.imported,
          inbound: input.inbound,
          referredBy: input.referredBy,
          // R2: a lead someone else added for this owner is an arrival they must hear of.
          alertOwner: !input.imported && input.ownerId !== input.createdBy,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning();
      return lead!;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'leads_owner_name_uq')) {
      throw new DomainError(`There is already a lead called "${input.name}" for that owner.`, 'duplicate_name');
    }
    throw err;
  }
}
