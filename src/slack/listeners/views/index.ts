import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Services } from '../../services.js';
import { IMPORT_MODAL } from '../../ui/import-modal.js';
import { INSPECT_MODAL } from '../../ui/inspection.js';
import { LOG_MODAL, NEXT_MODAL } from '../../ui/log-modal.js';
import { SNOOZE_MODAL } from '../../ui/snooze-modal.js';
import { importForm } from './import.js';
import { inspectNoteForm } from './inspect-note.js';
import { logTouchForm, nextStepForm } from './log-touch.js';
import { snoozeForm } from './snooze.js';

// Which form (callback id) goes to which handler. The ids are defined beside the forms (ui/).
export function register(app: App, services: Services): void {
  app.view<ViewSubmitAction>(LOG_MODAL, logTouchForm(services)); // log_touch
  app.view<ViewSubmitAction>(NEXT_MODAL, nextStepForm(services)); // set_next_step
  app.view<ViewSubmitAction>(SNOOZE_MODAL, snoozeForm(services)); // snooze_pick
  app.view<ViewSubmitAction>(IMPORT_MODAL, importForm(services)); // import_leads
  app.view<ViewSubmitAction>(INSPECT_MODAL, inspectNoteForm(services)); // inspect_note
}
