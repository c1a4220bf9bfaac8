import { NOT_A_MANAGER, recordInspection, type InspectedState } from '../../../db/ops/record-inspection.js';
import { isUuid } from '../../dm.js';
import { Refusal } from '../../failure.js';
import { textField } from '../../parse/text-field.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { INSPECT_NOTE, INSPECT_NOTE_MAX, inspectedText } from '../../ui/inspection.js';
import { onSubmit } from './on-submit.js';

/** The note form after "Looked at it": records the look (managers only), with the note if any. */
export const inspectNoteForm = (services: Services) =>
  onSubmit(services, INSPECT_NOTE, async (s) => {
    if (!s.rep.isManager) throw new Refusal(NOT_A_MANAGER);
    if (!isUuid(s.privateMetadata)) throw new Refusal('That lead is gone, so nothing was recorded.');
    const typed = s.state[INSPECT_NOTE]?.[INSPECT_NOTE]?.value ?? '';
    let note: string | null = null;
    if (typed.trim()) {
      const read = textField(typed, 'note', INSPECT_NOTE_MAX);
      if (!read.ok) return { errors: { [INSPECT_NOTE]: read.error } };
      note = read.value;
    }
    const inspection = await recordInspection(services.database.db, {
      teamId: s.teamId,
      managerId: s.userId,
      leadId: s.privateMetadata,
      note,
      requestKey: `view:${s.viewId}`,
      now: s.now,
    });
    const { name } = inspection.leadState as InspectedState;
    return reply(inspectedText(name, inspection.repId, note), {
      // The rep sees the note on their App Home; the manager sees their coverage move.
      redraw: [s.userId, inspection.repId],
    });
  });
