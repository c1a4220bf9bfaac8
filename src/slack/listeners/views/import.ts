import { claimRequest } from '../../../db/ops/claim-request.js';
import { answerFailure, Refusal } from '../../failure.js';
import { importSlackFile, refuseFile, type SlackFile } from '../../import-file.js';
import { repOf } from '../../middleware/rep-context.js';
import type { Services } from '../../services.js';
import { tell } from '../../surface.js';
import { DRY_RUN_OPTION, IMPORT_FILE, IMPORT_OPTIONS, IMPORT_OWNER } from '../../ui/import-modal.js';
import type { SubmitArgs } from './on-submit.js';

const IMPORT_FAILED = ':warning: The import failed on our side; leads written before the failure stay, and importing the file again skips them.';

/** The import form: checked, closed at once (an import can outlast Slack's 3 seconds), summary by DM. */
export const importForm = (services: Services) => async (args: SubmitArgs) => {
  const { ack, view, client, context } = args;
  const { logger } = services;
  const values = view.state.values;
  let start: { teamId: string; userId: string; file: SlackFile; owner: string; dryRun: boolean };
  try {
    const rep = repOf(context);
    const file = (values[IMPORT_FILE]?.[IMPORT_FILE] as { files?: SlackFile[] } | undefined)?.files?.[0];
    if (!rep.isManager) throw new Refusal('Only managers can import leads.', IMPORT_FILE);
    if (!file) throw new Refusal('Choose a CSV file.', IMPORT_FILE);
    const refusal = refuseFile(file);
    if (refusal) throw new Refusal(refusal.replace(/\*/g, ''), IMPORT_FILE);
    // A double submit of the same view imports once.
    if (!(await claimRequest(services.database.db, rep.teamId, `view:${view.id}`, 'import'))) return void (await ack());
    start = {
      teamId: rep.teamId,
      userId: rep.userId,
      file,
      owner: values[IMPORT_OWNER]?.[IMPORT_OWNER]?.selected_user ?? rep.userId,
      dryRun: (values[IMPORT_OPTIONS]?.[IMPORT_OPTIONS]?.selected_options ?? []).some((o) => o.value === DRY_RUN_OPTION),
    };
  } catch (err) {
    return answerFailure(args, logger, err, { field: IMPORT_FILE });
  }
  await ack();
  const { teamId, userId, file, owner, dryRun } = start;
  try {
    const summary = await importSlackFile({ services, client, token: context.botToken ?? '', teamId, file, defaultOwner: owner, dryRun });
    await tell(args, logger, summary, { acked: true });
  } catch (err) {
    // Rows are written in batches: a failure part-way leaves the earlier ones, whatever its cause.
    logger.error({ teamId, rep: userId, err }, 'import from the form failed');
    await tell(args, logger, IMPORT_FAILED, { acked: true });
  }
};
