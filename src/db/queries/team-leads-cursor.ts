import { sql } from 'drizzle-orm';
import type { CoachLead, TouchChannel } from '../../coach/types.js';
import type { Db } from '../client.js';
import type { Lead } from '../schema.js';
import { COACH_COLUMNS } from './coach-leads.js';

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
    lastTouchChannel: (r.last_touch_channel as TouchChannel | null) ?? null,
    snoozedUntil: date(r.snoozed_until),
    revivedAt: date(r.revived_at),
    wonAt: date(r.won_at),
    signalCount: num(r.signal_count),
    theirKept: num(r.their_kept),
    theirMissed: num(r.their_missed),
    touchesSinceProgress: num(r.touches_since_progress),
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
 * The whole team's coach input in one pass (one row per lead: aggregates live on the lead), read
 * through a server-side cursor in pages and handed over
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
      select ${COACH_COLUMNS}
      from leads l
      left join next_steps s on s.lead_id = l.id and s.status = 'open'
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
