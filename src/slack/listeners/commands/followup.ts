import type { AckFn, Middleware, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { ackBudgetLeft, withinAckBudget } from '../../ack-budget.js';
import { commandFailure } from '../../failure.js';
import { redrawChanged } from '../../home/redraw.js';
import { repOf } from '../../middleware/rep-context.js';
import { splitSubcommand } from '../../parse/split-subcommand.js';
import { quoteUserText } from '../../parse/slack-text.js';
import { refuse, type Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { add } from './followup/add.js';
import { lost, won } from './followup/close.js';
import type { Subcommand } from './followup/context.js';
import { del } from './followup/delete.js';
import { digest } from './followup/digest.js';
import { done } from './followup/done.js';
import { help } from './followup/help.js';
import { importLeadsCommand } from './followup/import.js';
import { inspect } from './followup/inspect.js';
import { log } from './followup/log.js';
import { next } from './followup/next.js';
import { queue } from './followup/queue.js';
import { reassign } from './followup/reassign.js';
import { revive } from './followup/revive.js';
import { settings } from './followup/settings.js';
import { show } from './followup/show.js';
import { snooze } from './followup/snooze.js';
import { stalled } from './followup/stalled.js';
import { undo } from './followup/undo.js';

/** `/followup <subcommand>`: which word runs which handler. */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  help, add, log, next, done, snooze, revive, reassign, won, lost, queue, stalled, digest, settings, show, undo, delete: del, import: importLeadsCommand,
  inspect,
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
      await answer(ack, respond, Promise.resolve(refuse(`I don't know \`${quoteUserText(sub)}\`. Try ${known}.`)), ackBudgetLeft(context.arrivedAt));
      return;
    }
    const rep = repOf(context);
    const work = (async () =>
      handler({
        services,
        teamId: rep.teamId,
        userId: rep.userId,
        rep,
        zone: rep.tz ?? 'UTC',
        args: rest,
        requestKey: command.trigger_id ? `trigger:${command.trigger_id}` : null,
        triggerId: command.trigger_id,
        client,
        now: services.now(),
      }))().catch((err: unknown): Reply => commandFailure(err, services.logger, { sub }));
    const result = await answer(ack, respond, work, ackBudgetLeft(context.arrivedAt));
    await sendMore(respond, result).catch((err: unknown) => services.logger.warn({ sub, error: (err as Error).message }, 'a further reply was not sent'));
    // Only a change that went through redraws App Home, for each rep whose queue it changed.
    redrawChanged(services.home, client, rep.teamId, result.redraw);
  };
}

/** Acks with the reply, or past Slack's 3 seconds with "Working on it…" and the reply through response_url. */
async function answer(ack: AckFn<string | object>, respond: RespondFn, work: Promise<Reply>, budgetMs: number): Promise<Reply> {
  const first = await withinAckBudget(work, budgetMs);
  if (first !== 'late') {
    // An empty reply (a modal opened instead) shows nothing.
    if (!first.text) await ack();
    else await ack({ response_type: 'ephemeral', text: first.text, ...(first.blocks ? { blocks: first.blocks } : {}) });
    return first;
  }
  await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
  const result = await work;
  if (result.text || !result.more?.length) {
    await respond({ response_type: 'ephemeral', replace_original: true, text: result.text, ...(result.blocks ? { blocks: result.blocks } : {}) });
  }
  return result;
}

/** A reply's further messages, in order, each waiting for the one before. */
async function sendMore(respond: RespondFn, result: Reply): Promise<void> {
  for (const m of result.more ?? []) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
}
