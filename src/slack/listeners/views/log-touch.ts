import type { App, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { proposeCheckIn, proposeFollowUp } from '../../../coach/cadence.js';
import { DomainError } from '../../../db/errors.js';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { logTouch } from '../../../db/ops/log-touch.js';
import { setNextStep } from '../../../db/ops/set-next-step.js';
import { readLogForm, readNextStep, type FieldErrors, type FormState } from '../../parse/modal-form.js';
import { explainFailure } from '../../reply.js';
import type { Services } from '../../services.js';
import { loggedText, nextSetText } from '../../ui/command-replies.js';
import { F, LOG_MODAL, NEXT_MODAL } from '../../ui/log-modal.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A modal submission is confirmed by a DM from the app (the modal itself closes). */
async function confirmByDm(client: WebClient, userId: string, text: string): Promise<void> {
  const im = await client.conversations.open({ users: userId });
  if (im.channel?.id) await client.chat.postMessage({ channel: im.channel.id, text });
}

/** Domain refusals go back onto the form; anything else is said in a DM. */
function asFieldErrors(err: unknown, block: string): FieldErrors | null {
  return err instanceof DomainError && err.code !== 'duplicate_request' ? { [block]: err.message } : null;
}

export function registerLogTouchViews(app: App, services: Services): void {
  app.view<ViewSubmitAction>(LOG_MODAL, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const now = services.now();
    try {
      const rep = await findRep(services.database.db, teamId, userId);
      const zone = rep?.tz ?? 'UTC';
      const form = readLogForm(view.state.values as FormState, { now, zone });
      if (!form.ok) return void (await ack({ response_action: 'errors', errors: form.errors }));
      if (!UUID.test(form.value.leadId)) return void (await ack({ response_action: 'errors', errors: { [F.lead]: 'Pick one of your leads.' } }));
      const clock = { now, zone };
      const { next } = form.value;
      const result = await logTouch(services.database.db, {
        teamId,
        repId: userId,
        leadId: form.value.leadId,
        channel: form.value.channel,
        outcome: form.value.outcome,
        signals: form.value.signals,
        next: next && { action: next.action, dueAt: next.due, allDay: next.allDay, promised: next.promised, theirCommitment: next.theirCommitment },
        propose: (lead) =>
          lead.status === 'won' ? { ...proposeCheckIn(clock), origin: 'checkin' } : { ...proposeFollowUp(lead.touchCount, clock), origin: 'coach' },
        // A refused submission wrote nothing, so the corrected one with the same view id goes through.
        requestKey: `view:${view.id}`,
        now,
      });
      await ack();
      await confirmByDm(client, userId, loggedText(result, zone, now));
    } catch (err) {
      const errors = asFieldErrors(err, F.lead);
      if (errors) return void (await ack({ response_action: 'errors', errors }));
      await ack();
      if (!(err instanceof DomainError)) await confirmByDm(client, userId, explainFailure(err, services).text).catch(() => {});
    }
  });

  app.view<ViewSubmitAction>(NEXT_MODAL, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const now = services.now();
    try {
      const rep = await findRep(services.database.db, teamId, userId);
      const zone = rep?.tz ?? 'UTC';
      const errors: FieldErrors = {};
      const next = readNextStep(view.state.values as FormState, { now, zone }, errors);
      if (!next && Object.keys(errors).length === 0) errors[F.action] = 'Say what you will do next.';
      if (!next || Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
      const leadId = view.private_metadata;
      if (!UUID.test(leadId)) return void (await ack({ response_action: 'errors', errors: { [F.action]: 'This form is no longer valid.' } }));
      const result = await setNextStep(services.database.db, {
        teamId,
        repId: userId,
        leadId,
        next: { action: next.action, dueAt: next.due, allDay: next.allDay, promised: next.promised, theirCommitment: next.theirCommitment },
        requestKey: `view:${view.id}`,
        now,
      });
      await ack();
      await confirmByDm(client, userId, nextSetText(result, zone, now));
    } catch (err) {
      const errors = asFieldErrors(err, F.action);
      if (errors) return void (await ack({ response_action: 'errors', errors }));
      await ack();
      if (!(err instanceof DomainError)) await confirmByDm(client, userId, explainFailure(err, services).text).catch(() => {});
    }
  });
}
