import type { App } from '@slack/bolt';
import { rateLimitCommands } from '../../middleware/rate-limit.js';
import { repContext } from '../../middleware/rep-context.js';
import type { Services } from '../../services.js';
import { followupCommand } from './followup.js';

export function register(app: App, services: Services): void {
  app.command('/followup', rateLimitCommands(services.metrics), repContext(services), followupCommand(services));
}
