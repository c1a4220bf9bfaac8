import type { Logger } from 'pino';
import { DEFAULT_SEND_RATE, Pacer } from './pacer.js';
import { postDm, type DmMessage } from './post-dm.js';
import type { SlackClient } from './slack-client.js';

// One DM to one person about something that just happened (a handover, a referrer to thank). The
// change it reports is already saved: a failed DM is logged and the request still succeeds.
const pacer = new Pacer(DEFAULT_SEND_RATE);

export async function tellPerson(client: SlackClient, logger: Logger, userId: string, message: DmMessage, what: string): Promise<boolean> {
  try {
    await postDm(client, pacer, logger, userId, message);
    return true;
  } catch (err) {
    logger.warn({ rep: userId, what, err: (err as Error).message }, 'DM failed');
    return false;
  }
}
