import type { ButtonAction, ExternalSelectAction, OverflowAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { safeZone } from '../../../coach/local-day.js';
import { completeStep } from '../../../db/ops/complete-step.js';
import { snoozeLead } from '../../../db/ops/snooze-lead.js';
import { leadHistory } from '../../../db/queries/lead-history.js';
import type { Rep } from '../../../db/schema.js';
import { isUuid } from '../../dm.js';
import { Refusal } from '../../failure.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { doneText, snoozedText } from '../../ui/command-replies.js';
import { SNOOZE_CHOICES } from '../../ui/lead-buttons.js';
import { LOG_MODAL, logModal, nextStepModal } from '../../ui/log-modal.js';
import { snoozeModal } from '../../ui/snooze-modal.js';
import { proposeFor } from '../../../db/ops/propose-context.js';
import { onClick } from './on-click.js';

// The buttons on a queue item, in the morning DM and App Home.

const NOT_YOURS = "That's not your lead, so nothing was changed.";

/** The clicking rep's own open lead: a button's value is an id to check again, never data to trust. */
export async function ownHistory(services: Services, rep: Rep, leadId: string | undefined) {
  if (!isUuid(leadId)) throw new Refusal(NOT_YOURS);
  const history = await leadHistory(services.database.db, rep.teamId, leadId);
  if (!history || history.lead.ownerId !== rep.userId || history.lead.status === 'lost') throw new Refusal(NOT_YOURS);
  return history;
}

export const ownLead = async (services: Services, rep: Rep, leadId: string | undefined) => (await ownHistory(services, rep, leadId)).lead;

/** Log touch: the log form, filled in with the lead, asking about their side when it is pending. */
export const logTouchButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client }) => {
    const { lead, steps } = await ownHistory(services, rep, action.value);
    const pending = steps.find((s) => s.status === 'open' && s.theirCommitment && s.theirStatus === 'pending');
    await client.views.open({ trigger_id: body.trigger_id, view: logModal({ lead, pendingCommitment: pending?.theirCommitment ?? null }) });
    return reply('');
  });

/** Set next step: the next-step form for the lead. */
export const setNextButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client }) => {
    const lead = await ownLead(services, rep, action.value);
    await client.views.open({ trigger_id: body.trigger_id, view: nextStepModal(lead) });
    return reply('');
  });

/**
 * Done: the step is done (not a touch). An open lead's rep is asked for the new one; a customer's
 * next aftercare step is set for them (docs/rules.md#r11).
 */
export const doneButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client, now }) => {
    const lead = await ownLead(services, rep, action.value);
    const zone = rep.tz ?? 'UTC';
    const result = await completeStep(services.database.db, {
      teamId: rep.teamId,
      repId: rep.userId,
      leadId: lead.id,
      propose: proposeFor({ now, zone }),
      requestKey: `trigger:${body.trigger_id}`,
      now,
    });
    if (lead.status === 'open') await client.views.open({ trigger_id: body.trigger_id, view: nextStepModal(lead, 'What is next?') });
    return reply(doneText(result, zone, now), { redraw: [rep.userId] });
  });

/** The Snooze menu: a day, three, a week (back that morning), or a date picked in a form. */
export const snoozeMenu = (services: Services) =>
  onClick<OverflowAction>(services, async ({ rep, action, body, client, now }) => {
    const [leadId, choice] = (action.selected_option?.value ?? '').split('|');
    const lead = await ownLead(services, rep, leadId);
    const picked = SNOOZE_CHOICES.find((c) => c.value === choice);
    if (!picked) throw new Refusal(NOT_YOURS);
    if (picked.value === 'pick') {
      await client.views.open({ trigger_id: body.trigger_id, view: snoozeModal(lead) });
      return reply('');
    }
    const zone = rep.tz ?? 'UTC';
    // Back at the start of that day in the rep's zone: in that morning's DM.
    const until = DateTime.fromJSDate(now, { zone: safeZone(zone) }).plus({ days: picked.days }).startOf('day').toJSDate();
    const snoozed = await snoozeLead(services.database.db, {
      teamId: rep.teamId,
      repId: rep.userId,
      leadId: lead.id,
      until,
      requestKey: `trigger:${body.trigger_id}`,
      now,
    });
    return reply(snoozedText(snoozed, zone, now), { redraw: [rep.userId] });
  });

/** A lead chosen in the log form: the form is drawn again for it, asking about their side when it is pending (docs/rules.md#r4). */
export const leadChosenInLogForm = (services: Services) =>
  onClick<ExternalSelectAction>(services, async ({ rep, action, body, client }) => {
    const view = body.view;
    if (!view || view.callback_id !== LOG_MODAL) return reply('');
    const { lead, steps } = await ownHistory(services, rep, action.selected_option?.value);
    const pending = steps.find((s) => s.status === 'open' && s.theirCommitment && s.theirStatus === 'pending');
    await client.views.update({ view_id: view.id, hash: view.hash, view: logModal({ lead, pendingCommitment: pending?.theirCommitment ?? null }) });
    return reply('');
  });
