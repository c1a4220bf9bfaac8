import type { Database } from '../../src/db/client.js';
import { addLead } from '../../src/db/ops/add-lead.js';
import { ensureRep } from '../../src/db/ops/ensure-rep.js';
import { logTouch } from '../../src/db/ops/log-touch.js';
import type { SlackStandIn } from './slack-stand-in.js';

// Wed 25 Nov 2026, 08:00:30 in New York: every seeded rep's DM is due.
export const CLOCK_START = '2026-11-25T13:00:30Z';

/** Reps in New York, each with one promised step overdue: each is owed exactly one DM. */
export async function seedOverdueReps(database: Database, teamId: string, reps: number): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date('2026-11-20T15:00:00Z');
  for (let i = 0; i < reps; i++) {
    const id = `U${String(i).padStart(5, '0')}`;
    ids.push(id);
    await ensureRep(database.db, teamId, id, { tz: 'America/New_York' }, now);
    const lead = await addLead(database.db, { teamId: teamId, ownerId: id, createdBy: id, name: `Lead of ${id}`, tier: 'lead', value: 1000, now });
    await logTouch(database.db, { teamId: teamId, repId: id, leadId: lead.id, channel: 'call', now, next: { action: 'call back', dueAt: new Date('2026-11-24T04:59:59.999Z'), promised: true } });
  }
  return ids;
}

/** DMs received per rep: conversations.open names the rep, and each open precedes one post. */
export const dmsPerRep = (slack: SlackStandIn) => {
  const counts = new Map<string, number>();
  for (const c of slack.callsOf('chat.postMessage')) {
    const rep = `U${String(c.args.channel).slice(1)}`;
    counts.set(rep, (counts.get(rep) ?? 0) + 1);
  }
  return counts;
};

