import type { App, BlockButtonAction } from '@slack/bolt';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { deleteLead } from '../../../db/ops/delete-lead.js';
import { isUuid } from '../../dm.js';
import { escapeSlackText } from '../../parse/slack-text.js';
import { explainFailure } from '../../reply.js';
import type { Services } from '../../services.js';
import { DELETE_CANCEL_ACTION, DELETE_CONFIRM_ACTION } from '../../ui/delete-confirmation.js';


export function registerDeleteLead(app: App, services: Services): void {
  app.action<BlockButtonAction>(DELETE_CONFIRM_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    // The button's value is only an id: who may delete is checked again now (owner or manager).
    if (!isUuid(action.value)) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: ':warning: That button is no longer valid. Nothing was deleted.' });
      return;
    }
    try {
      const rep = await findRep(services.database.db, teamId, body.user.id);
      const lead = await deleteLead(services.database.db, {
        teamId,
        actorId: body.user.id,
        actorIsManager: rep?.isManager ?? false,
        leadId: action.value,
      });
      await respond({ response_type: 'ephemeral', replace_original: true, text: `Deleted *${escapeSlackText(lead.name)}* and all its history.` });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: explainFailure(err, services).text });
    }
  });
  app.action<BlockButtonAction>(DELETE_CANCEL_ACTION, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: true, text: 'Kept it: nothing was deleted.' });
  });
}
