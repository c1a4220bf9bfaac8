import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { InstallationCache } from '../install/installation-cache.js';
import type { TokenStatus } from '../outbound/token-check.js';
import type { InFlight } from '../observability/in-flight.js';
import type { Metrics } from '../observability/metrics.js';
import type { HomeService } from './home/redraw.js';

/** What listeners need, passed in rather than imported, so tests and the CLI can supply their own. */
export interface Services {
  database: Database;
  logger: Logger;
  /** The clock: logic never reads Date.now() itself. */
  now: () => Date;
  metrics: Metrics;
  /** Work under way, which a graceful shutdown waits for. */
  inFlight: InFlight;
  /** App Home: listeners ask for a redraw of the reps an operation changed. */
  home: HomeService;
  /** R2: tells a lead's owner of its arrival now (a lead they did not add themselves); never throws. */
  notifyArrival?: (teamId: string, leadId: string) => void;
  /** OAuth mode: the workspaces' installs; undefined with one bot token from the environment. */
  installations?: InstallationCache;
  /** OAuth mode: auth.test with a stored token (an uninstall event that looks older than the install). */
  tokenStatus?: (token: string) => Promise<TokenStatus>;
}
