// Every secret the database keeps, and what each is sealed against (docs/operations.md#encryption-keys):
// installations.bot_token, teams.webhook_secret and teams.webhook_secret_previous. A new secret column
// is added here too, so the start-up pass and `keys rotate` cover it.
import { eq, isNotNull, or, sql } from 'drizzle-orm';
import { SecretKeyError, secretContext } from '../secrets/sealed.js';
import type { Tx } from './client.js';
import { installations, teams } from './schema.js';

export const botTokenContext = (row: { enterpriseId: string | null; teamId: string }): string =>
  secretContext({ enterpriseId: row.enterpriseId, teamId: row.teamId, column: 'installations.bot_token' });

export const webhookSecretContext = (teamId: string): string => secretContext({ teamId, column: 'teams.webhook_secret' });

export const previousWebhookSecretContext = (teamId: string): string => secretContext({ teamId, column: 'teams.webhook_secret_previous' });

/** A stored value (sealed or still clear) and the context it is sealed against. */
export interface StoredSecret {
  stored: string;
  context: string;
}

/** Gives the value to store instead; the same value leaves the row as it is. */
export type Reseal = (secret: StoredSecret) => string;

/** `reseal`, with a refusal told where it happened (a team id and a column, never the value). */
function resealAt(reseal: Reseal, where: string): Reseal {
  return (secret) => {
    try {
      return reseal(secret);
    } catch (err) {
      if (err instanceof SecretKeyError) throw new SecretKeyError(`${err.message} (${where})`);
      throw err;
    }
  };
}

/**
 * Passes every stored secret through `reseal` and writes back those that changed, the rows locked
 * meanwhile. Run it inside one transaction: a refusal part-way leaves everything as it was.
 */
export async function resealStoredSecrets(tx: Tx, reseal: Reseal): Promise<void> {
  const installs = await tx
    .select({ teamId: installations.teamId, enterpriseId: installations.enterpriseId, botToken: installations.botToken })
    .from(installations)
    .for('update');
  for (const row of installs) {
    const next = resealAt(reseal, `team ${row.teamId}, installations.bot_token`)({ stored: row.botToken, context: botTokenContext(row) });
    if (next !== row.botToken) await tx.update(installations).set({ botToken: next, updatedAt: sql`now()` }).where(eq(installations.teamId, row.teamId));
  }

  const withSecrets = await tx
    .select({ id: teams.id, current: teams.webhookSecret, previous: teams.webhookSecretPrevious })
    .from(teams)
    .where(or(isNotNull(teams.webhookSecret), isNotNull(teams.webhookSecretPrevious)))
    .for('update');
  for (const row of withSecrets) {
    const current = row.current === null ? null : resealAt(reseal, `team ${row.id}, teams.webhook_secret`)({ stored: row.current, context: webhookSecretContext(row.id) });
    const previous =
      row.previous === null ? null : resealAt(reseal, `team ${row.id}, teams.webhook_secret_previous`)({ stored: row.previous, context: previousWebhookSecretContext(row.id) });
    if (current !== row.current || previous !== row.previous) {
      await tx.update(teams).set({ webhookSecret: current, webhookSecretPrevious: previous }).where(eq(teams.id, row.id));
    }
  }
}
