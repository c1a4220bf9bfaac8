import { sql } from 'drizzle-orm';
import type { CoachLead } from '../../coach/types.js';
import type { CommitmentStatus, StepOrigin, TouchChannel } from '../../domain/vocabulary.js';
import { rowsOf, type Db } from '../client.js';
import type { Lead } from '../schema.js';

// Rows in flight at once: memory holds one page plus one rep's leads, however large the team.
export const TEAM_PAGE_SIZE = 5_000;

// Each row travels as one JSON array: parsing 100,000 rows of 32 typed columns in the driver costs
// seconds, one JSON.parse per row a fraction of that. The order here is the order read below.
const ROW = sql`json_build_array(
  l.id, l.name, l.company, l.owner_id, l.tier, l.value, l.status, l.created_at, l.imported,
  l.touch_count, l.first_touch_at, l.last_touch_at, l.last_touch_channel, l.snoozed_until, l.revived_at, l.won_at,
  l.signal_count, l.their_kept, l.their_missed, l.touches_since_engagement,
  s.action, s.due_at, s.all_day, s.promised, s.their_commitment, s.origin,
  l.inbound, l.positive_signal_count, l.last_outcome, l.referred_by, s.id, s.their_status,
  l.snooze_reason, l.snooze_count, l.snoozed_days_total)::text`;

type JsonRow = [
  string, string, string | null, string, Lead['tier'], number | null, Lead['status'], string, boolean,
  number, string | null, string | null, TouchChannel | null, string | null, string | null, string | null,
  number, number, number, number,
  string | null, string | null, boolean | null, boolean | null, string | null, StepOrigin | null,
  boolean, number, string | null, string | null, string | null, CommitmentStatus | null,
  string | null, number, number,
];

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));

function toCoachLead(json: string): CoachLead {
  const r = JSON.parse(json) as JsonRow;
  return {
    id: r[0],
    name: r[1],
    company: r[2],
    ownerId: r[3],
    tier: r[4],
    value: r[5] === null ? null : Number(r[5]),
    status: r[6],
    createdAt: new Date(r[7]),
    imported: r[8],
    touchCount: r[9],
    firstTouchAt: date(r[10]),
    lastTouchAt: date(r[11]),
    lastTouchChannel: r[12],
    snoozedUntil: date(r[13]),
    snoozeReason: r[32],
    snoozeCount: r[33],
    snoozedDaysTotal: r[34],
    revivedAt: date(r[14]),
    wonAt: date(r[15]),
    signalCount: r[16],
    theirKept: r[17],
    theirMissed: r[18],
    touchesSinceEngagement: r[19],
    inbound: r[26],
    positiveSignalCount: r[27],
    lastOutcome: r[28],
    referredBy: r[29],
    openStep:
      r[20] === null
        ? null
        : {
            id: r[30]!,
            action: r[20],
            dueAt: new Date(r[21]!),
            allDay: r[22] ?? true,
            promised: r[23] ?? false,
            theirCommitment: r[24],
            theirStatus: r[31],
            origin: r[25] ?? 'rep',
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
  /** Only these reps' leads (the morning job reads only the reps who are due). */
  owners?: readonly string[],
): Promise<void> {
  // Bound parameters (drizzle expands the array into a list), never spliced text.
  const onlyOwners = owners ? (owners.length ? sql`and l.owner_id in ${owners}` : sql`and false`) : sql``;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      declare team_leads no scroll cursor for
      select ${ROW} as row
      from leads l
      left join next_steps s on s.lead_id = l.id and s.status = 'open'
      where l.team_id = ${teamId} and l.status <> 'lost' ${onlyOwners}
      order by l.owner_id, l.id`);
    let owner: string | null = null;
    let batch: CoachLead[] = [];
    for (;;) {
      const rows = rowsOf(await tx.execute(sql.raw(`fetch ${Math.max(1, Math.floor(pageSize))} from team_leads`)));
      for (const row of rows) {
        const lead = toCoachLead(String(row.row));
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
