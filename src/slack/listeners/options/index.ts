import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { registerLeadSelect } from './lead-select.js';

export function register(app: App, services: Services): void {
  registerLeadSelect(app, services);
}
