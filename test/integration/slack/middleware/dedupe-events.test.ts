import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src/logger.js';
import { InFlight } from '../../../../src/observability/in-flight.js';
import { createMetrics } from '../../../../src/observability/metrics.js';
import { dedupeEvents } from '../../../../src/slack/middleware/dedupe-events.js';
import { dbTargets, useDatabase } from '../../../support/db.js';

describe.each(dbTargets())('Events API retries on $name', (target) => {
  const database = useDatabase(target);

  it('handles an event once however often Slack retries it; other events and non-events pass', async () => {
    const middleware = dedupeEvents({ database, logger: createLogger('silent'), now: () => new Date(), metrics: createMetrics(), inFlight: new InFlight(), home: { redraw: async () => {} } });
    let handled = 0;
    const deliver = (body: object) => middleware({ body, next: async () => void (handled += 1) } as never);
    const event = { type: 'event_callback', team_id: 'T1', event_id: 'Ev0001', event: { type: 'app_home_opened', user: 'U1' } };
    await deliver(event);
    await deliver(event); // x-slack-retry-num: 1
    await deliver(event); // x-slack-retry-num: 2
    expect(handled).toBe(1);
    await deliver({ ...event, event_id: 'Ev0002' });
    await deliver({ type: 'block_actions', team: { id: 'T1' } });
    expect(handled).toBe(3);
  });
});
