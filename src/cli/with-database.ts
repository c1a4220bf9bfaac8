// Every command that needs the database opens it the same way: open, migrate, work, close.
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';

/** The configured database, migrated; closed again if migrating fails. The caller closes it. */
export async function openMigrated(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** Opens and migrates the database, runs `work` with it, and closes it whatever happens. */
export async function withDatabase<T>(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigrated(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
