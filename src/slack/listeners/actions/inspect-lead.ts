import type { ButtonAction } from '@slack/bolt';
import { NOT_A_MANAGER } from '../../../db/ops/record-inspection.js';
import { leadHistory } from '../../../db/queries/lead-history.js';
import { isUuid } from '../../dm.js';
import { Refusal } from '../../failure.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { inspectModal } from '../../ui/inspection.js';
import { onClick } from './on-click.js';

// "Looked at it" under a lead the digest or `/followup inspect` picked: managers only. It opens the
// note form; the look is recorded when the form is sent (views/inspect-note.ts).
export const inspectLeadButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client }) => {
    if (!rep.isManager) throw new Refusal(NOT_A_MANAGER);
    const history = isUuid(action.value) ? await leadHistory(services.database.db, rep.teamId, action.value) : null;
    if (!history) throw new Refusal('That lead is gone, so nothing was recorded.');
    if (history.lead.ownerId === rep.userId) throw new Refusal('That is your own lead: looking is for someone else’s, so nothing was recorded.');
    await client.views.open({ trigger_id: body.trigger_id, view: inspectModal(history.lead) });
    return reply('');
  });
