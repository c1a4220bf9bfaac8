import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/observability/in-flight.js';
import { listenerName } from '../../../src/slack/middleware/observe-requests.js';

describe('metric labels name our listeners, never typed text', () => {
  it('names commands by subcommand, actions, views, options and events', () => {
    expect(listenerName({ command: '/followup', text: 'log "Acme" call' })).toBe('command:/followup log');
    expect(listenerName({ command: '/followup', text: '' })).toBe('command:/followup help');
    expect(listenerName({ command: '/followup', text: 'DROP TABLE leads' })).toBe('command:/followup other');
    expect(listenerName({ command: '/followup', text: '__proto__' })).toBe('command:/followup other');
    expect(listenerName({ type: 'block_actions', actions: [{ action_id: 'lead_done' }] })).toBe('action:lead_done');
    expect(listenerName({ type: 'view_submission', view: { callback_id: 'import_leads' } })).toBe('view:import_leads');
    expect(listenerName({ type: 'block_suggestion', action_id: 'lead_select' })).toBe('options:lead_select');
    expect(listenerName({ type: 'event_callback', event: { type: 'app_home_opened' } })).toBe('event:app_home_opened');
    expect(listenerName({ type: 'block_actions', actions: [{ action_id: 'x'.repeat(200) }] })).toBe('action:other');
  });
});

describe('InFlight', () => {
  it('drains when the last piece of work ends, or reports the grace period ran out', async () => {
    const work = new InFlight();
    expect(await work.drained(10)).toBe(true);
    const leave = work.enter();
    let release!: () => void;
    const tracked = work.track(() => new Promise<void>((r) => (release = r)));
    expect(work.size).toBe(2);
    expect(await work.drained(20)).toBe(false);
    const drained = work.drained(1000);
    leave();
    leave(); // twice is once
    expect(work.size).toBe(1);
    release();
    await tracked;
    expect(await drained).toBe(true);
    expect(work.size).toBe(0);
  });
});
