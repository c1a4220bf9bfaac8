import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { registerImportView } from './import.js';
import { registerLogTouchViews } from './log-touch.js';
import { registerSnoozeView } from './snooze.js';

export function register(app: App, services: Services): void {
  registerLogTouchViews(app, services);
  registerSnoozeView(app, services);
  registerImportView(app, services);
}
