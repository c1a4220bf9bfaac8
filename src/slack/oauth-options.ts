// The receiver's installer in OAuth mode (docs/architecture.md#installations): Bolt serves the install
// page at /slack/install and finishes installs at /slack/oauth_redirect, with the app's own pages.
import type { HTTPReceiverOptions } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { installedPage, installFailedPage, installPage, sendPage, type InstallFailure } from '../http/install-pages.js';
import { InstallRefused } from '../install/install-refused.js';
import type { InstallationCache } from '../install/installation-cache.js';
import { appInstallationStore, type AppInstallationStore } from '../install/installation-store.js';
import { installerIsAdmin, uninstallRefused } from '../outbound/installer.js';
import { loadManifest, OAUTH_REDIRECT_PATH } from './manifest.js';

export const INSTALL_PATH = '/slack/install';

export type OAuthReceiverOptions = Required<Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'>>;

/** Slack's authorize page sits beside its Web API (slack.com/oauth/v2/authorize, slack.com/api/): so does a stand-in's. */
export const authorizationUrlFor = (slackApiUrl: string | undefined): string | undefined =>
  slackApiUrl ? new URL('../oauth/v2/authorize', slackApiUrl).toString() : undefined;

// Bolt's codes for a redirect it could not use (@slack/oauth errors), and the app's own refusals.
function failureOf(error: { code?: string }): InstallFailure {
  if (error instanceof InstallRefused) return error.reason;
  switch (error.code) {
    case 'slack_oauth_missing_state':
    case 'slack_oauth_invalid_state':
      return 'state';
    case 'slack_oauth_installer_authorization_error':
      return 'cancelled';
    case 'slack_oauth_missing_code':
      return 'no_code';
    default:
      return 'unknown';
  }
}

export function oauthReceiverOptions(config: Config, logger: Logger, store: AppInstallationStore, scopes: string[]): OAuthReceiverOptions {
  const authorizationUrl = authorizationUrlFor(config.SLACK_API_URL);
  return {
    clientId: config.SLACK_CLIENT_ID!,
    clientSecret: config.SLACK_CLIENT_SECRET!,
    stateSecret: config.SLACK_STATE_SECRET!,
    scopes,
    installationStore: store,
    installerOptions: {
      // The install page first (what the app does, then "Add to Slack"), not a jump straight to Slack.
      directInstall: false,
      installPath: INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      ...(authorizationUrl ? { authorizationUrl } : {}),
      ...(config.SLACK_API_URL ? { clientOptions: { slackApiUrl: config.SLACK_API_URL } } : {}),
      renderHtmlForInstallPath: (url: string) => installPage(url).body,
      callbackOptions: {
        success: (installation, _options, _req: IncomingMessage, res: ServerResponse) =>
          sendPage(res, installedPage(store.firstManagerOf(installation) ?? 'not-admin', installation.team?.name)),
        failure: (error, _options, _req: IncomingMessage, res: ServerResponse) => {
          const failure = failureOf(error);
          if (failure === 'unknown') logger.error({ err: { message: error.message, code: error.code } }, 'an install could not be finished');
          else logger.info({ reason: failure }, 'install did not finish');
          sendPage(res, installFailedPage(failure, INSTALL_PATH));
        },
      },
    },
  };
}

/** The installer for this deployment: the store over the database, asking for the scopes the manifest declares. */
export async function installerOptionsFor(config: Config, logger: Logger, database: Database, cache: InstallationCache, now: () => Date): Promise<OAuthReceiverOptions> {
  const store = appInstallationStore({
    database,
    keyring: config.FOLLOWUP_ENCRYPTION_KEYS!,
    cache,
    logger,
    now,
    allowedTeams: config.FOLLOWUP_ALLOWED_TEAMS,
    installerIsAdmin: (token, userId) => installerIsAdmin(config, logger, token, userId),
    uninstallRefused: (token, teamId) => uninstallRefused(config, logger, token, teamId),
  });
  const scopes = (await loadManifest()).oauth_config.scopes.bot as string[];
  return oauthReceiverOptions(config, logger, store, scopes);
}
