import { describe, expect, it } from 'vitest';
import type { StallReason, StalledLead } from '../../../../src/coach/stalled.js';
import type { DigestData, DigestRep } from '../../../../src/db/queries/digest-content.js';
import { digestMessages } from '../../../../src/slack/ui/digest-message.js';
import { rankStalled } from '../../../../src/slack/ui/digest-rep.js';
import { lead } from '../../coach/fixtures.js';

// docs/rules.md#r15: the manager's digest, built from data.

const ZONE = 'America/Chicago';
const stalled = (name: string, reason: StallReason, value: number | null, stuckDays: number, others: string[] = []): StalledLead => ({
  lead: lead({ id: name, name, value }),
  stall: { reason, others, detail: `${reason.replace(/-/g, ' ')} ${stuckDays} days`, stuckDays },
});
const figures = (over: Partial<DigestRep['figures']> = {}): DigestRep['figures'] => ({
  open: 12, stalled: 0, stalledValue: 0, parked: 0, promisesKept: 1, promisesDue: 2, touches: 1, withStep: 8, ...over,
});
function rep(over: Partial<DigestRep> = {}): DigestRep {
  return { repId: 'U0ANA', name: 'Ana', away: null, stalled: [], parked: [], figures: figures(), closed: 0, closedMedianTouches: null, picks: [], ...over };
}
function data(over: Partial<DigestData> = {}): DigestData {
  return {
    weekStart: '2026-11-30', from: new Date('2026-11-30T06:00:00Z'), soFar: false, zone: ZONE, now: new Date('2026-12-07T15:05:00Z'),
    teamMedianValue: 5000, reps: [rep()], team: { aged: 20, droppedEarly: 3, droppedAtTwo: 1, repsCounted: 2, repsFollowing: 1, repsTooFew: 1 },
    last: new Map(), ...over,
  };
}
const textOf = (d: DigestData) => digestMessages(d).map((m) => JSON.stringify(m.blocks)).join('\n');

