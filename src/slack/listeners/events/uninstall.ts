import type { App } from '@slack/bolt';
import { markUninstalled } from '../../../db/ops/install-state.js';
import type { Services } from '../../services.js';

/**
 * `app_uninstalled`, or `tokens_revoked` naming bot tokens: nothing more is sent to the team. Its data
 * stays for FOLLOWUP_RETENTION_DAYS (a reinstall resumes), then the purge job deletes it.
 */
export function registerUninstall(app: App, services: Services): void {
  const uninstall = async (teamId: string | undefined, why: string) => {
    // Without a team there is nothing to stop (and no row for an empty id to create).
    if (!teamId) return services.logger.warn({ why }, 'uninstall event without a team: ignored');
    if (await markUninstalled(services.database.db, teamId, services.now())) services.logger.warn({ team: teamId, why }, 'team uninstalled: its jobs stop');
  };
  // Bolt skips authorization for these two events, so the team comes from the envelope.
  const teamOf = (context: { teamId?: string }, body: unknown) => context.teamId ?? (body as { team_id?: string }).team_id;
  app.event('app_uninstalled', async ({ context, body }) => {
    await uninstall(teamOf(context, body), 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context, body }) => {
    // Only the bot token matters: a user revoking their own token does not stop the team.
    if (!event.tokens?.bot?.length) return;
    await uninstall(teamOf(context, body), 'tokens_revoked');
  });
}
