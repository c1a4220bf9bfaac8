import { setNextStep } from '../../../db/ops/set-next-step.js';
import { isUuid } from '../../dm.js';
import { readLogForm, readNextStep, type FieldErrors } from '../../parse/modal-form.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { nextSetText } from '../../ui/command-replies.js';
import { logTouchReply } from '../../log-touch-reply.js';
import { F } from '../../ui/log-modal.js';
import { onSubmit } from './on-submit.js';

/** The log form (`/followup log`, the Log touch button): a touch and its next step. */
export const logTouchForm = (services: Services) =>
  onSubmit(services, F.lead, async (s) => {
    const form = readLogForm(s.state, s);
    if (!form.ok) return { errors: form.errors };
    if (!isUuid(form.value.leadId)) return { errors: { [F.lead]: 'Pick one of your leads.' } };
    const { leadId, ...touch } = form.value;
    return logTouchReply(services, { rep: s.rep, leadId, ...touch, requestKey: `view:${s.viewId}`, zone: s.zone, now: s.now });
  });

/** The next-step form (Set next step, Done): the lead's id rides in private_metadata. */
export const nextStepForm = (services: Services) =>
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
    return reply(nextSetText(result, s.zone, s.now), { redraw: [s.userId] });
  });
