import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import { forTheSuite } from './suite.js';

export interface DbTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database of its own; close() drops it. */
  open(): Promise<Database>;
}

/** PGlite always; the real server too when DATABASE_URL is set (as in CI). */
export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [{ name: 'pglite', open: openPgliteForTest }];
  if (process.env.DATABASE_URL) targets.push({ name: 'postgres', open: () => openPostgresForTest(process.env.DATABASE_URL!) });
  return targets;
}

/** A fresh database of this target for the enclosing describe's tests and hooks (see forTheSuite). */
export const useDatabase = (target: DbTarget): Database => forTheSuite('the database', () => target.open(), (database) => database.close());

async function openPgliteForTest(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  return database;
}

/** Each test file gets its own database on the server, so files can run in parallel. */
export async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function openPostgresForTest(adminUrl: string): Promise<Database> {
  const scratch = await createScratchDatabase(adminUrl);
  const database = await openDatabase({ databaseUrl: scratch.url, max: 5 });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A database for a child process (the CLI, `serve`): its environment, and a way in for the test. */
export interface ProcessDbTarget {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/** An embedded database in a temporary DATA_DIR always; a scratch Postgres database too when DATABASE_URL is set. */
export async function processDbTargets(prefix: string): Promise<ProcessDbTarget[]> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const list: ProcessDbTarget[] = [
    { name: 'pglite', env: { DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) },
  ];
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    list.push({ name: 'postgres', env: { DATABASE_URL: scratch.url }, open: () => openDatabase({ databaseUrl: scratch.url, max: 2 }), cleanup: () => scratch.drop() });
  }
  return list;
}

/**
 * Opens a child process's database for the test, runs `work` and closes it again: the embedded
 * database admits one process at a time, so the test lets go before a child starts (or reads after).
 */
export async function withDatabase<T>(target: Pick<ProcessDbTarget, 'open'>, work: (db: Db) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const database = await target.open();
  try {
    if (opts.migrate) await database.migrate();
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The same before any child has run: the schema is made first. */
export const seedDatabase = <T>(target: Pick<ProcessDbTarget, 'open'>, work: (db: Db) => Promise<T>): Promise<T> => withDatabase(target, work, { migrate: true });
