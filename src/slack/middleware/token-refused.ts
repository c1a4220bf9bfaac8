import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { TokenSource } from '../../outbound/team-clients.js';

/**
 * OAuth mode: a listener whose Web API call Slack refuses for the team's token (`invalid_auth`,
 * `token_revoked`…) drops the team's cached install, so the next request reads it afresh — a
 * re-install another replica stored, say (docs/architecture.md#installations). The failure handler
 * calls `context.tokenRefused`.
 */
export function forgetRefusedTokens(tokens: Pick<TokenSource, 'forget'>): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    const teamId = context.teamId;
    if (teamId) context.tokenRefused = () => tokens.forget(teamId);
    await next();
  };
}
