import type { App, ViewSubmitAction } from '@slack/bolt';
import { claimRequest } from '../../../db/ops/claim-request.js';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { sendDm } from '../../dm.js';
import { importSlackFile, refuseFile, type SlackFile } from '../../import-file.js';
import type { Services } from '../../services.js';
import { DRY_RUN_OPTION, IMPORT_FILE, IMPORT_MODAL, IMPORT_OPTIONS, IMPORT_OWNER } from '../../ui/import-modal.js';

/** The import form: checked, closed at once (an import can outlast Slack's 3 seconds), summary by DM. */
export function registerImportView(app: App, services: Services): void {
  app.view<ViewSubmitAction>(IMPORT_MODAL, async ({ ack, body, view, client, context }) => {
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const values = view.state.values;
    const file = (values[IMPORT_FILE]?.[IMPORT_FILE] as { files?: SlackFile[] } | undefined)?.files?.[0];
    const owner = values[IMPORT_OWNER]?.[IMPORT_OWNER]?.selected_user ?? userId;
    const dryRun = (values[IMPORT_OPTIONS]?.[IMPORT_OPTIONS]?.selected_options ?? []).some((o) => o.value === DRY_RUN_OPTION);
    const { db } = services.database;
    const rep = await findRep(db, teamId, userId).catch(() => undefined);
    if (!rep?.isManager) return void (await ack({ response_action: 'errors', errors: { [IMPORT_FILE]: 'Only managers can import leads.' } }));
    if (!file) return void (await ack({ response_action: 'errors', errors: { [IMPORT_FILE]: 'Choose a CSV file.' } }));
    const refusal = refuseFile(file);
    if (refusal) return void (await ack({ response_action: 'errors', errors: { [IMPORT_FILE]: refusal.replace(/\*/g, '') } }));
    // A double submit of the same view imports once.
    if (!(await claimRequest(db, teamId, `view:${view.id}`, 'import'))) return void (await ack());
    await ack();
    try {
      const summary = await importSlackFile({ services, client, token: context.botToken ?? '', teamId, file, defaultOwner: owner, dryRun });
      await sendDm(client, userId, summary);
    } catch (err) {
      services.logger.error({ teamId, rep: userId, err }, 'import from the form failed');
      await sendDm(client, userId, ':warning: The import failed on our side; leads written before the failure stay, and importing the file again skips them.').catch(() => {});
    }
  });
}
