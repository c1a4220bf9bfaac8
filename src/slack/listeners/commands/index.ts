import type { App } from '@slack/bolt';
import type { Services } from '../../services.js';
import { followupCommand } from './followup.js';

// Rate limit and rep context run for every request (app.ts); subcommands are listed in followup.ts.
export function register(app: App, services: Services): void {
  app.command('/followup', followupCommand(services));
}
