import { sql } from 'drizzle-orm';
import type { CoachLead, TouchChannel } from '../../coach/types.js';
import type { Db } from '../client.js';
import type { Lead } from '../schema.js';

// Rows in flight at once: memory holds one page plus one rep's leads, however large the team.
export const TEAM_PAGE_SIZE = 5_000;

/** postgres.js returns the rows; PGlite returns { rows }. */
const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function toCoachLead(r: Record<string, unknown>): CoachLead {
  return {
    id: String(r.id),
    name: String(r.name),
    company: (r.company as string | null) ?? null,
    ownerId: String(r.owner_id),
    tier: r.tier as Lead['tier'],
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    status: r.status as Lead['status'],
    createdAt: date(r.created_at)!,
    imported: Boolean(r.imported),
    touchCount: num(r.touch_count),
    firstTouchAt: date(r.first_touch_at),
    lastTouchAt: date(r.last_touch_at),
    lastTouchChannel: (r.last_channel as TouchChannel | null) ?? null,
    snoozedUntil: date(r.snoozed_until),
    revivedAt: date(r.revived_at),
    wonAt: date(r.won_at),
    signalCount: num(r.signal_count),
    theirKept: num(r.their_kept),
    theirMissed: num(r.their_missed),
    touchesSinceProgress: num(r.since_progress),
    openStep:
      r.step_action === null || r.step_action === undefined
        ? null
        : {
            action: String(r.step_action),
            dueAt: date(r.step_due_at)!,
            allDay: Boolean(r.step_all_day),
            promised: Boolean(r.step_promised),
            theirCommitment: (r.step_their_commitment as string | null) ?? null,
            origin: String(r.step_origin),
          },
  };
}

/**
 * The whole team's coach input in one pass: grouped aggregates (one hash pass over the team's
 * touches, not a lookup per lead), read through a server-side cursor in pages and handed over
 * one rep at a time, in owner order. A fixed number of statements per team, flat memory.
 * `onRep` gets data only and must not query: the cursor holds the connection (PGlite has one).
 */
export async function forEachRepLeads(
  db: Db,
  teamId: string,
  onRep: (ownerId: string, leads: CoachLead[]) => Promise<void> | void,
  pageSize = TEAM_PAGE_SIZE,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      declare team_leads no scroll cursor for
      select l.id, l.name, l.company, l.owner_id, l.tier, l.value, l.status, l.created_at, l.imported, l.touch_count,
             l.first_touch_at, l.last_touch_at, l.snoozed_until, l.revived_at, l.won_at,
             s.action as step_action, s.due_at as step_due_at, s.all_day as step_all_day, s.promised as step_promised,
             s.their_commitment as step_their_commitment, s.origin as step_origin,
             t.signal_count, t.last_channel, t.since_progress, c.their_kept, c.their_missed
      from leads l
      left join next_steps s on s.lead_id = l.id and s.status = 'open'
      left join (
        select t.lead_id,
               sum(cardinality(t.signals))::int as signal_count,
               (array_agg(t.channel order by t.occurred_at desc, t.id desc))[1] as last_channel,
               (count(*) filter (where l2.progress_at is null or t.occurred_at > l2.progress_at))::int as since_progress
        from touches t join leads l2 on l2.id = t.lead_id
        where t.team_id = ${teamId} and l2.status <> 'lost'
        group by t.lead_id
      ) t on t.lead_id = l.id
      left join (
        select lead_id,
               (count(*) filter (where their_status = 'kept'))::int as their_kept,
               (count(*) filter (where their_status = 'missed'))::int as their_missed
        from next_steps
        where team_id = ${teamId} and their_status in ('kept', 'missed')
        group by lead_id
      ) c on c.lead_id = l.id
      where l.team_id = ${teamId} and l.status <> 'lost'
      order by l.owner_id, l.id`);
    let owner: string | null = null;
    let batch: CoachLead[] = [];
    for (;;) {
      const rows = rowsOf(await tx.execute(sql.raw(`fetch ${Math.max(1, Math.floor(pageSize))} from team_leads`)));
      for (const row of rows) {
        const lead = toCoachLead(row);
        if (owner !== null && lead.ownerId !== owner) {
          await onRep(owner, batch);
          batch = [];
        }
        owner = lead.ownerId;
        batch.push(lead);
      }
      if (rows.length < pageSize) break;
    }
    if (owner !== null) await onRep(owner, batch);
    await tx.execute(sql`close team_leads`);
  });
}
