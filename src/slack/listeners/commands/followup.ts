import type { AckFn, Middleware, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { splitSubcommand } from '../../parse/split-subcommand.js';
import { quoteUserText } from '../../parse/slack-text.js';
import { explainFailure, refuse, type Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { withinAckBudget } from '../../ack-budget.js';
import { publishHome } from '../events/app-home-opened.js';
import { add } from './followup/add.js';
import type { Subcommand } from './followup/context.js';
import { help } from './followup/help.js';
import { importLeadsCommand } from './followup/import.js';
import { log } from './followup/log.js';
import { next } from './followup/next.js';
import { queue } from './followup/queue.js';
import { stalled } from './followup/stalled.js';
import { lost, won } from './followup/close.js';
import { del } from './followup/delete.js';
import { done } from './followup/done.js';
import { reassign } from './followup/reassign.js';
import { revive } from './followup/revive.js';
import { settings } from './followup/settings.js';
import { show } from './followup/show.js';
import { snooze } from './followup/snooze.js';
import { undo } from './followup/undo.js';

const CHANGES_QUEUE = new Set(['add', 'log', 'next', 'done', 'snooze', 'revive', 'won', 'lost', 'undo']);

export const SUBCOMMANDS: Record<string, Subcommand> = {
  help, add, log, next, done, snooze, revive, reassign, won, lost, queue, stalled, settings, show, undo, delete: del, import: importLeadsCommand,
};


/** The one `/followup` command: picks the subcommand, runs it, answers ephemerally. */
export function followupCommand(services: Services): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, context, client }) => {
    const { sub, rest } = splitSubcommand(command.text ?? '');
    // Own keys only: `constructor` or `__proto__` typed as a subcommand must not reach Object's.
    const name = sub || 'help';
    const handler = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!handler) {
      const known = Object.keys(SUBCOMMANDS).map((s) => `\`${s}\``).join(', ');
      await answer(ack, respond, Promise.resolve(refuse(`I don't know \`${quoteUserText(sub)}\`. Try ${known}.`)));
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
      triggerId: command.trigger_id,
      client,
      now: services.now(),
    }).catch((err: unknown) => explainFailure(err, services, sub));
    await answer(ack, respond, work);
    // After a change to the rep's leads, App Home shows the queue as it now stands.
    if (CHANGES_QUEUE.has(name)) void publishHome(services, client, command.team_id, command.user_id);
  };
}

async function answer(ack: AckFn<string | object>, respond: RespondFn, work: Promise<Reply>): Promise<void> {
  // Past Slack's 3 seconds: "Working on it…" now, the answer through response_url.
  const first = await withinAckBudget(work);
  if (first !== 'late') {
    // An empty reply (a modal opened instead) shows nothing.
    if (!first.text) return void (await ack());
    await ack({ response_type: 'ephemeral', text: first.text, ...(first.blocks ? { blocks: first.blocks } : {}) });
    return;
  }
  await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
  const result = await work;
  await respond({ response_type: 'ephemeral', replace_original: true, text: result.text, ...(result.blocks ? { blocks: result.blocks } : {}) });
}
