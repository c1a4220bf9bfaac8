import { describe, expect, it } from 'vitest';
import { arrivalAlert, speedToLeadManagerNote, speedToLeadReminder, type ArrivalLead } from '../../../../src/slack/ui/arrival-alert.js';

const NOW = new Date('2026-11-25T15:30:00Z');
const lead = (i: number, over: Partial<ArrivalLead> = {}): ArrivalLead => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Lead ${i}`,
  company: null,
  email: null,
  phone: null,
  tier: 'new',
  value: null,
  source: 'Contact form',
  note: null,
  createdAt: new Date('2026-11-25T14:00:00Z'),
  ownerId: 'U0REP',
  createdBy: null,
  ...over,
});
const sectionTexts = (blocks: unknown[]) => blocks.flatMap((b: any) => (b.text?.text ? [b.text.text] : []));

describe('speed-to-lead messages (R2)', () => {
  it('the arrival alert says who, from where, what they asked, with a Log touch button; user text escaped', () => {
    const m = arrivalAlert(lead(1, { name: '<!channel> & Co', note: 'Call me *now*\n<@U999>', email: 'a@b.test', value: 5000, tier: 'referral' }));
    const text = sectionTexts(m.blocks).join('\n');
    expect(text).toContain('&lt;!channel&gt; &amp; Co');
    expect(text).toContain('Referral · $5,000');
    expect(text).toContain('from Contact form');
    expect(text).toContain('> Call me *now*\n> &lt;@U999&gt;');
    expect(JSON.stringify(m.blocks)).toContain('"action_id":"lead_log_touch"');
    // The notification text is read as markup too: no @channel from a lead's name.
    expect(m.text).toContain('&lt;!channel&gt; &amp; Co');
  });

  it('stays within Block Kit limits for 100 leads with 3,000-character names and notes', () => {
    const many = Array.from({ length: 100 }, (_, i) => lead(i, { name: 'N'.repeat(3000), note: 'x'.repeat(2000) }));
    for (const m of [speedToLeadReminder(many, NOW), speedToLeadManagerNote(many, NOW), arrivalAlert(many[0]!)]) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const t of sectionTexts(m.blocks)) expect(t.length).toBeLessThanOrEqual(3000 + 200);
      expect(m.text.length).toBeLessThanOrEqual(4000);
    }
    expect(JSON.stringify(speedToLeadReminder(many, NOW).blocks)).toContain('…and 80 more');
  });

  it('the manager note names the owner and how long ago', () => {
    const m = speedToLeadManagerNote([lead(1), lead(2, { ownerId: 'U0OTHER' })], NOW);
    expect(m.text).toBe('Speed to lead: 2 new leads untouched after an hour');
    expect(sectionTexts(m.blocks).join('\n')).toMatch(/<@U0REP>, came in 1 hour ago[\s\S]*<@U0OTHER>/);
  });
});
