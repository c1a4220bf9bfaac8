import { describe, expect, it } from 'vitest';
import type { Lead, NextStep } from '../../../../src/db/schema.js';
import { HANDOVER_LIST_MAX, handoverAllText, handoverText, linesMessage } from '../../../../src/slack/ui/handover.js';

const now = new Date('2026-11-25T15:00:00Z');
const zone = 'America/New_York';
const lead = (name: string) => ({ name }) as Lead;
const step = { action: 'send proposal', dueAt: new Date('2026-11-28T04:59:59.999Z'), promised: true, theirCommitment: null } as NextStep;

describe('R13: the handover DM', () => {
  it('names the lead, who handed it over and whose it was, and its open step', () => {
    expect(handoverText({ lead: lead('Acme'), openStep: step, managerId: 'UMGR', fromOwnerId: 'UBO' }, zone, now)).toBe(
      "<@UMGR> handed *Acme* over to you (it was <@UBO>'s).\nIts next step: send proposal by Fri 27 Nov (promised).\nIts history: `/followup show \"Acme\"`.",
    );
    expect(handoverText({ lead: lead('Acme'), openStep: null, managerId: 'UMGR', fromOwnerId: 'UMGR' }, zone, now)).toContain(
      'It has no next step yet: set one with `/followup next "Acme" <action> by <date>`.',
    );
  });

  it('lists the leads of a reassign all in one DM, bounded, counting the rest', () => {
    const leads = Array.from({ length: HANDOVER_LIST_MAX + 5 }, (_, i) => ({ lead: lead(`Lead ${i}`), openStep: i === 0 ? step : null }));
    const text = handoverAllText({ leads, managerId: 'UMGR', fromOwnerId: 'UBO' }, zone, now);
    expect(text.split('\n')[0]).toBe(`<@UMGR> handed you ${HANDOVER_LIST_MAX + 5} leads that were <@UBO>'s:`);
    expect(text).toContain('• *Lead 0* — next step: send proposal by Fri 27 Nov (promised)');
    expect(text).toContain('• *Lead 1* — no next step yet');
    expect(text).not.toContain(`Lead ${HANDOVER_LIST_MAX}*`);
    expect(text).toContain('…and 5 more; each comes into your queue when its next step falls due.');
    const msg = linesMessage(text);
    for (const b of msg.blocks as any[]) expect(b.text.text.length).toBeLessThanOrEqual(2900);
  });
});
