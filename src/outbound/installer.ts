// Web API calls made while an install is stored (docs/architecture.md#installations): who the
// installer is, and giving a refused install back.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { jobSlackClient } from './slack-client.js';
import { slackErrorCode } from './slack-errors.js';
import { userById } from './slack-users.js';

/** Whether the installer is a workspace admin or owner (users.info with the new token); false when Slack does not say. */
export async function installerIsAdmin(config: Config, logger: Logger, token: string, userId: string): Promise<boolean> {
  try {
    const user = await userById(jobSlackClient(config, logger, token), userId);
    return Boolean(user?.is_admin || user?.is_owner);
  } catch (err) {
    logger.warn({ userId, err: slackErrorCode(err) }, 'users.info for the installer failed: not made a manager');
    return false;
  }
}

/** A refused install leaves no app behind in the workspace (apps.uninstall); best effort, logged when it fails. */
export async function uninstallRefused(config: Config, logger: Logger, token: string, teamId: string): Promise<void> {
  try {
    await jobSlackClient(config, logger, token).apps.uninstall({ client_id: config.SLACK_CLIENT_ID!, client_secret: config.SLACK_CLIENT_SECRET! });
  } catch (err) {
    logger.warn({ team: teamId, err: slackErrorCode(err) }, 'removing a refused install from its workspace failed');
  }
}
