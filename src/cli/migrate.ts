// `followup-coach migrate`: apply the database migrations and exit.
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { sealSecretsAtStart } from './secrets-at-start.js';
import { withDatabase } from './with-database.js';

export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  await withDatabase(config, async (database) => {
    logger.info({ database: database.kind }, 'migrations applied');
    // A deployment that migrates in a step of its own gets its secrets sealed there too.
    await sealSecretsAtStart(database, config, logger, { warnWithoutKeys: false });
  });
  return 0;
}
