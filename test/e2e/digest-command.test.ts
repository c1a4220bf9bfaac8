import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app-harness.js';
import { dbTargets, useDatabase } from '../support/db.js';
import { givenLead, givenTeam, type RepSpec } from '../support/given.js';

// docs/rules.md#r15: `/followup digest` — the week so far, for a manager only, as ephemeral messages in order.

const TEAM = 'T0DIGCMD';
const MIA = 'U0MIA';
// Wed 9 Dec 2026, 15:00 UTC (the team has no zone of its own: UTC).
const NOW = new Date('2026-12-09T15:00:00Z');
const REPS = 50;
const repId = (i: number) => `U0REP${String(i).padStart(2, '0')}`;

describe.each(dbTargets())('/followup digest on $name', (target) => {
  const database = useDatabase(target);
  const app = useTestApp(database, {
    teamId: TEAM,
    now: () => NOW,
    seed: async (db) => {
      const team: Record<string, RepSpec> = { [MIA]: { tz: 'UTC', manager: true } };
      for (let i = 0; i < REPS; i++) team[repId(i)] = { tz: 'UTC', displayName: `Rep ${i}` };
      const users = await givenTeam(db, TEAM, team, new Date('2026-11-01T12:00:00Z'));
      // Each rep: one lead stopped after one touch, nothing scheduled.
      for (let i = 0; i < REPS; i++) {
        await givenLead(db, { team: TEAM, owner: repId(i), name: `Lead ${i}`, value: 1000 + i, at: new Date('2026-11-02T12:00:00Z'), touches: 1 });
      }
      return users;
    },
  });

  it('refuses a rep, and posts nothing anywhere', async () => {
    const reply = await app.commandReply('digest', repId(0));
    expect(reply.text).toMatch(/Only a manager can read the team digest/);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('answers a manager with this week so far, ephemeral through the response_url, several messages in order', async () => {
    const before = app.slack.responses.length;
    const reply = await app.commandReply('digest', MIA);
    // The acknowledgement carries nothing of its own: the digest follows through the response_url.
    expect(reply.text).toBe('');
    await app.slack.waitFor(() => app.slack.responses.length - before >= 2);
    const bodies = app.slack.responses.slice(before).map((r) => r.body as { text: string; response_type: string; blocks: unknown[] });
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const b of bodies) {
      expect(b.response_type).toBe('ephemeral');
      expect(b.blocks.length).toBeLessThanOrEqual(50);
    }
    expect(bodies[0]!.text).toMatch(/^Follow-up digest — Mon 7 Dec – Sun 13 Dec, so far: \d+ stalled leads across 50 reps\.$/);
    expect(bodies[1]!.text).toBe('Follow-up digest — Mon 7 Dec – Sun 13 Dec, so far, part 2');
    // Every rep in the answer, once, in order.
    const all = bodies.map((b) => JSON.stringify(b.blocks)).join('\n');
    const order = [...all.matchAll(/about \*Lead (\d+)\*/g)].map((m) => Number(m[1]));
    expect(order).toEqual([...Array(REPS).keys()]);
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
    expect(app.slack.callsOf('chat.postEphemeral')).toHaveLength(0);
  });
});
