import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { LEAD_SELECT } from '../../ui/log-modal.js';
import { leadSelectOptions } from './lead-select.js';

// Which select (action id) gets its options from which handler. The ids are defined beside the selects (ui/).
export function register(app: App, services: Services): void {
  app.options<'block_suggestion'>(LEAD_SELECT, leadSelectOptions(services)); // lead_select
}
