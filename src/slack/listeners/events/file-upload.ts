import type { App } from '@slack/bolt';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { importSlackFile, type SlackFile } from '../../import-file.js';
import { escapeSlackText } from '../../parse/slack-text.js';
import type { Services } from '../../services.js';

const DRY_RUN = /\bdry[\s-]?run\b/i;

/**
 * A manager drops a CSV into their DM with the app: it is imported (a comment saying "dry run" only
 * tries it) and the summary comes back in the same DM. Anyone else is told who can.
 */
export function registerFileUpload(app: App, services: Services): void {
  app.event('message', async ({ event, context, client, body }) => {
    const message = event as { channel_type?: string; channel: string; user?: string; bot_id?: string; files?: SlackFile[]; text?: string; subtype?: string };
    if (message.channel_type !== 'im' || message.bot_id || !message.user || !message.files?.length) return;
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id ?? '';
    const say = (text: string) => client.chat.postMessage({ channel: message.channel, text });
    try {
      const rep = await findRep(services.database.db, teamId, message.user);
      if (!rep?.isManager) {
        await say(':warning: Only managers can import leads. Ask a manager, or add leads one by one with `/followup add`.');
        return;
      }
      for (const file of message.files) {
        const dryRun = DRY_RUN.test(message.text ?? '');
        await say(`:inbox_tray: Importing *${escapeSlackText(file.name ?? 'your file')}*${dryRun ? ' (dry run: nothing will be written)' : ''}…`);
        await say(await importSlackFile({ services, client, token: context.botToken ?? '', teamId, file, defaultOwner: message.user, dryRun }));
      }
    } catch (err) {
      services.logger.error({ teamId, rep: message.user, err }, 'import from Slack failed');
      await say(":warning: The import failed on our side; leads written before the failure stay, and importing the file again skips them.").catch(() => {});
    }
  });
}
