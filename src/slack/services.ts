import type { Logger } from 'pino';
import type { Database } from '../db/client.js';

/** What listeners need, passed in rather than imported, so tests and the CLI can supply their own. */
export interface Services {
  database: Database;
  logger: Logger;
  /** The clock: logic never reads Date.now() itself. */
  now: () => Date;
  /** R2: tells a lead's owner of its arrival now (a lead they did not add themselves); never throws. */
  notifyArrival?: (teamId: string, leadId: string) => void;
}
