// `followup-coach webhook-secret`: the team's secret for POST /leads.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { webhookSecret } from '../db/ops/webhook-secret.js';
import { UsageError } from './usage-error.js';
import { withDatabase } from './with-database.js';

export async function webhookSecretCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { team: { type: 'string' }, rotate: { type: 'boolean' } }, strict: true });
  if (!values.team || !/^[TE][A-Z0-9]{1,20}$/.test(values.team)) {
    throw new UsageError('Usage: followup-coach webhook-secret --team <T…> [--rotate]  (the Slack team id, e.g. T0123ABCD)');
  }
  const team = values.team;
  const config = loadConfig(process.env);
  await withDatabase(config, async (database) => {
    console.log(await webhookSecret(database.db, team, { rotate: values.rotate, now: new Date(), keyring: config.FOLLOWUP_ENCRYPTION_KEYS ?? null }));
  });
  return 0;
}
