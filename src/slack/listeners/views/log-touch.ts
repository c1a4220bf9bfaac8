import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { proposeNextFor } from '../../../coach/cadence.js';
import { DomainError } from '../../../db/errors.js';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { logTouch } from '../../../db/ops/log-touch.js';
import { setNextStep } from '../../../db/ops/set-next-step.js';
import { withinAckBudget } from '../../ack-budget.js';
import { isUuid, sendDm } from '../../dm.js';
import { publishHome } from '../events/app-home-opened.js';
import { readLogForm, readNextStep, type FieldErrors, type FormState } from '../../parse/modal-form.js';
import { explainFailure } from '../../reply.js';
import type { Services } from '../../services.js';
import { loggedText, nextSetText } from '../../ui/command-replies.js';
import { F, LOG_MODAL, NEXT_MODAL } from '../../ui/log-modal.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
interface Submission {
  teamId: string;
  userId: string;
  zone: string;
  now: Date;
  state: FormState;
  viewId: string;
  privateMetadata: string;
  client: WebClient;
}
/** Field errors to show on the form, or the confirmation to DM once the modal has closed. */
type Outcome = { errors: FieldErrors } | { confirm: string };

/**
 * Runs a submission: its errors go back onto the form (nothing written, so the corrected submission
 * with the same view id goes through); a success closes the modal and is confirmed by a DM.
 */
function onSubmit(services: Services, errorField: string, handle: (s: Submission) => Promise<Outcome>) {
  return async ({ ack, body, view, client }: SubmitArgs) => {
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const now = services.now();
    const work = (async (): Promise<Outcome | 'duplicate'> => {
      try {
        const rep = await findRep(services.database.db, teamId, userId);
        const submission = { teamId, userId, zone: rep?.tz ?? 'UTC', now, state: view.state.values as FormState, viewId: view.id, privateMetadata: view.private_metadata, client };
        return await handle(submission);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'duplicate_request') return 'duplicate';
        return err instanceof DomainError ? { errors: { [errorField]: err.message } } : { confirm: explainFailure(err, services).text };
      }
    })();
    // Past Slack's 3 seconds the modal closes, and the outcome comes by DM.
    const first = await withinAckBudget(work);
    const dm = (text: string) => sendDm(client, userId, text).catch((err: Error) => services.logger.warn({ err: err.message }, 'confirmation DM failed'));
    if (first === 'late') {
      await ack();
      const outcome = await work;
      if (outcome === 'duplicate') return;
      await dm('errors' in outcome ? `:warning: Nothing was saved: ${Object.values(outcome.errors).join(' ')}` : outcome.confirm);
      return;
    }
    if (first === 'duplicate') return void (await ack());
    if ('errors' in first) return void (await ack({ response_action: 'errors', errors: first.errors }));
    await ack();
    await dm(first.confirm);
  };
}

export function registerLogTouchViews(app: App, services: Services): void {
  app.view<ViewSubmitAction>(
    LOG_MODAL,
    onSubmit(services, F.lead, async (s) => {
      const form = readLogForm(s.state, s);
      if (!form.ok) return { errors: form.errors };
      if (!isUuid(form.value.leadId)) return { errors: { [F.lead]: 'Pick one of your leads.' } };
      const result = await logTouch(services.database.db, {
        teamId: s.teamId,
        repId: s.userId,
        ...form.value,
        propose: (lead) => proposeNextFor(lead, s),
        requestKey: `view:${s.viewId}`,
        now: s.now,
      });
      void publishHome(services, s.client, s.teamId, s.userId);
      return { confirm: loggedText(result, s.zone, s.now) };
    }),
  );

  app.view<ViewSubmitAction>(
    NEXT_MODAL,
    onSubmit(services, F.action, async (s) => {
      const errors: FieldErrors = {};
      const next = readNextStep(s.state, s, errors);
      if (!next && Object.keys(errors).length === 0) errors[F.action] = 'Say what you will do next.';
      if (!next || Object.keys(errors).length > 0) return { errors };
      if (!isUuid(s.privateMetadata)) return { errors: { [F.action]: 'This form is no longer valid.' } };
      const result = await setNextStep(services.database.db, {
        teamId: s.teamId,
        repId: s.userId,
        leadId: s.privateMetadata,
        next,
        requestKey: `view:${s.viewId}`,
        now: s.now,
      });
      void publishHome(services, s.client, s.teamId, s.userId);
      return { confirm: nextSetText(result, s.zone, s.now) };
    }),
  );
}
