import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { claimDelivery, finishDelivery, releaseDelivery } from '../db/ledger.js';
import type { AlertMessage, ArrivalLead } from '../slack/ui/arrival-alert.js';
import { postDm } from './post-dm.js';
import { FORGET_INSTALL_ERRORS, PERMANENT_SLACK_ERRORS, slackErrorCode } from './slack-errors.js';
import type { TeamClients } from './team-clients.js';

// Ledger kinds of the DMs about leads: each (lead, person) is told once.
export const LEAD_DM_KIND = { arrival: 'lead-arrival', reminder: 'speed-to-lead-reminder', manager: 'speed-to-lead-manager' } as const;

export interface AlertDeps {
  database: Database;
  /** The team's client and pacer; a team with none is told nothing (the alert stays owed). */
  clients: TeamClients;
  logger: Logger;
  claimer: string;
  leaseMs?: number;
  signal?: AbortSignal;
}

/** `none`: nothing to send (or another process sends it); `no-install`: the team has no installation to send with. */
export type SendOutcome = 'sent' | 'failed' | 'none' | 'no-install';

/**
 * Claims (target, lead) for each lead, sends one message for those this process won, and settles
 * them all with its outcome. A 429 is waited out; a passing failure gives the claims back.
 */
export async function sendLeadDm(
  deps: AlertDeps,
  kind: string,
  teamId: string,
  target: string,
  group: ArrivalLead[],
  build: (claimed: ArrivalLead[]) => AlertMessage,
): Promise<SendOutcome> {
  const { db } = deps.database;
  if (deps.signal?.aborted) return 'none';
  // Without an installation nothing is claimed: the message stays owed, for a re-install.
  const slack = await deps.clients.forTeam(teamId);
  if (!slack) return 'no-install';
  const claimed: { lead: ArrivalLead; deliveryId: string }[] = [];
  for (const lead of group) {
    const claim = await claimDelivery(db, { kind, teamId, target, periodKey: lead.id }, deps.claimer, deps.leaseMs);
    if (claim) claimed.push({ lead, deliveryId: claim.id });
  }
  if (claimed.length === 0) return 'none';
  const log = deps.logger.child({ job: 'speed-to-lead', kind, teamId, target, leads: claimed.length });
  try {
    const ts = await postDm(slack.client, slack.pacer, log, target, build(claimed.map((c) => c.lead)));
    for (const c of claimed) await finishDelivery(db, c.deliveryId, { status: 'sent', slackTs: ts });
    log.info('speed-to-lead message sent');
    return 'sent';
  } catch (err) {
    const code = slackErrorCode(err);
    // Slack refused the team's token (or the account is inactive): it is read afresh next time (a re-install brings a new one).
    if (FORGET_INSTALL_ERRORS.has(code)) deps.clients.forget(teamId);
    for (const c of claimed) {
      if (PERMANENT_SLACK_ERRORS.has(code)) await finishDelivery(db, c.deliveryId, { status: 'failed', error: code });
      else await releaseDelivery(db, c.deliveryId, code);
    }
    log.warn({ error: code }, 'speed-to-lead message failed');
    return 'failed';
  }
}
