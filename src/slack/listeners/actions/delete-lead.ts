import type { ButtonAction } from '@slack/bolt';
import { deleteLead } from '../../../db/ops/delete-lead.js';
import { isUuid } from '../../dm.js';
import { Refusal } from '../../failure.js';
import { escapeSlackText } from '../../parse/slack-text.js';
import { reply } from '../../reply.js';
import type { Services } from '../../services.js';
import { onClick } from './on-click.js';

// The two buttons of `/followup delete`'s confirmation: the answer takes the confirmation's place.
const ON_THE_CONFIRMATION = { replaceOriginal: true };

/** Delete: erases the lead and its history, if the clicker may (its owner, or a manager). */
export const deleteConfirmButton = (services: Services) =>
  onClick<ButtonAction>(
    services,
    async ({ rep, action }) => {
      // The button's value is only an id: who may delete is checked again now.
      if (!isUuid(action.value)) throw new Refusal('That button is no longer valid. Nothing was deleted.');
      const lead = await deleteLead(services.database.db, {
        teamId: rep.teamId,
        actorId: rep.userId,
        actorIsManager: rep.isManager,
        leadId: action.value,
      });
      return reply(`Deleted *${escapeSlackText(lead.name)}* and all its history.`, { redraw: [lead.ownerId] });
    },
    ON_THE_CONFIRMATION,
  );

/** Cancel: nothing happens, and the confirmation says so. */
export const deleteCancelButton = (services: Services) =>
  onClick<ButtonAction>(services, async () => reply('Kept it: nothing was deleted.'), ON_THE_CONFIRMATION);
