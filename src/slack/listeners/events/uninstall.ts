import { markUninstalled } from '../../../db/ops/install-state.js';
import { removeInstallation } from '../../../db/ops/installations.js';
import { storedInstall } from '../../../db/queries/installed-at.js';
import type { Services } from '../../services.js';
import { onEvent } from './on-event.js';

// `app_uninstalled`, or `tokens_revoked` naming the bot: nothing more is sent to the team. Its data
// stays for FOLLOWUP_RETENTION_DAYS (a reinstall resumes), then the purge job deletes it. No one acted
// in these events: there is no rep, only the team (from the envelope; Bolt skips authorization here).
// In OAuth mode the install and its token go at once, unless the team installed again after the event:
// the two events may come in either order, and late (docs/architecture.md#installations).

/**
 * OAuth mode: deletes the team's install when the event is not older than it. An event that looks
 * older (Slack's event_time is whole seconds, so one from the same second as the install does too)
 * is checked with Slack: the stored token refused means that install is the one removed.
 */
async function removeInstall(services: Services, teamId: string, stored: { installedAt: Date }, eventTime: Date, why: string): Promise<boolean> {
  const { db } = services.database;
  if (await removeInstallation(db, teamId, eventTime)) return true;
  services.installations!.forget(teamId);
  const record = await services.installations!.installation(teamId);
  if (!record || record.installedAt.getTime() !== stored.installedAt.getTime() || !services.tokenStatus) return false;
  const status = await services.tokenStatus(record.botToken);
  services.logger.info({ team: teamId, why, token: status }, 'uninstall event older than the install: Slack asked about its token');
  // Only this install, not one stored while Slack was asked.
  return status === 'refused' && (await removeInstallation(db, teamId, stored.installedAt));
}

async function uninstall(services: Services, teamId: string | undefined, eventTime: Date, why: string, botUsers?: string[]): Promise<void> {
  // Without a team there is nothing to stop (and no row for an empty id to create).
  if (!teamId) return services.logger.warn({ why }, 'uninstall event without a team: ignored');
  const { db } = services.database;
  if (services.installations) {
    const stored = await storedInstall(db, teamId);
    // tokens_revoked for a bot that is not the install's (an earlier install's) stops nothing.
    if (stored?.botUserId && botUsers && !botUsers.includes(stored.botUserId)) {
      return services.logger.info({ team: teamId, why }, 'revoked token is not the install\'s bot: ignored');
    }
    const removed = stored ? await removeInstall(services, teamId, stored, eventTime, why) : false;
    services.installations.forget(teamId);
    if (removed) services.logger.warn({ team: teamId, why }, 'install removed: its token is deleted');
    // Still installed: the install is newer than the event, which is about the one before it.
    else if (stored) return services.logger.info({ team: teamId, why }, 'uninstall event older than the install: ignored');
  }
  // In OAuth mode, not when the team has an install (a re-install stored since the delete).
  if (await markUninstalled(db, teamId, services.now(), { unlessInstalled: Boolean(services.installations) })) {
    services.logger.warn({ team: teamId, why }, 'team uninstalled: its jobs stop');
  }
}

/** The event's time from the envelope (`event_time`, seconds); now when it has none. */
const eventTimeOf = (body: { event_time?: number }, services: Services): Date =>
  typeof body.event_time === 'number' ? new Date(body.event_time * 1000) : services.now();

export const appUninstalled = (services: Services) =>
  onEvent<'app_uninstalled'>(services, async ({ body, context }) => uninstall(services, context.teamId, eventTimeOf(body, services), 'app_uninstalled'));

export const tokensRevoked = (services: Services) =>
  onEvent<'tokens_revoked'>(services, async ({ event, body, context }) => {
    // Only the bot token matters: a user revoking their own token does not stop the team.
    const bots = event.tokens?.bot ?? [];
    if (!bots.length) return;
    await uninstall(services, context.teamId, eventTimeOf(body, services), 'tokens_revoked', bots);
  });
