// What one imported row becomes, validated with the same limits as a lead added in Slack, and a
// failed validation in the words of a rejection reason.
import { z } from 'zod';
import { addLeadInput } from '../db/ops/add-lead.js';
import { nextStepInput } from '../db/ops/log-touch.js';
import { LEAD_STATUSES } from '../domain/vocabulary.js';

/** What one row becomes, validated with the same limits as a lead added in Slack. */
export const leadCandidate = addLeadInput
  .pick({ name: true, tier: true, value: true, company: true, email: true, phone: true, source: true, referredBy: true })
  .extend({
    note: z.string().max(2000).nullable(),
    status: z.enum(LEAD_STATUSES),
    externalId: z.string().max(200).nullable(),
    /** The row said which tier (a word that maps): only then is a matched lead's tier updated. */
    tierGiven: z.boolean(),
    createdAt: z.date().nullable(),
    touchCount: z.number().int().min(0).max(1_000_000),
    firstTouchAt: z.date().nullable(),
    lastTouchAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    next: nextStepInput.nullable(),
  });
export type LeadCandidate = z.output<typeof leadCandidate>;

const LABELS: Record<string, string> = {
  name: 'name', company: 'company', email: 'e-mail', phone: 'phone', source: 'source', note: 'note', referredBy: 'referred by',
  externalId: 'external id', touchCount: 'touch count', next: 'next step',
};

/** A failed check as a rejection reason: the field in words, then what is wrong with it. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = LABELS[String(issue.path[0])] ?? String(issue.path[0]);
  if (issue.code === 'too_big' && issue.origin === 'string') return `${label} is longer than ${String(issue.maximum)} characters`;
  return `${label}: ${issue.message}`;
}
