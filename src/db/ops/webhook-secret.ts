import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { teams, type Team } from '../schema.js';

// After a rotation the old secret still verifies for a day, so forms can be switched over calmly.
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

const newSecret = () => randomBytes(32).toString('hex');

/** The team's POST /leads secret, created the first time; `rotate` replaces it (the old one lasts a day). */
export async function webhookSecret(db: Queryable, teamId: string, opts: { rotate?: boolean; now: Date }): Promise<string> {
  await db.insert(teams).values({ id: teamId }).onConflictDoNothing();
  if (opts.rotate) {
    const [team] = await db
      .update(teams)
      .set({ webhookSecretPrevious: sql`${teams.webhookSecret}`, webhookSecret: newSecret(), webhookSecretRotatedAt: opts.now, updatedAt: opts.now })
      .where(eq(teams.id, teamId))
      .returning({ secret: teams.webhookSecret });
    return team!.secret!;
  }
  // Only the first caller's secret is kept, also when two run at once.
  await db
    .update(teams)
    .set({ webhookSecret: newSecret(), updatedAt: opts.now })
    .where(sql`${teams.id} = ${teamId} and ${teams.webhookSecret} is null`);
  const [team] = await db.select({ secret: teams.webhookSecret }).from(teams).where(eq(teams.id, teamId));
  return team!.secret!;
}

/** The secrets a request may be signed with now: the current one, and the previous during its grace day. */
export function validSecrets(team: Pick<Team, 'webhookSecret' | 'webhookSecretPrevious' | 'webhookSecretRotatedAt'>, now: Date): string[] {
  const secrets = team.webhookSecret ? [team.webhookSecret] : [];
  if (team.webhookSecretPrevious && team.webhookSecretRotatedAt && now.getTime() - team.webhookSecretRotatedAt.getTime() < ROTATION_GRACE_MS) {
    secrets.push(team.webhookSecretPrevious);
  }
  return secrets;
}
