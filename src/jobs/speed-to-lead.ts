import { SPEED_TO_LEAD_MS } from '../coach/warnings.js';
import type { Db } from '../db/client.js';
import { settledTargets } from '../db/ledger.js';
import { arrivalsOwedAlert, leadsOwedToOwner, untouchedArrivals } from '../db/queries/arrival-leads.js';
import { reachableManagers } from '../db/queries/team-reps.js';
import { alertOwner } from '../outbound/arrival-alert.js';
import { type AlertDeps, LEAD_DM_KIND, type SendOutcome, sendLeadDm } from '../outbound/lead-dm.js';
import { speedToLeadManagerNote, speedToLeadReminder, type ArrivalLead } from '../slack/ui/arrival-alert.js';
import { forEachTeam } from './for-each-team.js';
import { newClaimer, noInstallCounter, type JobOptions, type JobSummary } from './job-options.js';

// A lead older than this is the digest's business (R15), not an alert's: a first deploy or a long
// outage does not page anyone about last month's leads.
export const ALERT_HORIZON_MS = 24 * 60 * 60 * 1000;

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
 * The speed-to-lead job (`jobs run speed-to-lead`, every scheduler tick): arrival alerts still owed
 * (a send that failed or a process that died), then, for new leads untouched an hour after they came
 * in, a reminder to the owner and a note to the team's managers — each exactly once per lead.
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
  const hourAgo = new Date(opts.at.getTime() - SPEED_TO_LEAD_MS);
  await forEachTeam(opts, summary, async (teamId) => {
    const owed = await arrivalsOwedAlert(db, teamId, LEAD_DM_KIND.arrival, hourAgo, opts.at);
    for (const lead of owed) count(teamId, await alertOwner(deps, teamId, lead), 'arrivals');

    const missed = await missedLeads(db, teamId, opts.at);
    if (missed.length === 0) return;
    const owedReminder = await leadsOwedToOwner(db, missed.map((l) => l.id), LEAD_DM_KIND.reminder);
    for (const [ownerId, group] of byOwner(missed.filter((l) => owedReminder.has(l.id)))) {
      count(teamId, await sendLeadDm(deps, LEAD_DM_KIND.reminder, teamId, ownerId, group, (claimed) => speedToLeadReminder(claimed, opts.at)), 'reminders');
    }
    for (const managerId of await reachableManagers(db, teamId, opts.at)) {
      // A manager's own leads are covered by their reminder.
      const theirs = missed.filter((l) => l.ownerId !== managerId);
      const settled = await settledTargets(db, LEAD_DM_KIND.manager, teamId, theirs.map((l) => l.id), [managerId]);
      const group = theirs.filter((l) => !settled.has(`${managerId}|${l.id}`));
      if (group.length) count(teamId, await sendLeadDm(deps, LEAD_DM_KIND.manager, teamId, managerId, group, (claimed) => speedToLeadManagerNote(claimed, opts.at)), 'managerNotes');
    }
  });
  return summary;
}

/** R2's misses: new arrivals (not imported, not cold, not snoozed) untouched an hour after they came in. */
function missedLeads(db: Db, teamId: string, at: Date): Promise<ArrivalLead[]> {
  return untouchedArrivals(db, teamId, at, new Date(at.getTime() - ALERT_HORIZON_MS), new Date(at.getTime() - SPEED_TO_LEAD_MS));
}
