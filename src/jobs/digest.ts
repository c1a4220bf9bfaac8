import type { Db } from '../db/client.js';
import { claimDelivery, finishDelivery, releaseDelivery, settledTargets } from '../db/ledger.js';
import { activeTeamIds } from '../db/queries/active-teams.js';
import { saveDigestSnapshot } from '../db/ops/digest-snapshot.js';
import { snapshotOf } from '../db/queries/digest-content.js';
import { repMetrics } from '../db/queries/rep-metrics.js';
import { teamById } from '../db/queries/team-by-id.js';
import { repDisplayNames } from '../db/queries/team-reps.js';
import { postDigest, uploadDigestChart } from '../outbound/digest-post.js';
import { FORGET_INSTALL_ERRORS, PERMANENT_SLACK_ERRORS, slackErrorCode } from '../outbound/slack-errors.js';
import type { SlackClient } from '../outbound/slack-client.js';
import { digestChartSvg } from '../slack/ui/digest-chart.js';
import { weekLabel } from '../slack/ui/digest-message.js';
import { buildDigest } from './digest-build.js';
import { digestDue } from './digest-schedule.js';
import { teamFailed } from './for-each-team.js';
import { newClaimer, noInstallCounter, type JobOptions, type JobSummary } from './job-options.js';
import { renderPng } from './render-chart.js';

/** The picture: per-rep touch distribution and promise-kept %, uploaded into the digest's thread. */
async function uploadChart(
  db: Db,
  client: SlackClient,
  channel: string,
  threadTs: string | undefined,
  w: { teamId: string; from: Date; to: Date; now: Date },
  title: string,
): Promise<void> {
  const names = await repDisplayNames(db, w.teamId);
  const rows = (await repMetrics(db, w)).map((m) => ({ label: names.get(m.ownerId) || m.ownerId, metrics: m }));
  if (rows.length === 0) return;
  await uploadDigestChart(client, channel, threadTs, renderPng(digestChartSvg(rows)), title);
}

// The ledger's target for a digest that was due with no channel to go to (never a channel id).
const NO_CHANNEL = '-';

export interface DigestSummary extends JobSummary {
  /** Why nothing went out, when nothing did. */
  reason?: string;
}

/**
 * R15's weekly digest in the manager channel: per rep, up to three stalled leads to ask about, their
 * figures with last week's beside them (a snapshot stored each week), parked leads apart, inspection
 * picks; the team's figures about leads and about reps. Once per channel per week (delivery ledger).
 */
export async function runDigest(opts: Omit<JobOptions, 'concurrency'>): Promise<DigestSummary> {
  const summary: DigestSummary = { job: 'digest', sent: 0, skipped: 0, failed: 0 };
  const run: DigestRun = { opts, summary, claimer: opts.claimer ?? newClaimer(), noInstall: noInstallCounter(summary, opts.logger) };
  for (const teamId of await activeTeamIds(opts.database.db, opts.teamId)) {
    if (opts.signal?.aborted) break;
    await digestTeam(run, teamId).catch((err: unknown) => teamFailed(opts, summary, teamId, err));
  }
  return summary;
}

interface DigestRun {
  opts: Omit<JobOptions, 'concurrency'>;
  summary: DigestSummary;
  claimer: string;
  noInstall: (teamId: string) => void;
}

/** One team's digest, when it is due. */
async function digestTeam({ opts, summary, claimer, noInstall }: DigestRun, teamId: string): Promise<void> {
  const { db } = opts.database;
  const team = await teamById(db, teamId);
  if (!team) return;
  const due = digestDue({ ...team, digestChannel: team.digestChannel ?? NO_CHANNEL }, opts.at);
  if (!due) return;
  if (!team.digestChannel) {
    // Due with nowhere to go: counted once a week through the ledger, not on every tick of the window.
    const skip = await claimDelivery(db, { kind: 'digest', teamId, target: NO_CHANNEL, periodKey: due.periodKey }, claimer, opts.leaseMs);
    if (skip) {
      await finishDelivery(db, skip.id, { status: 'skipped', error: 'no digest channel' });
      summary.skipped += 1;
    }
    summary.reason = 'no digest channel set (a manager sets one with `/followup settings digest:#channel`)';
    return;
  }
  // Without an installation nothing is claimed: the digest stays owed, for a re-install within its window.
  const slack = await opts.clients.forTeam(teamId);
  if (!slack) {
    const settled = await settledTargets(db, 'digest', teamId, [due.periodKey], [team.digestChannel]);
    if (settled.size === 0) noInstall(teamId);
    return;
  }
  const claim = await claimDelivery(db, { kind: 'digest', teamId, target: team.digestChannel, periodKey: due.periodKey }, claimer, opts.leaseMs);
  if (!claim) return;
  const { data, messages } = await buildDigest(db, team, { from: due.from, to: due.to, now: opts.at, soFar: false });
  const title = `Follow-up digest — ${weekLabel(data)}`;
  const log = opts.logger.child({ job: 'digest', teamId, channel: team.digestChannel, period: due.periodKey });
  try {
    const ts = await postDigest(slack.client, team.digestChannel, messages);
    await finishDelivery(db, claim.id, { status: 'sent', slackTs: ts ?? '' });
    summary.sent += 1;
    // What next week's digest compares with.
    await saveDigestSnapshot(db, teamId, data.weekStart, snapshotOf(data)).catch((err: Error) =>
      log.warn({ error: err.message }, 'digest figures not stored (next week shows no change)'),
    );
    await uploadChart(db, slack.client, team.digestChannel, ts, { teamId, from: due.from, to: due.to, now: opts.at }, title).catch((err: Error) =>
      log.warn({ error: err.message }, 'digest chart not uploaded (the digest itself went out)'),
    );
    log.info({ messages: messages.length }, 'digest sent');
  } catch (err) {
    const code = slackErrorCode(err);
    if (FORGET_INSTALL_ERRORS.has(code)) opts.clients.forget(teamId);
    if (PERMANENT_SLACK_ERRORS.has(code)) await finishDelivery(db, claim.id, { status: 'failed', error: code });
    else await releaseDelivery(db, claim.id, code);
    log.warn({ error: code }, 'digest failed');
    summary.failed += 1;
  }
}
