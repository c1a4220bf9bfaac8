import type { App, BlockAction, BlockButtonAction, BlockOverflowAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { safeZone } from '../../../coach/local-day.js';
import { DomainError } from '../../../db/errors.js';
import { completeStep } from '../../../db/ops/complete-step.js';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { snoozeLead } from '../../../db/ops/snooze-lead.js';
import { leadHistory } from '../../../db/queries/lead-history.js';
import { isUuid, sendDm } from '../../dm.js';
import { publishHome } from '../events/app-home-opened.js';
import { explainFailure } from '../../reply.js';
import type { Services } from '../../services.js';
import { doneText, snoozedText } from '../../ui/command-replies.js';
import { BUTTON, SNOOZE_CHOICES } from '../../ui/lead-buttons.js';
import { logModal, nextStepModal } from '../../ui/log-modal.js';
import { snoozeModal } from '../../ui/snooze-modal.js';

const NOT_YOURS = "That's not your lead, so nothing was changed.";

/** The clicking rep's own lead, or null: a button's value is an id to re-check, never data to trust. */
async function ownLead(services: Services, body: BlockAction, leadId: string | undefined) {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  if (!isUuid(leadId)) return null;
  const history = await leadHistory(services.database.db, teamId, leadId);
  if (!history || history.lead.ownerId !== body.user.id || history.lead.status === 'lost') return null;
  const rep = await findRep(services.database.db, teamId, body.user.id);
  return { teamId, lead: history.lead, zone: rep?.tz ?? 'UTC' };
}

/** Says something to the clicker only: in the DM or App Home, a short ephemeral note. */
async function tell(body: BlockAction, respond: (m: object) => Promise<unknown>, client: App['client'], text: string) {
  // Clicks in a message carry a response_url; clicks in App Home do not.
  if ((body as { response_url?: string }).response_url) return void (await respond({ response_type: 'ephemeral', replace_original: false, text }));
  await sendDm(client, body.user.id, text);
}

export function registerLeadButtons(app: App, services: Services): void {
  app.action<BlockButtonAction>(BUTTON.logTouch, async ({ ack, body, action, client, respond }) => {
    await ack();
    const own = await ownLead(services, body, action.value).catch(() => null);
    if (!own) return tell(body, respond, client, NOT_YOURS);
    await client.views.open({ trigger_id: body.trigger_id, view: logModal({ lead: own.lead }) });
  });

  app.action<BlockButtonAction>(BUTTON.setNext, async ({ ack, body, action, client, respond }) => {
    await ack();
    const own = await ownLead(services, body, action.value).catch(() => null);
    if (!own) return tell(body, respond, client, NOT_YOURS);
    await client.views.open({ trigger_id: body.trigger_id, view: nextStepModal(own.lead) });
  });

  // Done: the step is done (not a touch), then the rep is asked for the new one.
  app.action<BlockButtonAction>(BUTTON.done, async ({ ack, body, action, client, respond }) => {
    await ack();
    const own = await ownLead(services, body, action.value).catch(() => null);
    if (!own) return tell(body, respond, client, NOT_YOURS);
    const now = services.now();
    try {
      const result = await completeStep(services.database.db, {
        teamId: own.teamId,
        repId: body.user.id,
        leadId: own.lead.id,
        requestKey: `trigger:${body.trigger_id}`,
        now,
      });
      await client.views.open({ trigger_id: body.trigger_id, view: nextStepModal(own.lead, 'What is next?') });
      await tell(body, respond, client, doneText(result, own.zone, now));
      void publishHome(services, client, own.teamId, body.user.id);
    } catch (err) {
      await tell(body, respond, client, err instanceof DomainError ? err.message : explainFailure(err, services).text);
    }
  });

  app.action<BlockOverflowAction>(BUTTON.snooze, async ({ ack, body, action, client, respond }) => {
    await ack();
    const [leadId, choice] = (action.selected_option?.value ?? '').split('|');
    const own = await ownLead(services, body, leadId).catch(() => null);
    const picked = SNOOZE_CHOICES.find((c) => c.value === choice);
    if (!own || !picked) return tell(body, respond, client, NOT_YOURS);
    if (picked.value === 'pick') return void (await client.views.open({ trigger_id: body.trigger_id, view: snoozeModal(own.lead) }));
    const now = services.now();
    // Back at the start of that day in the rep's zone: in that morning's DM.
    const until = DateTime.fromJSDate(now, { zone: safeZone(own.zone) }).plus({ days: picked.days }).startOf('day').toJSDate();
    try {
      const lead = await snoozeLead(services.database.db, {
        teamId: own.teamId,
        repId: body.user.id,
        leadId: own.lead.id,
        until,
        requestKey: `trigger:${body.trigger_id}`,
        now,
      });
      await tell(body, respond, client, snoozedText(lead, own.zone, now));
      void publishHome(services, client, own.teamId, body.user.id);
    } catch (err) {
      await tell(body, respond, client, err instanceof DomainError ? err.message : explainFailure(err, services).text);
    }
  });
}
