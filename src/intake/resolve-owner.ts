import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Queryable } from '../db/client.js';
import { ensureRep } from '../db/ops/ensure-rep.js';
import { repById, repsByDisplayName, repsByEmail } from '../db/queries/rep-lookup.js';
import { profileOf, userByEmail, userById, type SlackUser } from '../outbound/slack-users.js';
import { looksLikeEmail } from './email-address.js';

export type OwnerResolution = { userId: string } | { error: string };

export interface OwnerResolver {
  /** A Slack id (`U…`, `<@U…|name>`), an e-mail address, or a display name the team's reps go by. */
  resolve(raw: string): Promise<OwnerResolution>;
  /**
   * The same resolver reading and writing through another connection (an import's dry-run
   * transaction, so that reps found in Slack are rolled back with it), with a cache of its own.
   */
  bind?(db: Queryable): OwnerResolver;
}

export interface OwnerResolverOptions {
  db: Queryable;
  teamId: string;
  /** Without a client (a CLI run with no token) only the reps already known are found. */
  client?: WebClient | null;
  logger?: Logger;
  now: () => Date;
}

const SLACK_ID = /^<?@?([UW][A-Z0-9]{2,})(?:\|[^>]*)?>?$/;

/**
 * Names owners for imports and the lead webhook. Known reps are found in the store; others are
 * asked of Slack (users.info, users.lookupByEmail) and become reps. Answers are cached per resolver,
 * so a 100,000-row import asks Slack once per distinct owner.
 */
export function createOwnerResolver(opts: OwnerResolverOptions): OwnerResolver {
  const cache = new Map<string, Promise<OwnerResolution>>();

  const fromSlack = async (lookup: () => Promise<SlackUser | undefined>, what: string): Promise<OwnerResolution> => {
    if (!opts.client) return { error: `${what} is not one of the team's reps yet (no Slack token to look them up)` };
    let user: SlackUser | undefined;
    try {
      user = await lookup();
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code === 'users_not_found' || code === 'user_not_found') return { error: `${what} is not in this Slack workspace` };
      opts.logger?.warn({ err: (err as Error).message }, 'owner lookup failed');
      return { error: `could not look up ${what} in Slack (${code ?? (err as Error).message})` };
    }
    if (!user?.id || user.deleted || user.is_bot) return { error: `${what} is not an active member of this Slack workspace` };
    if (user.team_id && user.team_id !== opts.teamId) return { error: `${what} belongs to another workspace` };
    const profile = profileOf(user);
    if (profile.isGuest) return { error: `${what} is a guest account and cannot own leads` };
    await ensureRep(opts.db, opts.teamId, user.id, profile, opts.now());
    return { userId: user.id };
  };

  const resolveUncached = async (raw: string): Promise<OwnerResolution> => {
    const value = raw.trim();
    const id = SLACK_ID.exec(value)?.[1];
    if (id) {
      const known = await repById(opts.db, opts.teamId, id);
      if (known) return known.isGuest ? { error: `${id} is a guest account and cannot own leads` } : { userId: known.userId };
      return fromSlack(() => userById(opts.client!, id), id);
    }
    if (looksLikeEmail(value)) {
      const known = await repsByEmail(opts.db, opts.teamId, value);
      if (known.length === 1) return known[0]!;
      return fromSlack(() => userByEmail(opts.client!, value), value);
    }
    if (!value) return { error: 'no owner given' };
    const named = await repsByDisplayName(opts.db, opts.teamId, value);
    if (named.length === 1) return named[0]!;
    return { error: named.length > 1 ? `"${value}" names ${named.length} reps; use their e-mail or Slack id` : `no rep goes by "${value}"; use their e-mail or Slack id` };
  };

  return {
    bind: (db) => createOwnerResolver({ ...opts, db }),
    resolve(raw) {
      const key = raw.trim().toLowerCase();
      let answer = cache.get(key);
      if (!answer) {
        answer = resolveUncached(raw);
        cache.set(key, answer);
      }
      return answer;
    },
  };
}
