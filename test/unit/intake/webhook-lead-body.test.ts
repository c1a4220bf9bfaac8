import { describe, expect, it } from 'vitest';
import { fieldErrors, webhookLeadBody } from '../../../src/intake/webhook-lead-body.js';

const parse = (body: unknown) => webhookLeadBody.safeParse(body);

describe('POST /leads body', () => {
  it('keeps text verbatim, trims it, and reads numbers sent as text', () => {
    const r = parse({ name: "  O'Brien & Sons; DROP TABLE leads;--  ", value: '12,500.50', external_id: 42, company: '', extra: 'ignored' });
    expect(r.success && r.data).toMatchObject({ name: "O'Brien & Sons; DROP TABLE leads;--", value: 12500.5, external_id: '42', company: null, email: null });
    expect(r.success && 'extra' in r.data).toBe(false);
  });

  it('names every bad field', () => {
    const r = parse({ name: 7, email: 'a@b', value: '12k', tier: 'gold', note: 'x'.repeat(2001), phone: ['1'] });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      name: 'name must be text',
      email: 'email is not an e-mail address',
      value: 'value must be a number',
      tier: 'tier must be one of referral, customer, lead, new, cold',
      note: 'note is at most 2000 characters',
      phone: 'phone must be text',
    });
  });

  it('bounds value at 0 and a billion', () => {
    expect(parse({ name: 'a', value: 1_000_000_001 }).success).toBe(false);
    expect(parse({ name: 'a', value: 1_000_000_000 }).success).toBe(true);
    expect(parse({ name: 'a', value: null }).success).toBe(true);
  });

  it('R11: reads who referred the lead, trimmed, and bounds it', () => {
    expect(parse({ name: 'a', referred_by: '  Dana at Beta  ' }).data).toMatchObject({ referred_by: 'Dana at Beta' });
    expect(parse({ name: 'a' }).data).toMatchObject({ referred_by: null });
    const r = parse({ name: 'a', referred_by: 'x'.repeat(201) });
    expect(fieldErrors(r.error!)).toEqual({ referred_by: 'referred_by is at most 200 characters' });
  });
});
