import { describe, expect, it } from 'vitest';
import { slackIdentity } from '../../../../src/slack/middleware/slack-identity.js';

// Payloads as Slack sends them (trimmed to the fields that matter, plus a few that must not).
const user = { id: 'U0ANA', team_id: 'T0USER', name: 'ana', username: 'ana' };
const envelope = (event: object, extra: object = {}) => ({ token: 'x', team_id: 'T0ENV', api_app_id: 'A0APP', type: 'event_callback', event_id: 'Ev1', event_time: 1, event, ...extra });

describe('slackIdentity: team and user, read one way from every kind of request', () => {
  it('a slash command', () => {
    expect(slackIdentity({ command: '/followup', text: 'log acme', team_id: 'T0CMD', user_id: 'U0ANA', channel_id: 'C1', trigger_id: 't' })).toEqual({ teamId: 'T0CMD', userId: 'U0ANA' });
  });

  it('a button click (block_actions), in a message or App Home', () => {
    const click = { type: 'block_actions', team: { id: 'T0TEAM', domain: 'd' }, user, actions: [{ action_id: 'lead_done', value: 'x' }], trigger_id: 't' };
    expect(slackIdentity(click)).toEqual({ teamId: 'T0TEAM', userId: 'U0ANA' });
    // An org-wide install sends no team: the user's team stands in.
    expect(slackIdentity({ ...click, team: null })).toEqual({ teamId: 'T0USER', userId: 'U0ANA' });
  });

  it('an options request (block_suggestion)', () => {
    expect(slackIdentity({ type: 'block_suggestion', action_id: 'lead_select', value: 'ac', team: { id: 'T0TEAM' }, user, view: { id: 'V1', team_id: 'T0VIEW' } })).toEqual({ teamId: 'T0TEAM', userId: 'U0ANA' });
  });

  it('a modal submission or close (view_submission, view_closed)', () => {
    const view = { id: 'V1', team_id: 'T0VIEW', callback_id: 'log_touch', state: { values: {} } };
    expect(slackIdentity({ type: 'view_submission', team: { id: 'T0TEAM' }, user, view })).toEqual({ teamId: 'T0TEAM', userId: 'U0ANA' });
    expect(slackIdentity({ type: 'view_closed', team: { id: 'T0TEAM' }, user, view })).toEqual({ teamId: 'T0TEAM', userId: 'U0ANA' });
    // Opened from a Slack Connect channel: the workspace the app is installed in.
    expect(slackIdentity({ type: 'view_submission', team: { id: 'T0OTHER' }, user, view: { ...view, app_installed_team_id: 'T0HOME' } })).toEqual({ teamId: 'T0HOME', userId: 'U0ANA' });
    // No team and no user team: the view's.
    expect(slackIdentity({ type: 'view_submission', team: null, user: { id: 'U0ANA' }, view })).toEqual({ teamId: 'T0VIEW', userId: 'U0ANA' });
  });

  it('a shortcut', () => {
    expect(slackIdentity({ type: 'shortcut', callback_id: 'x', team: { id: 'T0TEAM' }, user, trigger_id: 't' })).toEqual({ teamId: 'T0TEAM', userId: 'U0ANA' });
  });

  it('app_home_opened and a DM to the app (message.im)', () => {
    expect(slackIdentity(envelope({ type: 'app_home_opened', user: 'U0ANA', channel: 'D1', tab: 'home' }))).toEqual({ teamId: 'T0ENV', userId: 'U0ANA' });
    expect(slackIdentity(envelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U0ANA', text: 'hi', ts: '1.1' }))).toEqual({ teamId: 'T0ENV', userId: 'U0ANA' });
  });

  it('an event names the installing workspace from its authorizations first, as Bolt does', () => {
    const event = { type: 'app_home_opened', user: 'U0ANA', tab: 'home' };
    expect(slackIdentity(envelope(event, { authorizations: [{ team_id: 'T0AUTH', user_id: 'U0BOT', is_bot: true }] }))).toEqual({ teamId: 'T0AUTH', userId: 'U0ANA' });
    // An org-wide install authorizes with a null team: the envelope's stands.
    expect(slackIdentity(envelope(event, { authorizations: [{ team_id: null, enterprise_id: 'E1' }] }))).toEqual({ teamId: 'T0ENV', userId: 'U0ANA' });
  });

  it('events in which no person acted: app_uninstalled, tokens_revoked, a bot\'s message, an edit', () => {
    expect(slackIdentity(envelope({ type: 'app_uninstalled' }))).toEqual({ teamId: 'T0ENV', userId: undefined });
    expect(slackIdentity(envelope({ type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } }))).toEqual({ teamId: 'T0ENV', userId: undefined });
    expect(slackIdentity(envelope({ type: 'message', channel_type: 'im', user: 'U0BOT', bot_id: 'B0BOT', text: 'Good morning' }))).toEqual({ teamId: 'T0ENV', userId: undefined });
    expect(slackIdentity(envelope({ type: 'message', subtype: 'message_changed', message: { user: 'U0ANA' } }))).toEqual({ teamId: 'T0ENV', userId: undefined });
  });

  it('an empty or odd body names no one', () => {
    expect(slackIdentity(undefined)).toEqual({ teamId: undefined, userId: undefined });
    expect(slackIdentity({ type: 'block_actions', team: { id: '' }, user: { id: '' } })).toEqual({ teamId: undefined, userId: undefined });
  });
});
