import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerFileUpload } from './file-upload.js';
import { registerUninstall } from './uninstall.js';

export function register(app: App, services: Services): void {
  registerAppHomeOpened(app, services);
  registerUninstall(app, services);
  registerFileUpload(app, services);
}
