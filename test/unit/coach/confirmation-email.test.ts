import { describe, expect, it } from 'vitest';
import { confirmationEmail } from '../../../src/coach/index.js';
import { NOW, ZONE } from './fixtures.js';

const friday = new Date('2026-11-28T04:59:59.999Z'); // end of Fri 27 Nov in New York
const base = { leadName: 'Acme Corp', repName: 'Ana Ruiz', outcome: 'agreed a demo for the sales team', theirCommitment: null };

describe('R14 the confirmation e-mail', () => {
  it('names what was agreed and both sides\' next steps with their dates', () => {
    const { subject, body } = confirmationEmail(
      { ...base, repStep: { action: 'send demo slots', dueAt: friday, allDay: true }, theirCommitment: 'send the list of attendees' },
      ZONE,
      NOW,
    );
    expect(subject).toBe('Next steps: send demo slots by Friday 27 November');
    expect(body).toContain('Hi Acme Corp,');
    expect(body).toContain('agreed a demo for the sales team.');
    expect(body).toContain('- I will send demo slots by Friday 27 November.');
    expect(body).toContain('- You will send the list of attendees by Friday 27 November.');
    expect(body.trim().endsWith('Ana Ruiz')).toBe(true);
  });

  it('a timed step gives its time in the rep\'s zone, and the year when it is not this one', () => {
    const at = new Date('2027-01-05T19:00:00Z');
    const ny = confirmationEmail({ ...base, repStep: { action: 'call', dueAt: at, allDay: false } }, ZONE, NOW);
    expect(ny.subject).toBe('Next steps: call by Tuesday 5 January 2027 at 14:00');
    const berlin = confirmationEmail({ ...base, repStep: { action: 'call', dueAt: at, allDay: false } }, 'Europe/Berlin', NOW);
    expect(berlin.subject).toContain('at 20:00');
  });

  it('with no step set, it thanks them and lists no next steps', () => {
    const { subject, body } = confirmationEmail({ ...base, outcome: null, repStep: null }, ZONE, NOW);
    expect(subject).toBe('Thank you for your time today');
    expect(body).not.toContain('Next steps');
    expect(body).not.toMatch(/null|undefined|\bR\d+\b/);
  });
});
