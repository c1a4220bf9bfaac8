import type { App, ViewSubmitAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { safeZone } from '../../../coach/local-day.js';
import { DomainError } from '../../../db/errors.js';
import { findRep } from '../../../db/ops/ensure-rep.js';
import { snoozeLead } from '../../../db/ops/snooze-lead.js';
import { sendDm } from '../../dm.js';
import { publishHome } from '../events/app-home-opened.js';
import type { Services } from '../../services.js';
import { snoozedText } from '../../ui/command-replies.js';
import { SNOOZE_DATE, SNOOZE_MODAL } from '../../ui/snooze-modal.js';

/** "Pick a date…" from the Snooze menu. */
export function registerSnoozeView(app: App, services: Services): void {
  app.view<ViewSubmitAction>(SNOOZE_MODAL, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id;
    const now = services.now();
    const rep = await findRep(services.database.db, teamId, body.user.id).catch(() => undefined);
    const zone = safeZone(rep?.tz ?? 'UTC');
    const picked = view.state.values[SNOOZE_DATE]?.[SNOOZE_DATE]?.selected_date ?? '';
    const until = DateTime.fromISO(picked, { zone }).startOf('day');
    if (!until.isValid || until.toMillis() <= now.getTime()) {
      return void (await ack({ response_action: 'errors', errors: { [SNOOZE_DATE]: 'Pick tomorrow or later.' } }));
    }
    try {
      const lead = await snoozeLead(services.database.db, {
        teamId,
        repId: body.user.id,
        leadId: view.private_metadata,
        until: until.toJSDate(),
        requestKey: `view:${view.id}`,
        now,
      });
      await ack();
      await sendDm(client, body.user.id, snoozedText(lead, zone, now));
      void publishHome(services, client, teamId, body.user.id);
    } catch (err) {
      if (err instanceof DomainError && err.code !== 'duplicate_request') {
        return void (await ack({ response_action: 'errors', errors: { [SNOOZE_DATE]: err.message } }));
      }
      await ack();
    }
  });
}
