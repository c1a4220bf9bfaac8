import type { Queue, QueueItem } from '../../../../src/coach/index.js';
import { lead, step } from '../../coach/fixtures.js';

/** A queue item as the coach hands it over (the contract's shape), without the coach's ranking. */
export function item(over: Partial<QueueItem> & { lead?: QueueItem['lead'] } = {}): QueueItem {
  const l = over.lead ?? lead({ openStep: step() });
  return {
    due: 'step',
    band: 2,
    score: 1,
    prefix: 'Lead · $1,000',
    reasons: ['call due today'],
    touchNote: null,
    lastOutcome: null,
    commitment: null,
    promisedToday: false,
    isNew: false,
    offers: { theirSide: false, changeApproach: false },
    ...over,
    lead: l,
  } as QueueItem;
}

export const queueOf = (items: QueueItem[], noNextStep: Queue['noNextStep'] = []): Queue => ({ items, noNextStep });
