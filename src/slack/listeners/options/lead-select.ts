import type { App, BlockSuggestion } from '@slack/bolt';
import { leadCandidates } from '../../../db/queries/lead-candidates.js';
import type { Services } from '../../services.js';
import { LEAD_SELECT, leadOption } from '../../ui/log-modal.js';

// Slack shows at most 100 options in a select.
const MAX_OPTIONS = 100;

/** Type-ahead for the lead select: the rep's own leads whose name contains what they typed. */
export function registerLeadSelect(app: App, services: Services): void {
  app.options<'block_suggestion'>(LEAD_SELECT, async ({ ack, body }) => {
    const b = body as BlockSuggestion;
    try {
      const typed = (b.value ?? '').trim().toLowerCase();
      const leads = await leadCandidates(services.database.db, b.team?.id ?? '', b.user.id);
      const matching = leads.filter((l) => l.name.toLowerCase().includes(typed)).slice(0, MAX_OPTIONS);
      await ack({ options: matching.map(leadOption) });
    } catch {
      await ack({ options: [] });
    }
  });
}
