import { repOf } from '../../middleware/rep-context.js';
import type { Services } from '../../services.js';
import { onEvent } from './on-event.js';

/** App Home is drawn afresh each time the rep opens it. */
export const appHomeOpened = (services: Services) =>
  onEvent<'app_home_opened'>(services, async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const rep = repOf(context);
    await services.home.redraw(client, rep.teamId, rep.userId);
  });
