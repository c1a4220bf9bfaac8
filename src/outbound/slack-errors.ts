// Slack errors that will not go away by retrying: the message is marked failed, not owed again.
export const PERMANENT_SLACK_ERRORS = new Set([
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'msg_too_long',
]);

// The team's token no longer works (uninstalled, revoked): stop sending to the team for this run;
// the claim is given back, so a reinstall the same morning still sends.
export const TEAM_GONE_ERRORS = new Set(['token_revoked', 'invalid_auth', 'not_authed', 'account_inactive_team', 'team_access_not_granted', 'ekm_access_denied']);

// Errors after which the team's cached install is read afresh (a cache refresh, nothing more): the
// team-gone ones, and account_inactive, which Slack gives for a deleted workspace's token as for a
// DM to a deactivated user — so that send still counts as the one user's failure.
export const FORGET_INSTALL_ERRORS = new Set([...TEAM_GONE_ERRORS, 'account_inactive']);

/** Slack's error code of a failed Web API call, or the transport error. */
export const slackErrorCode = (err: unknown): string => {
  const e = err as { code?: string; data?: { error?: string } };
  return e.data?.error ?? e.code ?? (err as Error).message;
};
