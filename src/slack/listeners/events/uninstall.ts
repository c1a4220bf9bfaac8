import { markUninstalled } from '../../../db/ops/install-state.js';
import type { Services } from '../../services.js';
import { onEvent } from './on-event.js';

// `app_uninstalled`, or `tokens_revoked` naming bot tokens: nothing more is sent to the team. Its data
// stays for FOLLOWUP_RETENTION_DAYS (a reinstall resumes), then the purge job deletes it. No one acted
// in these events: there is no rep, only the team (from the envelope; Bolt skips authorization here).

async function uninstall(services: Services, teamId: string | undefined, why: string): Promise<void> {
  // Without a team there is nothing to stop (and no row for an empty id to create).
  if (!teamId) return services.logger.warn({ why }, 'uninstall event without a team: ignored');
  if (await markUninstalled(services.database.db, teamId, services.now())) services.logger.warn({ team: teamId, why }, 'team uninstalled: its jobs stop');
}

export const appUninstalled = (services: Services) =>
  onEvent<'app_uninstalled'>(services, async ({ context }) => uninstall(services, context.teamId, 'app_uninstalled'));

export const tokensRevoked = (services: Services) =>
  onEvent<'tokens_revoked'>(services, async ({ event, context }) => {
    // Only the bot token matters: a user revoking their own token does not stop the team.
    if (!event.tokens?.bot?.length) return;
    await uninstall(services, context.teamId, 'tokens_revoked');
  });
