import { DateTime } from 'luxon';
import { safeZone } from '../../../coach/local-day.js';
import { snoozeLead } from '../../../db/ops/snooze-lead.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { snoozedText } from '../../ui/command-replies.js';
import { SNOOZE_DATE } from '../../ui/snooze-modal.js';
import { onSubmit } from './on-submit.js';

/** "Pick a date…" from the Snooze menu: the lead is back at the start of that day, in the rep's zone. */
export const snoozeForm = (services: Services) =>
  onSubmit(services, SNOOZE_DATE, async (s) => {
    const zone = safeZone(s.zone);
    const picked = s.state[SNOOZE_DATE]?.[SNOOZE_DATE]?.selected_date ?? '';
    const until = DateTime.fromISO(picked, { zone }).startOf('day');
    if (!until.isValid || until.toMillis() <= s.now.getTime()) return { errors: { [SNOOZE_DATE]: 'Pick tomorrow or later.' } };
    const lead = await snoozeLead(services.database.db, {
      teamId: s.teamId,
      repId: s.userId,
      leadId: s.privateMetadata,
      until: until.toJSDate(),
      requestKey: `view:${s.viewId}`,
      now: s.now,
    });
    return reply(snoozedText(lead, zone, s.now), { redraw: [s.userId] });
  });
