import type { WebClient } from '@slack/web-api';
import type { Rep } from '../../../../db/schema.js';
import type { Services } from '../../../services.js';
import type { Reply } from '../../../reply.js';

/** Everything a subcommand gets: who asked, their words after the subcommand, and the time. */
export interface CommandContext {
  services: Services;
  teamId: string;
  userId: string;
  rep: Rep;
  /** The rep's IANA zone: dates are read and shown in it. */
  zone: string;
  args: string;
  /** Slack's trigger id: a repeated request with the same one writes nothing. */
  requestKey: string | null;
  /** For views.open: valid for 3 seconds after the command. */
  triggerId: string;
  client: WebClient;
  now: Date;
}

export type Subcommand = (ctx: CommandContext) => Promise<Reply>;
