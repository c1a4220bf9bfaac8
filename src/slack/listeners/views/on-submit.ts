import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Rep } from '../../../db/schema.js';
import { ackBudgetLeft, withinAckBudget } from '../../ack-budget.js';
import { answerFailure } from '../../failure.js';
import { redrawChanged } from '../../home/redraw.js';
import { repOf } from '../../middleware/rep-context.js';
import type { FieldErrors, FormState } from '../../parse/modal-form.js';
import type { Reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { tell } from '../../surface.js';

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A form submission: who sent it (their rep, from the middleware), what they filled in, and the time. */
export interface Submission {
  rep: Rep;
  teamId: string;
  userId: string;
  /** The rep's IANA zone: dates are read and shown in it. */
  zone: string;
  now: Date;
  state: FormState;
  viewId: string;
  privateMetadata: string;
  client: WebClient;
}

/** Field errors to show on the form (nothing written), or the reply to DM once it has closed. */
export type SubmitOutcome = { errors: FieldErrors } | Reply;

type Settled = { outcome: SubmitOutcome } | { err: unknown };

/**
 * The shell of every form listener. Its errors go back onto the form (nothing written, so the
 * corrected submission with the same view id goes through); a success closes the form, is confirmed
 * by DM and redraws App Home for the reps it changed. Past Slack's 3 seconds the form closes first
 * and the outcome, whatever it is, comes by DM. Failures go through the failure handler, shown on
 * `errorField` when they are the rep's to fix.
 */
export function onSubmit(services: Services, errorField: string, handle: (s: Submission) => Promise<SubmitOutcome>) {
  return async (args: SubmitArgs): Promise<void> => {
    const { ack, view, client, context } = args;
    const { logger } = services;
    const work = (async (): Promise<Settled> => {
      const rep = repOf(context);
      const submission: Submission = {
        rep,
        teamId: rep.teamId,
        userId: rep.userId,
        zone: rep.tz ?? 'UTC',
        now: services.now(),
        state: view.state.values as FormState,
        viewId: view.id,
        privateMetadata: view.private_metadata,
        client,
      };
      return { outcome: await handle(submission) };
    })().catch((err: unknown): Settled => ({ err }));
    const first = await withinAckBudget(work, ackBudgetLeft(context.arrivedAt));
    const acked = first === 'late';
    if (acked) await ack();
    const settled = first === 'late' ? await work : first;
    if ('err' in settled) return answerFailure(args, logger, settled.err, { field: errorField, acked });
    const { outcome } = settled;
    if ('errors' in outcome) {
      if (!acked) return void (await ack({ response_action: 'errors', errors: outcome.errors }));
      return tell(args, logger, `:warning: Nothing was saved: ${Object.values(outcome.errors).join(' ')}`, { acked });
    }
    if (!acked) await ack();
    if (outcome.text) await tell(args, logger, outcome.text, { acked: true, ...(outcome.blocks ? { blocks: outcome.blocks } : {}) });
    redrawChanged(services.home, client, repOf(context).teamId, outcome.redraw);
  };
}
