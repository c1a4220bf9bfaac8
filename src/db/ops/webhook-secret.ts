import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Keyring } from '../../secrets/keyring.js';
import { open, seal } from '../../secrets/sealed.js';
import type { Queryable } from '../client.js';
import { teams, type Team } from '../schema.js';
import { previousWebhookSecretContext, webhookSecretContext } from '../stored-secrets.js';

// After a rotation the old secret still verifies for a day, so forms can be switched over calmly.
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

const newSecret = () => randomBytes(32).toString('hex');

// With keys, secrets are stored sealed; without, in clear as before (docs/operations.md#encryption-keys).
const sealed = (keyring: Keyring | null, secret: string, context: string) => (keyring ? seal(keyring, secret, context) : secret);

/**
 * The team's POST /leads secret, created the first time; `rotate` replaces it (the old one lasts a
 * day). Stored sealed when a keyring is given; returned in clear.
 */
export async function webhookSecret(db: Queryable, teamId: string, opts: { rotate?: boolean; now: Date; keyring: Keyring | null }): Promise<string> {
  const { keyring, now } = opts;
  await db.insert(teams).values({ id: teamId }).onConflictDoNothing();
  if (opts.rotate) {
    return db.transaction(async (tx) => {
      const [team] = await tx.select({ current: teams.webhookSecret }).from(teams).where(eq(teams.id, teamId)).for('update');
      // The old secret moves to the other column, so it is sealed again against that column.
      const old = team?.current ? open(keyring, team.current, webhookSecretContext(teamId)) : null;
      const secret = newSecret();
      await tx
        .update(teams)
        .set({
          webhookSecretPrevious: old === null ? null : sealed(keyring, old, previousWebhookSecretContext(teamId)),
          webhookSecret: sealed(keyring, secret, webhookSecretContext(teamId)),
          webhookSecretRotatedAt: now,
          updatedAt: now,
        })
        .where(eq(teams.id, teamId));
      return secret;
    });
  }
  // Only the first caller's secret is kept, also when two run at once.
  await db
    .update(teams)
    .set({ webhookSecret: sealed(keyring, newSecret(), webhookSecretContext(teamId)), updatedAt: now })
    .where(sql`${teams.id} = ${teamId} and ${teams.webhookSecret} is null`);
  const [team] = await db.select({ secret: teams.webhookSecret }).from(teams).where(eq(teams.id, teamId));
  return open(keyring, team!.secret!, webhookSecretContext(teamId));
}

type StoredSecrets = Pick<Team, 'webhookSecret' | 'webhookSecretPrevious' | 'webhookSecretRotatedAt'>;

/** The team's stored secrets in clear. A sealed one whose key is not in `keyring` throws SecretKeyError. */
export function openWebhookSecrets(team: StoredSecrets & Pick<Team, 'id'>, keyring: Keyring | null): StoredSecrets {
  return {
    webhookSecret: team.webhookSecret && open(keyring, team.webhookSecret, webhookSecretContext(team.id)),
    webhookSecretPrevious: team.webhookSecretPrevious && open(keyring, team.webhookSecretPrevious, previousWebhookSecretContext(team.id)),
    webhookSecretRotatedAt: team.webhookSecretRotatedAt,
  };
}

/** The secrets a request may be signed with now: the current one, and the previous during its grace day. */
export function validSecrets(team: StoredSecrets, now: Date): string[] {
  const secrets = team.webhookSecret ? [team.webhookSecret] : [];
  if (team.webhookSecretPrevious && team.webhookSecretRotatedAt && now.getTime() - team.webhookSecretRotatedAt.getTime() < ROTATION_GRACE_MS) {
    secrets.push(team.webhookSecretPrevious);
  }
  return secrets;
}
