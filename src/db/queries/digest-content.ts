import { DateTime } from 'luxon';
import { parkedOf, stalledLeads, type Parked, type StalledLead } from '../../coach/stalled.js';
import type { WorkWeek } from '../../coach/types.js';
import type { Db } from '../client.js';
import { digestSnapshot, type SnapshotFigures } from '../ops/digest-snapshot.js';
import { digestRepCounts, teamDropped, type TeamDropped } from './digest-figures.js';
import { forEachRepLeads } from './team-leads-cursor.js';
import { teamReps } from './team-reps.js';

// Everything the digest says (docs/rules.md#r15), read in a fixed number of statements per team.

export interface DigestRepFigures extends SnapshotFigures {
  open: number;
  stalled: number;
  stalledValue: number;
  parked: number;
  promisesKept: number;
  promisesDue: number;
  touches: number;
  withStep: number;
}

export interface DigestTeamFigures extends SnapshotFigures, TeamDropped {
  /** Reps with at least 5 leads closed in the last 90 days, and those whose median touch count there is 4 or more. */
  repsCounted: number;
  repsFollowing: number;
  repsTooFew: number;
}

export type RepAway = { kind: 'leave'; until: Date } | { kind: 'deactivated' } | null;

export interface DigestRep {
  repId: string;
  name: string | null;
  away: RepAway;
  stalled: StalledLead[];
  parked: Parked[];
  figures: DigestRepFigures;
  closed: number;
  /** Null when fewer than CLOSED_LEADS_TO_SAY leads were closed: too few to say. */
  closedMedianTouches: number | null;
  picks: Array<{ leadId: string; name: string; value: number | null }>;
}

export interface DigestData {
  /** yyyy-mm-dd of the first day of the reported week, in the team's zone. */
  weekStart: string;
  from: Date;
  /** True for `/followup digest`: the week so far. */
  soFar: boolean;
  zone: string;
  now: Date;
  /** The median value of the team's open leads: a stalled lead without a value ranks as this. */
  teamMedianValue: number | null;
  reps: DigestRep[];
  team: DigestTeamFigures;
  /** Last week's stored figures by rep ('' the team): empty before the first digest. */
  last: Map<string, SnapshotFigures>;
}

/** Reps need at least this many closed leads before their median touch count says anything. */
export const CLOSED_LEADS_TO_SAY = 5;

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface DigestWindow {
  teamId: string;
  from: Date;
  to: Date;
  now: Date;
  zone: string;
  week: WorkWeek;
  soFar: boolean;
}

export async function loadDigest(db: Db, w: DigestWindow): Promise<DigestData> {
  const clock = { now: w.now, zone: w.zone };
  const perRep = new Map<string, { stalled: StalledLead[]; parked: Parked[]; open: number; withStep: number }>();
  const values: number[] = [];
  await forEachRepLeads(db, w.teamId, (ownerId, leads) => {
    const open = leads.filter((l) => l.status === 'open');
    for (const l of open) if (l.value !== null) values.push(l.value);
    perRep.set(ownerId, {
      stalled: stalledLeads(leads, clock, w.week),
      parked: leads.map((l) => parkedOf(l, w.now)).filter((p): p is Parked => p !== null),
      open: open.length,
      withStep: open.filter((l) => l.openStep).length,
    });
  });
  const counts = await digestRepCounts(db, w);
  const dropped = await teamDropped(db, w.teamId, w.now);
  const people = new Map((await teamReps(db, w.teamId)).map((r) => [r.userId, r]));
  const weekStart = DateTime.fromJSDate(w.from, { zone: w.zone }).toISODate()!;
  const last = await digestSnapshot(db, w.teamId, DateTime.fromISO(weekStart).minus({ weeks: 1 }).toISODate()!);

  const owners = [...new Set([...perRep.keys(), ...counts.keys()])].sort();
  const reps: DigestRep[] = owners.map((repId) => {
    const p = perRep.get(repId) ?? { stalled: [], parked: [], open: 0, withStep: 0 };
    const c = counts.get(repId) ?? { promisesDue: 0, promisesKept: 0, touches: 0, closed: 0, closedMedianTouches: null };
    const person = people.get(repId);
    const away: RepAway = person?.deactivatedAt
      ? { kind: 'deactivated' }
      : person?.dmsPausedUntil && person.dmsPausedUntil > w.now
        ? { kind: 'leave', until: person.dmsPausedUntil }
        : null;
    return {
      repId,
      name: person?.displayName ?? null,
      away,
      stalled: p.stalled,
      parked: p.parked,
      figures: {
        open: p.open,
        stalled: p.stalled.length,
        stalledValue: p.stalled.reduce((n, s) => n + (s.lead.value ?? 0), 0),
        parked: p.parked.length,
        promisesKept: c.promisesKept,
        promisesDue: c.promisesDue,
        touches: c.touches,
        withStep: p.withStep,
      },
      closed: c.closed,
      closedMedianTouches: c.closed >= CLOSED_LEADS_TO_SAY ? c.closedMedianTouches : null,
      picks: [],
    };
  });
  const counted = reps.filter((r) => r.closed >= CLOSED_LEADS_TO_SAY);
  const team: DigestTeamFigures = {
    ...dropped,
    repsCounted: counted.length,
    repsFollowing: counted.filter((r) => (r.closedMedianTouches ?? 0) >= 4).length,
    repsTooFew: reps.length - counted.length,
  };
  return { weekStart, from: w.from, soFar: w.soFar, zone: w.zone, now: w.now, teamMedianValue: median(values), reps, team, last };
}

/** What the digest stores for next week: each rep's figures, and the team's under ''. */
export function snapshotOf(data: DigestData): Map<string, SnapshotFigures> {
  return new Map<string, SnapshotFigures>([['', data.team], ...data.reps.map((r) => [r.repId, r.figures] as [string, SnapshotFigures])]);
}
