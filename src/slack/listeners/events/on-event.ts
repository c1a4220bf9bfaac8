import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFailure } from '../../failure.js';
import type { Services } from '../../services.js';

export type EventArgs<E extends string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** The shell of every event listener: an event has no one to answer, so a failure is logged only. */
export function onEvent<E extends string>(services: Services, handle: (args: EventArgs<E>) => Promise<void>) {
  return async (args: EventArgs<E>): Promise<void> => {
    try {
      await handle(args);
    } catch (err) {
      await answerFailure(args, services.logger, err);
    }
  };
}
