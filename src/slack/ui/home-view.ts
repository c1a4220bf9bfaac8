import type { HomeView } from '@slack/types';
import type { Queue } from '../../coach/queue.js';
import { inZone } from '../../coach/local-day.js';
import { queueBlocks } from './morning-message.js';

// A Home tab holds up to 100 blocks: 20 items and 20 warnings at 2 blocks each, plus headers.
const HOME_LIMITS = { items: 20, warnings: 20 };

/** App Home: the rep's queue now, with the same reasons and buttons as the morning DM. */
export function homeView(queue: Queue, clock: { now: Date; zone: string }): HomeView {
  const day = inZone(clock.now, clock.zone).toFormat('cccc d LLLL, HH:mm');
  const empty = queue.items.length === 0 && queue.noNextStep.length === 0;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Your follow-up queue' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `As of ${day} (${clock.zone}). \`/followup help\` for commands.` }] },
      ...(empty
        ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Nothing is due and every open lead has a dated next step. :tada:' } }]
        : queueBlocks(queue, clock, HOME_LIMITS)),
    ],
  };
}
