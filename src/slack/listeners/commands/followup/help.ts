import { quoteUserText } from '../../../parse/slack-text.js';
import { refuse, reply } from '../../../reply.js';
import { commandHelpText, helpText, helpTopics } from '../../../ui/help-text.js';
import type { Subcommand } from './context.js';

/** `/followup help [command]`: short and role-aware; a command's details on request. */
export const help: Subcommand = async (ctx) => {
  const topic = ctx.args.trim().toLowerCase();
  if (!topic) return reply(helpText(ctx.rep.isManager));
  const text = commandHelpText(topic, ctx.rep.isManager);
  if (text) return reply(text);
  const known = helpTopics().filter((t) => ctx.rep.isManager || !['reassign', 'stalled', 'digest', 'import'].includes(t));
  return refuse(`There is no command "${quoteUserText(topic)}". Ask about one of: ${known.join(', ')}.`);
};
