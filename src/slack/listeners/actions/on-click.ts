import type { AllMiddlewareArgs, BlockAction, BlockElementAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Rep } from '../../../db/schema.js';
import { answerFailure } from '../../failure.js';
import { redrawChanged } from '../../home/redraw.js';
import { repOf } from '../../middleware/rep-context.js';
import type { Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { tell } from '../../surface.js';

type ClickArgs<E extends BlockElementAction> = SlackActionMiddlewareArgs<BlockAction<E>> & AllMiddlewareArgs;

/** What a click handler gets: who clicked (their rep, from the middleware), what, and the time. */
export interface Click<E extends BlockElementAction> {
  rep: Rep;
  body: BlockAction<E>;
  action: E;
  client: WebClient;
  now: Date;
}

export interface ClickOptions {
  /** A button on a command's ephemeral reply (a confirmation): the answer takes that reply's place. */
  replaceOriginal?: boolean;
}

/**
 * The shell of every button and menu listener: acks at once, runs the handler, tells the clicker
 * its reply (if any), redraws App Home for the reps it changed, and answers a failure through the
 * failure handler.
 */
export function onClick<E extends BlockElementAction>(services: Services, handle: (click: Click<E>) => Promise<Reply>, opts: ClickOptions = {}) {
  return async (args: ClickArgs<E>): Promise<void> => {
    await args.ack();
    try {
      const rep = repOf(args.context);
      const result = await handle({ rep, body: args.body, action: args.action as E, client: args.client, now: services.now() });
      if (result.text) await tell(args, services.logger, result.text, { acked: true, ...opts, ...(result.blocks ? { blocks: result.blocks } : {}) });
      redrawChanged(services.home, args.client, rep.teamId, result.redraw);
    } catch (err) {
      await answerFailure(args, services.logger, err, { acked: true, ...opts });
    }
  };
}
