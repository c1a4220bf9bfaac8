import type { App, BlockButtonAction, BlockExternalSelectAction, BlockOverflowAction } from '@slack/bolt';
import type { Services } from '../../services.js';
import { DELETE_CANCEL_ACTION, DELETE_CONFIRM_ACTION } from '../../ui/delete-confirmation.js';
import { INSPECT_ACTION } from '../../ui/inspection.js';
import { BUTTON } from '../../ui/lead-buttons.js';
import { LEAD_SELECT } from '../../ui/log-modal.js';
import { changeApproachButton, closeLostButton, emailDraftButton, theirSideButton } from './coach-buttons.js';
import { deleteCancelButton, deleteConfirmButton } from './delete-lead.js';
import { inspectLeadButton } from './inspect-lead.js';
import { doneButton, leadChosenInLogForm, logTouchButton, setNextButton, snoozeMenu } from './lead-buttons.js';

// Which action id goes to which handler. The ids are defined beside the blocks that carry them (ui/).
export function register(app: App, services: Services): void {
  app.action<BlockButtonAction>(BUTTON.logTouch, logTouchButton(services)); // lead_log_touch
  app.action<BlockButtonAction>(BUTTON.setNext, setNextButton(services)); // lead_set_next
  app.action<BlockButtonAction>(BUTTON.done, doneButton(services)); // lead_done
  app.action<BlockOverflowAction>(BUTTON.snooze, snoozeMenu(services)); // lead_snooze
  app.action<BlockButtonAction>(BUTTON.theirKept, theirSideButton(services, 'kept')); // lead_their_kept
  app.action<BlockButtonAction>(BUTTON.theirMissed, theirSideButton(services, 'missed')); // lead_their_missed
  app.action<BlockButtonAction>(BUTTON.changeApproach, changeApproachButton(services)); // lead_change_approach
  app.action<BlockButtonAction>(BUTTON.closeLost, closeLostButton(services)); // lead_close_lost
  app.action<BlockButtonAction>(BUTTON.emailDraft, emailDraftButton(services)); // lead_email_draft
  app.action<BlockExternalSelectAction>(LEAD_SELECT, leadChosenInLogForm(services)); // lead_select, in the log form
  app.action<BlockButtonAction>(DELETE_CONFIRM_ACTION, deleteConfirmButton(services)); // lead_delete_confirm
  app.action<BlockButtonAction>(DELETE_CANCEL_ACTION, deleteCancelButton(services)); // lead_delete_cancel
  app.action<BlockButtonAction>(INSPECT_ACTION, inspectLeadButton(services)); // inspect_lead, under the digest's picks
}
