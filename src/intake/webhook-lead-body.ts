import { z } from 'zod';
import { TIERS } from '../domain/vocabulary.js';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullish()
    .transform((s) => s ?? null);

// Web forms often send numbers as text: "12000" and "12,000.50" are read as numbers, nothing looser.
const amount = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,3}(,?\d{3})*(\.\d+)?\s*$/.test(v) ? Number(v.replace(/[,\s]/g, '')) : v),
  z.number({ error: 'value must be a number' }).min(0, 'value must be 0 or more').max(1_000_000_000, 'value is at most 1,000,000,000').nullish(),
);

/** The JSON body of POST /leads. Unknown fields are ignored: form tools send extras. */
export const webhookLeadBody = z.object({
  name: z
    .string({ error: (issue) => (issue.input === undefined ? 'name is required' : 'name must be text') })
    .trim()
    .min(1, 'name is required')
    .max(200, 'name is at most 200 characters'),
  company: text(200, 'company'),
  email: text(254, 'email').refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'email is not an e-mail address'),
  phone: text(50, 'phone'),
  tier: z.enum(TIERS, { error: `tier must be one of ${TIERS.join(', ')}` }).nullish(),
  value: amount,
  owner: text(254, 'owner'),
  source: text(200, 'source'),
  note: text(2000, 'note'),
  // R11: who referred this lead.
  referred_by: text(200, 'referred_by'),
  external_id: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(200, 'external_id')),
});
export type WebhookLeadBody = z.output<typeof webhookLeadBody>;

/** Zod's issues as { field: message }, what a 400 answers with. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}
