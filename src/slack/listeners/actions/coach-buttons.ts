import type { ButtonAction } from '@slack/bolt';
import { closeLost } from '../../../db/ops/close-lead.js';
import { markCommitment } from '../../../db/ops/mark-commitment.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { lostText } from '../../ui/command-replies.js';
import { draftFor, emailDraftModal } from '../../ui/confirmation-email.js';
import { commitmentMarkedText } from '../../ui/coach-replies.js';
import { nextStepModal } from '../../ui/log-modal.js';
import { ownHistory, ownLead } from './lead-buttons.js';
import { onClick } from './on-click.js';

// The coach's own buttons on a queue item: the prospect's side (docs/rules.md#r4), and the choice
// after four or more touches with no engagement (docs/rules.md#r9).

/** "They did their part" / "They didn't": marks the open step's commitment; the rep's step stays open. */
export const theirSideButton = (services: Services, outcome: 'kept' | 'missed') =>
  onClick<ButtonAction>(services, async ({ rep, action, body, now }) => {
    const lead = await ownLead(services, rep, action.value);
    const result = await markCommitment(services.database.db, {
      teamId: rep.teamId,
      repId: rep.userId,
      leadId: lead.id,
      outcome,
      requestKey: `trigger:${body.trigger_id}`,
      now,
    });
    const text = commitmentMarkedText(result, outcome, rep.tz ?? 'UTC', now);
    return result.changed ? reply(text, { redraw: [rep.userId] }) : reply(text);
  });

export const CHANGE_APPROACH_HINT =
  'Many touches and no answer: try another channel (call if you have written, write or visit if you have called) or a new angle — new information, a different question, another person there.';

/** Change approach: the next-step form, titled for a new approach. */
export const changeApproachButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client }) => {
    const lead = await ownLead(services, rep, action.value);
    await client.views.open({ trigger_id: body.trigger_id, view: nextStepModal(lead, 'Try a new approach', CHANGE_APPROACH_HINT) });
    return reply('');
  });

/** Close it lost (after Slack's confirm dialog): it leaves the queue. */
export const closeLostButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, now }) => {
    const lead = await ownLead(services, rep, action.value);
    const closed = await closeLost(services.database.db, {
      teamId: rep.teamId,
      repId: rep.userId,
      leadId: lead.id,
      note: 'no answer after many touches',
      requestKey: `trigger:${body.trigger_id}`,
      now,
    });
    return reply(lostText(closed), { redraw: [rep.userId] });
  });

/** The confirmation e-mail of the last touch, in a modal to copy (a lead with no e-mail address). */
export const emailDraftButton = (services: Services) =>
  onClick<ButtonAction>(services, async ({ rep, action, body, client, now }) => {
    const { lead, touches, steps } = await ownHistory(services, rep, action.value);
    const open = steps.find((s) => s.status === 'open') ?? null;
    const email = draftFor(lead, rep, touches[0]?.outcome ?? null, open, rep.tz ?? 'UTC', now);
    await client.views.open({ trigger_id: body.trigger_id, view: emailDraftModal(lead, email) });
    return reply('');
  });
