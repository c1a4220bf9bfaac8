import { importSlackFile, type SlackFile } from '../../import-file.js';
import { repOf } from '../../middleware/rep-context.js';
import { escapeSlackText } from '../../parse/slack-text.js';
import type { Services } from '../../services.js';
import { onEvent } from './on-event.js';

const DRY_RUN = /\bdry[\s-]?run\b/i;
const IMPORT_FAILED = ":warning: The import failed on our side; leads written before the failure stay, and importing the file again skips them.";

/**
 * A manager drops a CSV into their DM with the app: it is imported (a comment saying "dry run" only
 * tries it) and the summary comes back in the same DM. Anyone else is told who can.
 */
export const fileShared = (services: Services) =>
  onEvent<'message'>(services, async ({ event, context, client }) => {
    const message = event as { channel_type?: string; channel: string; user?: string; bot_id?: string; files?: SlackFile[]; text?: string; subtype?: string };
    if (message.channel_type !== 'im' || message.bot_id || !message.user || !message.files?.length) return;
    const rep = repOf(context);
    const say = (text: string) => client.chat.postMessage({ channel: message.channel, text });
    if (!rep.isManager) {
      await say(':warning: Only managers can import leads. Ask a manager, or add leads one by one with `/followup add`.');
      return;
    }
    try {
      for (const file of message.files) {
        const dryRun = DRY_RUN.test(message.text ?? '');
        await say(`:inbox_tray: Importing *${escapeSlackText(file.name ?? 'your file')}*${dryRun ? ' (dry run: nothing will be written)' : ''}…`);
        await say(await importSlackFile({ services, client, token: context.botToken ?? '', teamId: rep.teamId, file, defaultOwner: rep.userId, dryRun }));
      }
    } catch (err) {
      // Rows are written in batches: a failure part-way leaves the earlier ones, whatever its cause.
      services.logger.error({ teamId: rep.teamId, rep: rep.userId, err }, 'import from Slack failed');
      await say(IMPORT_FAILED).catch(() => {});
    }
  });