describe('R15 the digest: whom to ask about what', () => {
  it('ranks by severity, then value (a missing value counts as the team median), then days stuck', () => {
    const ranked = rankStalled(
      [
        stalled('Quiet', 'gone-quiet', 90_000, 30),
        stalled('Small', 'overdue', 1_000, 9),
        stalled('NoValue', 'overdue', null, 2),
        stalled('Big', 'overdue', 12_000, 1),
        stalled('Promise', 'missed-promise', 100, 1),
        stalled('SameBigOlder', 'overdue', 12_000, 5),
      ],
      5000,
    );
    expect(ranked.map((s) => s.lead.name)).toEqual(['Promise', 'SameBigOlder', 'Big', 'NoValue', 'Small', 'Quiet']);
  });

  it('asks at most three questions per rep, with value, and lists the rest once, each lead exactly once', () => {
    const leads = [
      stalled('Bolt Ltd', 'missed-promise', 12_000, 3),
      stalled('Acme', 'overdue', 5_000, 2, ['no touch in 14 days']),
      stalled('Cirrus', 'stopped-early', null, 6),
      stalled('Dyno', 'no-next-step', 800, 4),
      stalled('Echo', 'gone-quiet', 300, 20),
    ];
    const text = textOf(data({ reps: [rep({ stalled: leads, figures: figures({ stalled: 5, stalledValue: 18_100 }) })] }));
    const asks = text.match(/Ask Ana about/g) ?? [];
    expect(asks).toHaveLength(3);
    expect(text).toContain('Ask Ana about *Bolt Ltd* — missed promise 3 days · $12,000');
    expect(text).toContain('Ask Ana about *Acme* — overdue 2 days (also no touch in 14 days) · $5,000');
    expect(text).toContain('Ask Ana about *Cirrus* — stopped early 6 days · no value set');
    expect(text).toContain('Also stalled: *Dyno* (no next step 4 days), *Echo* (gone quiet 20 days)');
    for (const name of ['Bolt Ltd', 'Acme', 'Cirrus', 'Dyno', 'Echo']) expect(text.split(`*${name}*`)).toHaveLength(2);
  });

  it('gives every count its denominator, and the value of the stalled leads', () => {
    const text = textOf(data({ reps: [rep({ figures: figures({ stalled: 3, stalledValue: 30_000 }) })] }));
    expect(text).toContain('3 of 12 open leads stalled');
    expect(text).toContain('$30,000 in stalled leads');
    expect(text).toContain('promises kept 1 of 2');
    expect(text).toContain('8 of 12 open leads with a dated next step');
    expect(text).toContain('dropped after 0–1 touches: 3 of 20 (15%); after 2 touches: 1 of 20 (5%)');
    expect(text).not.toMatch(/\d+(\.\d+)?% with|kept \d+%/);
  });

  it('writes plurals right: 1 touch, 1 rep, 1 snoozed lead', () => {
    const one = data({
      reps: [rep({ parked: [{ lead: lead({ name: 'Zed' }), reason: null, until: new Date('2026-12-14T06:00:00Z'), flagged: false }], figures: figures({ touches: 1, parked: 1 }) })],
      team: { aged: 1, droppedEarly: 1, droppedAtTwo: 0, repsCounted: 0, repsFollowing: 0, repsTooFew: 1 },
    });
    const text = textOf(one);
    expect(text).toContain('1 touch logged');
    expect(text).toContain('Parked: 1 snoozed lead');
    expect(text).toContain("of the team's 1 lead at least 14 days old");
    expect(text).toContain('*Figures about reps*: the one rep closed 5 or more leads in the last 90 days: too few to say');
    expect(digestMessages(one)[0]!.text).toBe('Follow-up digest — Mon 30 Nov – Sun 6 Dec: 0 stalled leads across 1 rep.');
    expect(text.replaceAll('0–1 touches', '')).not.toMatch(/\b1 (reps|touches|leads|snoozed leads)\b/);
  });

  it('shows the change against last week beside each figure, and none on the first digest', () => {
    const d = data({ reps: [rep({ figures: figures({ stalled: 3, stalledValue: 30_000, touches: 5, parked: 2 }) })] });
    expect(textOf(d)).not.toMatch(/last week/);
    const last = new Map<string, Record<string, number>>([
      ['U0ANA', { open: 11, stalled: 2, stalledValue: 25_000, parked: 2, promisesKept: 0, promisesDue: 1, touches: 7, withStep: 6 }],
      ['', { aged: 18, droppedEarly: 2, droppedAtTwo: 1, repsCounted: 2, repsFollowing: 0, repsTooFew: 1 }],
    ]);
    const text = textOf({ ...d, last });
    expect(text).toContain('3 of 12 (last week 2 of 11) open leads stalled');
    expect(text).toContain('$30,000 in stalled leads (+$5,000 on last week)');
    expect(text).toContain('promises kept 1 of 2 (last week 0 of 1)');
    expect(text).toContain('5 touches logged (−2 on last week)');
    expect(text).toContain('Parked: 2 snoozed leads (same as last week)');
    expect(text).toContain('dropped after 0–1 touches: 3 of 20 (15%, last week 2 of 18)');
  });

  it('labels the figures about reps as such, beside the practice’s figures about reps', () => {
    const text = textOf(data());
    expect(text).toContain('*Figures about reps*: 1 of 2 (50%) reps made a median of 4 or more touches');
    expect(text).toContain('1 rep has too few closed leads to say');
    expect(text).toContain('also about reps: 48% never follow up, 25% stop after the second contact, 12% make more than three');
    expect(text).toContain('*Figures about leads*');
  });

  it('marks reps on leave or deactivated, names flagged parked leads, and never shows rule ids', () => {
    const text = textOf(
      data({
        reps: [
          rep({ away: { kind: 'leave', until: new Date('2026-12-14T06:00:00Z') }, figures: figures({ parked: 1 }), parked: [{ lead: lead({ name: 'Zed' }), reason: 'budget in Q1', until: new Date('2027-01-04T06:00:00Z'), flagged: true }] }),
          rep({ repId: 'U0BO', name: null, away: { kind: 'deactivated' } }),
        ],
      }),
    );
    expect(text).toContain('*Ana* — on leave until Mon 14 Dec');
    expect(text).toContain('*<@U0BO>* — deactivated');
    expect(text).toContain('*Zed* (snoozed again and again, until Mon 4 Jan — \\"budget in Q1\\")');
    expect(text).not.toMatch(/\bR\d+\b/);
  });

  it('names the week in the team zone, and the week so far on demand', () => {
    expect(textOf(data())).toContain('Follow-up digest — Mon 30 Nov – Sun 6 Dec');
    expect(textOf(data({ soFar: true }))).toContain('Follow-up digest — Mon 30 Nov – Sun 6 Dec, so far');
  });

  it('splits a large team over several messages of at most 50 blocks, never dropping a rep', () => {
    const reps = Array.from({ length: 120 }, (_, i) =>
      rep({ repId: `U${i}`, name: null, stalled: [stalled('A'.repeat(3000), 'overdue', 1, 1), stalled('B', 'overdue', 1, 1), stalled('C', 'overdue', 1, 1)] }),
    );
    const messages = digestMessages(data({ reps }));
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) expect(((b as { text?: { text: string } }).text?.text ?? '').length).toBeLessThanOrEqual(3000);
    }
    const mentioned = messages.flatMap((m) => JSON.stringify(m.blocks).match(/\*<@U\d+>\*/g) ?? []);
    expect(new Set(mentioned).size).toBe(120);
    expect(messages[0]!.text).toBe('Follow-up digest — Mon 30 Nov – Sun 6 Dec: 360 stalled leads across 120 reps.');
  });
});
