import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { leadCandidates } from '../../../db/queries/lead-candidates.js';
import { answerFailure } from '../../failure.js';
import { repOf } from '../../middleware/rep-context.js';
import type { Services } from '../../services.js';
import { leadOption } from '../../ui/log-modal.js';

// Slack shows at most 100 options in a select.
const MAX_OPTIONS = 100;

/** Type-ahead for the lead select: the rep's own leads whose name contains what they typed. */
export const leadSelectOptions =
  (services: Services) =>
  async (args: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const { ack, body, context } = args;
    try {
      const rep = repOf(context);
      const typed = (body.value ?? '').trim().toLowerCase();
      const leads = await leadCandidates(services.database.db, rep.teamId, rep.userId);
      const matching = leads.filter((l) => l.name.toLowerCase().includes(typed)).slice(0, MAX_OPTIONS);
      await ack({ options: matching.map(leadOption) });
    } catch (err) {
      // An empty list: the select shows nothing rather than an error.
      await answerFailure(args, services.logger, err);
    }
  };
