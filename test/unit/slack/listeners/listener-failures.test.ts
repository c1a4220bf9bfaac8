import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/client.js';
import type { Rep } from '../../../../src/db/schema.js';
import { createLogger } from '../../../../src/logger.js';
import { InFlight } from '../../../../src/observability/in-flight.js';
import { createMetrics } from '../../../../src/observability/metrics.js';
import { doneButton, logTouchButton, snoozeMenu } from '../../../../src/slack/listeners/actions/lead-buttons.js';
import { deleteConfirmButton } from '../../../../src/slack/listeners/actions/delete-lead.js';
import { leadSelectOptions } from '../../../../src/slack/listeners/options/lead-select.js';
import { importForm } from '../../../../src/slack/listeners/views/import.js';
import { snoozeForm } from '../../../../src/slack/listeners/views/snooze.js';
import { DATABASE_DOWN } from '../../../../src/slack/reply.js';
import type { Services } from '../../../../src/slack/services.js';
import { IMPORT_FILE, IMPORT_MODAL } from '../../../../src/slack/ui/import-modal.js';
import { SNOOZE_DATE, SNOOZE_MODAL } from '../../../../src/slack/ui/snooze-modal.js';

// Listeners with the database away: each says so on its own surface, none says "not your lead"
// (as a button once did when its lookup failed) and none acks in silence (as the snooze form did).

const LEAD = '0b7f3c1e-5a6d-4c2b-9e8f-1a2b3c4d5e6f';
const rep = { teamId: 'T1', userId: 'U0ANA', tz: 'America/New_York', isManager: true, isGuest: false } as Rep;
const unreachable = {
  db: new Proxy({}, { get: () => { throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }); } }),
} as unknown as Database;
const redrawn: string[] = [];
const services: Services = {
  database: unreachable, logger: createLogger('silent'), now: () => new Date('2026-11-25T15:00:00Z'), metrics: createMetrics(), inFlight: new InFlight(),
  home: { redraw: async (_c, _t, userId) => void redrawn.push(userId) },
};

function request(body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const sent = { acks: [] as unknown[], responds: [] as Record<string, unknown>[], dms: [] as { text: string }[], views: [] as unknown[] };
  const client = {
    conversations: { open: async () => ({ channel: { id: 'D0ANA' } }) },
    chat: { postMessage: async (m: { text: string }) => void sent.dms.push(m) },
    views: { open: async (v: unknown) => void sent.views.push(v) },
  } as unknown as WebClient;
  const args = {
    body, client, context: { rep, teamId: 'T1', userId: 'U0ANA', isEnterpriseInstall: false },
    ack: async (r?: unknown) => void sent.acks.push(r),
    respond: async (r: Record<string, unknown>) => void sent.responds.push(r),
    ...extra,
  };
  return { args: args as never, sent };
}

const click = (actionId: string, action: object) => {
  const body = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'U0ANA', team_id: 'T1' }, trigger_id: 't', response_url: 'https://hooks.slack.test/b', actions: [{ action_id: actionId, ...action }] };
  return request(body, { action: body.actions[0] });
};
const submission = (callbackId: string, values: object) => {
  const view = { id: 'V1', team_id: 'T1', callback_id: callbackId, private_metadata: LEAD, state: { values } };
  return request({ type: 'view_submission', team: { id: 'T1' }, user: { id: 'U0ANA', team_id: 'T1' }, view }, { view });
};

describe('listeners with the database away', () => {
  it.each([
    ['Log touch', logTouchButton, { value: LEAD }],
    ['Done', doneButton, { value: LEAD }],
    ['Snooze', snoozeMenu, { selected_option: { value: `${LEAD}|1d` } }],
  ])("%s button: can't reach the database, never \"not your lead\"", async (_name, listener, action) => {
    const { args, sent } = click('x', action);
    await listener(services)(args);
    expect(sent.acks).toEqual([undefined]);
    expect(sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: DATABASE_DOWN }]);
    expect(sent.views).toEqual([]);
    expect(redrawn).toEqual([]);
  });

  it('Delete confirm: in the confirmation\'s place', async () => {
    const { args, sent } = click('lead_delete_confirm', { value: LEAD });
    await deleteConfirmButton(services)(args);
    expect(sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: true, text: DATABASE_DOWN }]);
  });

  it('a button whose value is no lead id is refused without asking the database', async () => {
    const { args, sent } = click('lead_done', { value: 'not-an-id' });
    await doneButton(services)(args);
    expect(sent.responds).toEqual([{ response_type: 'ephemeral', replace_original: false, text: "That's not your lead, so nothing was changed." }]);
  });

  it('the snooze form closes and says so by DM', async () => {
    const { args, sent } = submission(SNOOZE_MODAL, { [SNOOZE_DATE]: { [SNOOZE_DATE]: { type: 'datepicker', selected_date: '2026-12-01' } } });
    await snoozeForm(services)(args);
    expect(sent.acks).toEqual([undefined]);
    expect(sent.dms).toEqual([expect.objectContaining({ text: DATABASE_DOWN })]);
  });

  it('the import form does not turn the outage into "only managers"', async () => {
    const file = { id: 'F1', name: 'leads.csv', filetype: 'csv', size: 10 };
    const { args, sent } = submission(IMPORT_MODAL, { [IMPORT_FILE]: { [IMPORT_FILE]: { type: 'file_input', files: [file] } } });
    await importForm(services)(args);
    expect(sent.acks).toEqual([undefined]);
    expect(sent.dms).toEqual([expect.objectContaining({ text: DATABASE_DOWN })]);
  });

  it('the lead select offers nothing', async () => {
    const { args, sent } = request({ type: 'block_suggestion', team: { id: 'T1' }, user: { id: 'U0ANA' }, action_id: 'lead_select', value: 'ac' });
    await leadSelectOptions(services)(args);
    expect(sent.acks).toEqual([{ options: [] }]);
  });
});
