// A large synthetic team, seeded in SQL (seconds, not minutes): shared by the benchmarks.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';

export interface SeedOptions {
  teamId: string;
  reps: number;
  leads: number;
  touches: number;
  now: Date;
  /** The reps' zone and DM time (the morning benchmark makes them all due at once). */
  tz?: string;
  dmTime?: string;
}

/**
 * Leads spread evenly over reps and tiers, created over the last 200 days; touches spread
 * pseudo-randomly over the leads and the last 180 days (a tenth with a poor-prospect tag); an open
 * next step on 80% of leads and a done one with the prospect's side kept or missed on a third.
 */
export async function seedTeam(db: Db, o: SeedOptions): Promise<void> {
  const now = o.now.toISOString();
  await db.execute(sql`insert into teams (id) values (${o.teamId})`);
  await db.execute(sql`insert into reps (team_id, user_id, tz, dm_time)
    select ${o.teamId}, 'U' || lpad(i::text, 5, '0'), ${o.tz ?? 'America/New_York'}, ${o.dmTime ?? '08:00'} from generate_series(1, ${o.reps}) i`);
  await db.execute(sql`insert into leads (team_id, owner_id, name, tier, value, created_at)
    select ${o.teamId}, 'U' || lpad((1 + i % ${o.reps})::text, 5, '0'), 'Lead ' || i,
           (array['referral','customer','lead','new','cold'])[1 + i % 5], (i % 997) * 100,
           ${now}::timestamptz - ((i % 200) || ' days')::interval
    from generate_series(1, ${o.leads}) i`);
  await db.execute(sql`create temporary table seed_lead_numbers as select row_number() over (order by id) n, id, team_id, owner_id from leads where team_id = ${o.teamId}`);
  await db.execute(sql`create unique index on seed_lead_numbers (n)`);
  await db.execute(sql`insert into touches (team_id, lead_id, rep_id, channel, signals, occurred_at)
    select l.team_id, l.id, l.owner_id, (array['call','email','meeting','note'])[1 + (g % 4)],
           case when g % 10 = 0 then array['vague'] else '{}'::text[] end,
           ${now}::timestamptz - ((g % 180) || ' days')::interval
    from generate_series(1, ${o.touches}) g
    join seed_lead_numbers l on l.n = 1 + (g::bigint * 7919) % ${o.leads}`);
  await db.execute(sql`drop table seed_lead_numbers`);
  // The per-lead aggregates the app keeps on every write.
  await db.execute(sql`update leads l set touch_count = t.n, first_touch_at = t.first, last_touch_at = t.last,
      last_touch_channel = t.channel, signal_count = t.signals, touches_since_engagement = t.n
    from (select lead_id, count(*) n, min(occurred_at) first, max(occurred_at) last, sum(cardinality(signals))::int signals,
                 (array_agg(channel order by occurred_at desc))[1] channel
          from touches group by lead_id) t
    where t.lead_id = l.id`);
  await db.execute(sql`insert into next_steps (team_id, lead_id, rep_id, action, due_at, status)
    select team_id, id, owner_id, 'follow up', ${now}::timestamptz + (((hashtext(id::text) % 20))::text || ' days')::interval, 'open'
    from leads where team_id = ${o.teamId} and hashtext(id::text) % 5 <> 0`);
  await db.execute(sql`insert into next_steps (team_id, lead_id, rep_id, action, due_at, status, their_commitment, their_status)
    select team_id, id, owner_id, 'send deck', ${now}::timestamptz - interval '20 days', 'done', 'share budget',
           case when hashtext(id::text) % 2 = 0 then 'kept' else 'missed' end
    from leads where team_id = ${o.teamId} and hashtext(id::text) % 3 = 0`);
  await db.execute(sql`update leads l set their_kept = (c.their_status = 'kept')::int, their_missed = (c.their_status = 'missed')::int
    from next_steps c where c.lead_id = l.id and c.their_status in ('kept', 'missed')`);
  await db.execute(sql`analyze`);
}
