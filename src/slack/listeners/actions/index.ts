import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { registerDeleteLead } from './delete-lead.js';
import { registerLeadButtons } from './lead-buttons.js';

export function register(app: App, services: Services): void {
  registerDeleteLead(app, services);
  registerLeadButtons(app, services);
}
