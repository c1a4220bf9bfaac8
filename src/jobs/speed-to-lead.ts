import { arrivalLookbackMs, managerNoteDue, ownerAlertDue, reminderDue } from '../coach/arrival-times.js';
import { SPEED_TO_LEAD_MS } from '../coach/warnings.js';
import { settledTargets } from '../db/ledger.js';
import { arrivalsOwedAlert, leadsOwedToOwner, untouchedArrivals } from '../db/queries/arrival-leads.js';
import { reachableManagers } from '../db/queries/team-reps.js';
import { teamWorkTime } from '../db/queries/team-work-week.js';
import { alertOwner } from '../outbound/arrival-alert.js';
import { type AlertDeps, LEAD_DM_KIND, type SendOutcome, sendLeadDm } from '../outbound/lead-dm.js';
import { speedToLeadManagerNote, speedToLeadReminder, type ArrivalLead } from '../slack/ui/arrival-alert.js';
import { forEachTeam } from './for-each-team.js';
import { newClaimer, noInstallCounter, type JobOptions, type JobSummary } from './job-options.js';

export interface SpeedToLeadSummary extends JobSummary {
  arrivals: number;
  reminders: number;
  managerNotes: number;
}

const byOwner = (rows: ArrivalLead[]): Map<string, ArrivalLead[]> => {
  const groups = new Map<string, ArrivalLead[]>();
  for (const row of rows) groups.set(row.ownerId, [...(groups.get(row.ownerId) ?? []), row]);
  return groups;
};

/**
 * The speed-to-lead job (`jobs run speed-to-lead`, every scheduler tick), in working time
 * (docs/rules.md#r2): arrival alerts still owed (one that came in outside the owner's hours, a send that
 * failed or a process that died), then, for new leads untouched one working hour on, a reminder to the
 * owner and a note to the team's managers, each inside their own hours — each exactly once per lead.
 * A lead stays eligible for a working day after its hour; after that it is the digest's business (R15),
 * so a first deploy or a long outage does not page anyone about last month's leads.
 */
export async function runSpeedToLead(opts: Omit<JobOptions, 'concurrency'>): Promise<SpeedToLeadSummary> {
  const summary: SpeedToLeadSummary = { job: 'speed-to-lead', sent: 0, skipped: 0, failed: 0, arrivals: 0, reminders: 0, managerNotes: 0 };
  const deps: AlertDeps = {
    database: opts.database,
    clients: opts.clients,
    logger: opts.logger,
    claimer: opts.claimer ?? newClaimer(),
    leaseMs: opts.leaseMs,
    signal: opts.signal,
  };
  const noInstall = noInstallCounter(summary, opts.logger);
  const count = (teamId: string, outcome: SendOutcome, field: 'arrivals' | 'reminders' | 'managerNotes') => {
    if (outcome === 'no-install') noInstall(teamId);
    else if (outcome === 'sent') {
      summary.sent += 1;
      summary[field] += 1;
    } else if (outcome === 'failed') summary.failed += 1;
  };
  const { db } = opts.database;
  const at = opts.at;
  await forEachTeam(opts, summary, async (teamId) => {
    // docs/rules.md#r2: every decision in working time — the team's hours, in each person's own zone.
    const { week, zoneOf } = await teamWorkTime(db, teamId);
    const since = new Date(at.getTime() - arrivalLookbackMs(week));
    const owed = await arrivalsOwedAlert(db, teamId, LEAD_DM_KIND.arrival, since, at);
    for (const lead of owed.filter((l) => ownerAlertDue(l.createdAt, at, week, zoneOf(l.ownerId)))) {
      count(teamId, await alertOwner(deps, teamId, lead), 'arrivals');
    }

    // Working time never runs faster than the clock: a lead less than an hour old has not missed its hour.
    const untouched = await untouchedArrivals(db, teamId, at, since, new Date(at.getTime() - SPEED_TO_LEAD_MS));
    if (untouched.length === 0) return;
    const toRemind = untouched.filter((l) => reminderDue(l.createdAt, at, week, zoneOf(l.ownerId)));
    const owedReminder = toRemind.length ? await leadsOwedToOwner(db, toRemind.map((l) => l.id), LEAD_DM_KIND.reminder) : new Set<string>();
    for (const [ownerId, group] of byOwner(toRemind.filter((l) => owedReminder.has(l.id)))) {
      count(teamId, await sendLeadDm(deps, LEAD_DM_KIND.reminder, teamId, ownerId, group, (claimed) => speedToLeadReminder(claimed, at)), 'reminders');
    }
    for (const managerId of await reachableManagers(db, teamId, at)) {
      // A manager's own leads are covered by their reminder; the note waits for the manager's own hours.
      const theirs = untouched.filter((l) => l.ownerId !== managerId && managerNoteDue(l.createdAt, at, week, zoneOf(l.ownerId), zoneOf(managerId)));
      if (theirs.length === 0) continue;
      const settled = await settledTargets(db, LEAD_DM_KIND.manager, teamId, theirs.map((l) => l.id), [managerId]);
      const group = theirs.filter((l) => !settled.has(`${managerId}|${l.id}`));
      if (group.length) count(teamId, await sendLeadDm(deps, LEAD_DM_KIND.manager, teamId, managerId, group, (claimed) => speedToLeadManagerNote(claimed, at)), 'managerNotes');
    }
  });
  return summary;
}
