import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder } from '../paths.js';
import { lockDataDir } from './data-dir-lock.js';
import { preparingStatements } from './prepared-statements.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or a transaction. */
export type Queryable = Db | Tx;

/** Rows of a raw `db.execute`: postgres.js returns them, PGlite returns { rows }. */
export const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Connections this process may open (the pool's size; 1 for the embedded database). */
  poolMax: number;
  migrate(): Promise<void>;
  /** Readiness: a trivial round trip. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const APPLICATION_NAME = 'followup-coach';

// One fixed key: every replica's migrator waits on the same lock.
const MIGRATION_LOCK_KEY = 7_104_202_611;

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite directory; 'memory://' for a throwaway in-memory database (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
  /** Called for every statement (benchmarks count them). */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const logger = opts.onQuery ? { logQuery: (query: string) => opts.onQuery!(query) } : undefined;
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.max ?? 10, logger) : openPglite(opts.dataDir ?? './.data', logger);
}

type QueryLogger = { logQuery(query: string, params: unknown[]): void } | undefined;

function openPostgres(url: string, max: number, logger: QueryLogger): Database {
  const client = postgres(url, {
    max,
    // Fail fast when the server is away rather than postgres.js's 30 s default.
    connect_timeout: 2,
    onnotice: () => {},
    // Lets GET /metrics count the app's connections in pg_stat_activity.
    connection: { application_name: APPLICATION_NAME },
  });
  const db = drizzlePostgres({ client: preparingStatements(client), schema, logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    poolMax: max,
    async migrate() {
      // A single-connection client, so the session advisory lock covers the whole migration.
      const lockClient = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: lockClient }), { migrationsFolder: migrationsFolder() });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string, logger: QueryLogger): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir);
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    poolMax: 1,
    async migrate() {
      await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await migratePglite(drizzlePglite({ client }), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      }
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}
