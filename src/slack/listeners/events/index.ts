import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { appHomeOpened } from './app-home-opened.js';
import { fileShared } from './file-upload.js';
import { appUninstalled, tokensRevoked } from './uninstall.js';

// Which event goes to which handler.
export function register(app: App, services: Services): void {
  app.event('app_home_opened', appHomeOpened(services));
  app.event('app_uninstalled', appUninstalled(services));
  app.event('tokens_revoked', tokensRevoked(services));
  app.event('message', fileShared(services)); // message.im: a CSV dropped into the app's DM
}
