import type { AckFn, Middleware, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { splitSubcommand } from '../../parse/command.js';
import { escapeSlackText } from '../../parse/slack-text.js';
import { explainFailure, refuse, type Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { add } from './followup/add.js';
import type { Subcommand } from './followup/context.js';
import { AVAILABLE, help } from './followup/help.js';
import { log } from './followup/log.js';
import { next } from './followup/next.js';
import { queue } from './followup/queue.js';
import { stalled } from './followup/stalled.js';

const SUBCOMMANDS: Record<string, Subcommand> = { help, add, log, next, queue, stalled };

// Slack drops a slash command not answered within 3 s; past this we ack and answer via response_url.
const ACK_BUDGET_MS = 2500;

/** The one `/followup` command: picks the subcommand, runs it, answers ephemerally. */
export function followupCommand(services: Services): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, context }) => {
    const { sub, rest } = splitSubcommand(command.text ?? '');
    const handler = SUBCOMMANDS[sub || 'help'];
    if (!handler) {
      const known = AVAILABLE.map((s) => `\`${s}\``).join(', ');
      await answer(ack, respond, Promise.resolve(refuse(`I don't know \`${escapeSlackText(sub)}\`. Try ${known}.`)));
      return;
    }
    const work = handler({
      services,
      teamId: command.team_id,
      userId: command.user_id,
      rep: context.rep!,
      zone: context.rep?.tz ?? 'UTC',
      args: rest,
      requestKey: command.trigger_id ? `trigger:${command.trigger_id}` : null,
      now: services.now(),
    }).catch((err: unknown) => explainFailure(err, services, sub));
    await answer(ack, respond, work);
  };
}

async function answer(ack: AckFn<string | object>, respond: RespondFn, work: Promise<Reply>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ACK_BUDGET_MS);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    await ack({ response_type: 'ephemeral', text: first.text });
    return;
  }
  await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
  const result = await work;
  await respond({ response_type: 'ephemeral', replace_original: true, text: result.text });
}
