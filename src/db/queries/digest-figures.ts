import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../client.js';

// The digest's counted figures (docs/rules.md#r15), each with its denominator, in three grouped statements.

export interface RepCounts {
  /** Promised steps due in the window (and passed), and those done by their due time (R5). */
  promisesDue: number;
  promisesKept: number;
  /** Touches the rep logged in the window. */
  touches: number;
  /** Leads the rep closed (won or lost) in the last 90 days, and their median touch count (null: none). */
  closed: number;
  closedMedianTouches: number | null;
}

export interface TeamDropped {
  /** Leads at least 14 days old. */
  aged: number;
  /**
   * Of those, dropped (lost, or open with nothing scheduled, not snoozed, no touch in 14 days; a cold prospect
   * waiting is not dropped) after 0–1 touches, and after 2.
   */
  droppedEarly: number;
  droppedAtTwo: number;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const DAY_MS = 86_400_000;

export async function digestRepCounts(db: Queryable, w: { teamId: string; from: Date; to: Date; now: Date }): Promise<Map<string, RepCounts>> {
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const now = w.now.toISOString();
  const since90 = new Date(w.now.getTime() - 90 * DAY_MS).toISOString();
  const promises = rowsOf(
    await db.execute(sql`
      select l.owner_id, count(*) as due, count(*) filter (where s.status = 'done' and s.completed_at <= s.due_at) as kept
      from next_steps s join leads l on l.id = s.lead_id
      where s.team_id = ${w.teamId} and s.promised and s.status <> 'cancelled'
        and s.due_at >= ${from}::timestamptz and s.due_at < ${to}::timestamptz and s.due_at < ${now}::timestamptz
      group by l.owner_id`),
  );
  const touches = rowsOf(
    await db.execute(sql`
      select t.rep_id as owner_id, count(*) as touches from touches t
      where t.team_id = ${w.teamId} and t.occurred_at >= ${from}::timestamptz and t.occurred_at < ${to}::timestamptz
        and (t.direction = 'outbound' or t.undo is not null)
      group by t.rep_id`),
  );
  const closed = rowsOf(
    await db.execute(sql`
      select l.owner_id, count(*) as closed, percentile_cont(0.5) within group (order by l.touch_count) as median
      from leads l
      where l.team_id = ${w.teamId} and coalesce(l.won_at, l.lost_at) >= ${since90}::timestamptz
        and coalesce(l.won_at, l.lost_at) < ${now}::timestamptz
      group by l.owner_id`),
  );
  const out = new Map<string, RepCounts>();
  const of = (id: unknown) => {
    const key = String(id);
    let c = out.get(key);
    if (!c) out.set(key, (c = { promisesDue: 0, promisesKept: 0, touches: 0, closed: 0, closedMedianTouches: null }));
    return c;
  };
  for (const r of promises) Object.assign(of(r.owner_id), { promisesDue: n(r.due), promisesKept: n(r.kept) });
  for (const r of touches) of(r.owner_id).touches = n(r.touches);
  for (const r of closed) Object.assign(of(r.owner_id), { closed: n(r.closed), closedMedianTouches: r.median === null ? null : Number(r.median) });
  return out;
}

/** The team's leads at least 14 days old, and how many were dropped after 0–1 and after 2 touches. */
export async function teamDropped(db: Queryable, teamId: string, now: Date): Promise<TeamDropped> {
  const at = now.toISOString();
  const aged = new Date(now.getTime() - 14 * DAY_MS).toISOString();
  const [r] = rowsOf(
    await db.execute(sql`
      with old as (
        select l.touch_count,
          (l.status = 'lost' or (l.status = 'open' and l.tier <> 'cold' and s.id is null
            and (l.snoozed_until is null or l.snoozed_until <= ${at}::timestamptz)
            and coalesce(l.last_touch_at, l.created_at) < ${aged}::timestamptz)) as dropped
        from leads l left join next_steps s on s.lead_id = l.id and s.status = 'open'
        where l.team_id = ${teamId} and l.created_at <= ${aged}::timestamptz)
      select count(*) as aged,
        count(*) filter (where dropped and touch_count <= 1) as early,
        count(*) filter (where dropped and touch_count = 2) as at_two
      from old`),
  );
  return { aged: n(r?.aged), droppedEarly: n(r?.early), droppedAtTwo: n(r?.at_two) };
}
