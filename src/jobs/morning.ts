import { buildQueue } from '../coach/index.js';
import { planFirstTouchesFor } from '../db/ops/plan-first-touches.js';
import type { Db } from '../db/client.js';
import { claimDelivery, finishDelivery, releaseDelivery, settledTargets } from '../db/ledger.js';
import { forEachRepLeads } from '../db/queries/team-leads-cursor.js';
import { teamReps } from '../db/queries/team-reps.js';
import { teamWorkWeek } from '../db/queries/team-work-week.js';
import { postDm } from '../outbound/post-dm.js';
import { FORGET_INSTALL_ERRORS, PERMANENT_SLACK_ERRORS, slackErrorCode, TEAM_GONE_ERRORS } from '../outbound/slack-errors.js';
import { morningMessage, type MorningMessage } from '../slack/ui/morning-message.js';
import { anySignal } from './any-signal.js';
import { forEachLimited } from './for-each-limited.js';
import { forEachTeam } from './for-each-team.js';
import { newClaimer, noInstallCounter, type JobOptions, type JobSummary } from './job-options.js';
import { morningDue } from './morning-schedule.js';
import { refreshStaleZones } from './refresh-zones.js';

// One send in flight per team: a crash mid-send can then repeat at most that one message of each
// team being worked on (the delivery ledger, docs/architecture.md). Larger installs may trade that for speed with FOLLOWUP_SEND_CONCURRENCY.
const DEFAULT_CONCURRENCY = 1;
export interface Plan {
  userId: string;
  periodKey: string;
  message: MorningMessage | null;
}

/**
 * The morning DM: each rep whose local DM time has come today (weekdays, up to 4 hours
 * late) gets their ranked queue once — every send is claimed in the delivery ledger first, so
 * several replicas and a restart after a crash still send each rep one DM.
 */
export async function runMorning(opts: JobOptions): Promise<JobSummary> {
  const summary: JobSummary = { job: 'morning', sent: 0, skipped: 0, failed: 0 };
  const claimer = opts.claimer ?? newClaimer();
  const noInstall = noInstallCounter(summary, opts.logger);
  await forEachTeam(opts, summary, async (teamId) => {
    await refreshStaleZones(opts.database.db, () => opts.clients.forTeam(teamId), opts.logger, teamId, opts.at);
    const plans = await planMorning(opts.database.db, teamId, opts.at);
    const gone = new AbortController();
    const teamOpts = { ...opts, signal: anySignal(opts.signal, gone.signal) };
    const team: TeamRun = {
      id: teamId,
      noInstall: () => noInstall(teamId),
      // Slack refused the team's token: its other DMs wait for a later tick, and the token is read afresh.
      gone: () => {
        if (gone.signal.aborted) return;
        gone.abort();
        opts.clients.forget(teamId);
      },
    };
    await forEachLimited(plans, opts.concurrency ?? DEFAULT_CONCURRENCY, (plan) => deliver(teamOpts, team, plan, claimer, summary));
  });
  return summary;
}

interface TeamRun {
  id: string;
  noInstall(): void;
  gone(): void;
}

/**
 * Who is owed this morning's DM in a team, and what it says: a fixed number of statements per team
 * (the reps, the ledger, one cursor pass over the leads) and the first-touch plan of each rep owed a DM.
 */
export async function planMorning(db: Db, teamId: string, at: Date): Promise<Plan[]> {
  const due = new Map<string, { periodKey: string; zone: string }>();
  for (const rep of await teamReps(db, teamId)) {
    const when = morningDue(rep, at);
    if (when) due.set(rep.userId, { periodKey: when.periodKey, zone: rep.tz ?? 'UTC' });
  }
  if (due.size === 0) return [];
  const settled = await settledTargets(db, 'morning', teamId, [...due.values()].map((d) => d.periodKey), [...due.keys()]);
  const owed = new Map([...due].filter(([userId, d]) => !settled.has(`${userId}|${d.periodKey}`)));
  if (owed.size === 0) return [];

  // docs/rules.md#r2: imported leads never touched get their first contact spread over the working
  // days before the queue is built, so the DM holds this day's share, not the whole book.
  // One statement finds the team's waiting imports (usually none); only reps owed a DM now are planned.
  await planFirstTouchesFor(db, { teamId, now: at, zoneOf: (ownerId) => owed.get(ownerId)?.zone ?? null });

  // Plan from one cursor pass over the team; send afterwards (the cursor holds the connection).
  // R2's first working hour is the team's working time in each rep's zone.
  const week = await teamWorkWeek(db, teamId);
  const plans: Plan[] = [];
  const planned = new Set<string>();
  await forEachRepLeads(db, teamId, (ownerId, leads) => {
    const d = owed.get(ownerId);
    if (!d || planned.has(ownerId)) return;
    const clock = { now: at, zone: d.zone };
    plans.push({ userId: ownerId, periodKey: d.periodKey, message: morningMessage(buildQueue(leads, clock, week), clock) });
    planned.add(ownerId);
  }, undefined, [...owed.keys()]);
  // Owed reps who own no leads have nothing to hear about.
  for (const [userId, d] of owed) if (!planned.has(userId)) plans.push({ userId, periodKey: d.periodKey, message: null });
  return plans;
}

async function deliver(opts: JobOptions, team: TeamRun, plan: Plan, claimer: string, summary: JobSummary): Promise<void> {
  const { db } = opts.database;
  const teamId = team.id;
  if (opts.signal?.aborted) return;
  // Without an installation nothing is claimed: the DM stays owed, for a re-install this morning.
  const slack = plan.message ? await opts.clients.forTeam(teamId) : null;
  if (plan.message && !slack) return team.noInstall();
  const claim = await claimDelivery(db, { kind: 'morning', teamId, target: plan.userId, periodKey: plan.periodKey }, claimer, opts.leaseMs);
  if (!claim) return;
  const log = opts.logger.child({ job: 'morning', teamId, rep: plan.userId, period: plan.periodKey });
  if (!plan.message || !slack) {
    // Nothing due and no warnings: no message (and no re-planning this rep every minute).
    await finishDelivery(db, claim.id, { status: 'skipped', error: 'nothing due' });
    summary.skipped += 1;
    return;
  }
  try {
    const ts = await postDm(slack.client, slack.pacer, log, plan.userId, plan.message);
    await finishDelivery(db, claim.id, { status: 'sent', slackTs: ts });
    summary.sent += 1;
    log.info('morning DM sent');
  } catch (err) {
    const code = slackErrorCode(err);
    if (TEAM_GONE_ERRORS.has(code)) team.gone();
    else if (FORGET_INSTALL_ERRORS.has(code)) opts.clients.forget(teamId);
    if (PERMANENT_SLACK_ERRORS.has(code)) {
      await finishDelivery(db, claim.id, { status: 'failed', error: code });
      log.warn({ error: code }, 'morning DM failed');
    } else {
      await releaseDelivery(db, claim.id, code);
      log.warn({ error: code }, 'morning DM failed; a later tick will retry');
    }
    summary.failed += 1;
  }
}
