import { markUninstalled } from '../../../db/ops/install-state.js';
import { removeInstallation } from '../../../db/ops/installations.js';
import { installedAt } from '../../../db/queries/installed-at.js';
import type { Services } from '../../services.js';
import { onEvent } from './on-event.js';

// `app_uninstalled`, or `tokens_revoked` naming bot tokens: nothing more is sent to the team. Its data
// stays for FOLLOWUP_RETENTION_DAYS (a reinstall resumes), then the purge job deletes it. No one acted
// in these events: there is no rep, only the team (from the envelope; Bolt skips authorization here).
// In OAuth mode the install and its token go at once, unless the team installed again after the event:
// the two events may come in either order, and late (docs/architecture.md#installations).

async function uninstall(services: Services, teamId: string | undefined, eventTime: Date, why: string): Promise<void> {
  // Without a team there is nothing to stop (and no row for an empty id to create).
  if (!teamId) return services.logger.warn({ why }, 'uninstall event without a team: ignored');
  const { db } = services.database;
  if (services.installations) {
    const removed = await removeInstallation(db, teamId, eventTime);
    services.installations.forget(teamId);
    if (removed) services.logger.warn({ team: teamId, why }, 'install removed: its token is deleted');
    // Still installed: the install is newer than the event, which is about the one before it.
    else if (await installedAt(db, teamId)) return services.logger.info({ team: teamId, why }, 'uninstall event older than the install: ignored');
  }
  if (await markUninstalled(db, teamId, services.now())) services.logger.warn({ team: teamId, why }, 'team uninstalled: its jobs stop');
}

/** The event's time from the envelope (`event_time`, seconds); now when it has none. */
const eventTimeOf = (body: { event_time?: number }, services: Services): Date =>
  typeof body.event_time === 'number' ? new Date(body.event_time * 1000) : services.now();

export const appUninstalled = (services: Services) =>
  onEvent<'app_uninstalled'>(services, async ({ body, context }) => uninstall(services, context.teamId, eventTimeOf(body, services), 'app_uninstalled'));

export const tokensRevoked = (services: Services) =>
  onEvent<'tokens_revoked'>(services, async ({ event, body, context }) => {
    // Only the bot token matters: a user revoking their own token does not stop the team. An install
    // has one bot, so any bot token revoked is its token.
    if (!event.tokens?.bot?.length) return;
    await uninstall(services, context.teamId, eventTimeOf(body, services), 'tokens_revoked');
  });
