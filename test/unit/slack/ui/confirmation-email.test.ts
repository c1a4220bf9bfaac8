import { describe, expect, it } from 'vitest';
import { confirmationText, draftButtonBlocks, mailtoUrl } from '../../../../src/slack/ui/confirmation-email.js';

const email = { subject: 'Demo | next steps > Friday & more', body: 'Hello,\n\nI will send slots by Friday 27 November.\nYou will check with your CFO.' };

describe('R14: the confirmation e-mail in the log reply', () => {
  it('builds a mailto: whose subject and body decode to the e-mail exactly', () => {
    const url = mailtoUrl('ana+sales@acme.com', email);
    expect(url.startsWith('mailto:ana%2Bsales@acme.com?subject=')).toBe(true);
    // Nothing in it can end Slack's <url|label> early.
    expect(url).not.toMatch(/[|<> \n]/);
    const params = new URL(url).searchParams;
    expect(params.get('subject')).toBe(email.subject);
    expect(params.get('body')).toBe(email.body);
  });

  it('links it when the lead has an address, and offers the draft button when not', () => {
    const withAddress = confirmationText({ id: 'x', name: 'Acme', email: 'ana@acme.com' }, email);
    expect(withAddress).toMatch(/^\*Confirm it by e-mail\* — <mailto:ana@acme.com\?subject=[^|]+\|open it ready to send to ana@acme.com>/);
    expect(withAddress).toContain('*Subject:* Demo | next steps &gt; Friday &amp; more');
    expect(withAddress).toContain('>I will send slots by Friday 27 November.');

    const without = confirmationText({ id: 'x', name: 'Acme', email: null }, email);
    expect(without).toContain('there is no e-mail address for Acme; copy this draft:');
    expect(without).not.toContain('mailto:');
    const blocks = draftButtonBlocks(`Logged call.\n${'long line '.repeat(400)}\n${without}`, { id: 'x' }) as any[];
    for (const b of blocks.slice(0, -1)) expect(b.text.text.length).toBeLessThanOrEqual(2900);
    expect(blocks.at(-1).elements[0]).toMatchObject({ action_id: 'lead_email_draft', value: 'x' });
    expect(JSON.stringify(blocks)).toContain('copy this draft:');
  });
});
