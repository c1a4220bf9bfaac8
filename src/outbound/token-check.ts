// auth.test with a stored token (docs/architecture.md#installations): does Slack still take it?
// Asked when an uninstall event looks older than the install, and at serve's start in OAuth mode.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { jobSlackClient } from './slack-client.js';
import { slackErrorCode } from './slack-errors.js';

/** Slack's answers meaning the token is gone for good: the install behind it no longer exists. */
export const TOKEN_REFUSED_ERRORS = new Set(['invalid_auth', 'token_revoked', 'account_inactive']);

/** 'works', 'refused' (Slack says the token is gone), or 'unknown' (Slack could not be asked: network, 5xx, 429). */
export type TokenStatus = 'works' | 'refused' | 'unknown';

export async function checkToken(config: Config, logger: Logger, token: string): Promise<TokenStatus> {
  try {
    await jobSlackClient(config, logger, token).auth.test();
    return 'works';
  } catch (err) {
    return TOKEN_REFUSED_ERRORS.has(slackErrorCode(err)) ? 'refused' : 'unknown';
  }
}
