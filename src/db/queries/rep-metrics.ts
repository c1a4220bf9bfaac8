import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../client.js';

export interface RepMetrics {
  ownerId: string;
  openLeads: number;
  /** Touches the rep logged in the period. */
  touches: number;
  /** R3: open leads with a dated next step, 0–100 (null without open leads). */
  withNextStepPct: number | null;
  /** R5: promised steps due in the period (and passed) that were done by their due time, 0–100. */
  promiseKeptPct: number | null;
  promisesDue: number;
  /** R2: median minutes from arrival to first touch, for new leads that arrived in the period. */
  medianFirstTouchMinutes: number | null;
  /** R2: new leads of the period first touched after more than an hour, or still untouched after one. */
  speedToLeadMisses: number;
  /** R7: open leads by touches so far. */
  touchDistribution: { '0': number; '1': number; '2': number; '3-4': number; '5+': number };
  won: number;
  lost: number;
}

export interface MetricsWindow {
  teamId: string;
  from: Date;
  to: Date;
  /** Promises and speed-to-lead are judged as of now (not yet due is not missed). */
  now: Date;
  ownerId?: string;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

/** Per-rep follow-up metrics for a period, computed in SQL (three grouped statements, whatever the team's size). */
export async function repMetrics(db: Queryable, w: MetricsWindow): Promise<RepMetrics[]> {
  const from = w.from.toISOString();
  const to = w.to.toISOString();
  const now = w.now.toISOString();
  const owner = w.ownerId ? sql`and l.owner_id = ${w.ownerId}` : sql``;

  const leadRows = rowsOf(
    await db.execute(sql`
      select l.owner_id,
        count(*) filter (where l.status = 'open') as open_leads,
        count(*) filter (where l.status = 'open' and s.id is not null) as with_step,
        count(*) filter (where l.status = 'open' and l.touch_count = 0) as t0,
        count(*) filter (where l.status = 'open' and l.touch_count = 1) as t1,
        count(*) filter (where l.status = 'open' and l.touch_count = 2) as t2,
        count(*) filter (where l.status = 'open' and l.touch_count between 3 and 4) as t34,
        count(*) filter (where l.status = 'open' and l.touch_count >= 5) as t5,
        count(*) filter (where l.won_at >= ${from}::timestamptz and l.won_at < ${to}::timestamptz) as won,
        count(*) filter (where l.lost_at >= ${from}::timestamptz and l.lost_at < ${to}::timestamptz) as lost,
        -- docs/rules.md#r2: only inbound leads (POST /leads, add with source:inbound) are held to the hour.
        percentile_cont(0.5) within group (order by extract(epoch from (l.first_touch_at - l.created_at)) / 60)
          filter (where l.created_at >= ${from}::timestamptz and l.created_at < ${to}::timestamptz
                  and l.inbound and l.tier <> 'cold' and l.first_touch_at is not null) as median_first_touch,
        count(*) filter (where l.created_at >= ${from}::timestamptz and l.created_at < ${to}::timestamptz
                  and l.inbound and l.tier <> 'cold'
                  and coalesce(l.first_touch_at, ${now}::timestamptz) > l.created_at + interval '1 hour') as speed_misses
      from leads l
      left join next_steps s on s.lead_id = l.id and s.status = 'open'
      where l.team_id = ${w.teamId} ${owner}
      group by l.owner_id`),
  );
  const touchRows = rowsOf(
    await db.execute(sql`
      select t.rep_id as owner_id, count(*) as touches
      from touches t
      where t.team_id = ${w.teamId} and t.occurred_at >= ${from}::timestamptz and t.occurred_at < ${to}::timestamptz
        -- The rep's own touches: a web form's repeat arrival (inbound, with no undo) is the prospect's, not the rep's.
        and (t.direction = 'outbound' or t.undo is not null)
        ${w.ownerId ? sql`and t.rep_id = ${w.ownerId}` : sql``}
      group by t.rep_id`),
  );
  const promiseRows = rowsOf(
    await db.execute(sql`
      select l.owner_id,
        count(*) as due,
        count(*) filter (where s.status = 'done' and s.completed_at <= s.due_at) as kept
      from next_steps s join leads l on l.id = s.lead_id
      where s.team_id = ${w.teamId} and s.promised and s.status <> 'cancelled'
        and s.due_at >= ${from}::timestamptz and s.due_at < ${to}::timestamptz and s.due_at < ${now}::timestamptz ${owner}
      group by l.owner_id`),
  );

  const touchesBy = new Map(touchRows.map((r) => [String(r.owner_id), n(r.touches)]));
  const promisesBy = new Map(promiseRows.map((r) => [String(r.owner_id), { due: n(r.due), kept: n(r.kept) }]));
  const owners = new Set([...leadRows.map((r) => String(r.owner_id)), ...touchesBy.keys()]);
  const leadsBy = new Map(leadRows.map((r) => [String(r.owner_id), r]));
  return [...owners].sort().map((ownerId) => {
    const r = leadsBy.get(ownerId) ?? {};
    const promises = promisesBy.get(ownerId) ?? { due: 0, kept: 0 };
    const median = r.median_first_touch;
    return {
      ownerId,
      openLeads: n(r.open_leads),
      touches: touchesBy.get(ownerId) ?? 0,
      withNextStepPct: pct(n(r.with_step), n(r.open_leads)),
      promiseKeptPct: pct(promises.kept, promises.due),
      promisesDue: promises.due,
      medianFirstTouchMinutes: median === null || median === undefined ? null : Math.round(Number(median)),
      speedToLeadMisses: n(r.speed_misses),
      touchDistribution: { '0': n(r.t0), '1': n(r.t1), '2': n(r.t2), '3-4': n(r.t34), '5+': n(r.t5) },
      won: n(r.won),
      lost: n(r.lost),
    };
  });
}
