import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { DataDirBusyError, lockDataDir } from '../../../src/db/data-dir-lock.js';
import { createScratchDatabase } from '../../support/db.js';

describe('embedded database directory lock', () => {
  it('lets one process in, names the way out for the second, and takes over a dead holder\'s lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-lock-'));
    try {
      // A live process other than us holds it: our parent is alive.
      writeFileSync(join(dir, '.lock'), String(process.ppid));
      expect(() => lockDataDir(dir)).toThrowError(DataDirBusyError);
      expect(() => lockDataDir(dir)).toThrowError(/Stop `followup-coach serve` first, or set DATABASE_URL/);
      // A dead holder (pid far beyond any real one) leaves a stale lock we may take.
      writeFileSync(join(dir, '.lock'), '999999999');
      const release = lockDataDir(dir);
      release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('migrations on a real server', () => {
  it('applies once when several replicas start together (advisory lock)', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
    const replicas = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: scratch.url, max: 2 })));
    try {
      await Promise.all(replicas.map((r) => r.migrate()));
      const rows = (await replicas[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { n: number }[];
      const journal = (await import('../../../drizzle/meta/_journal.json', { with: { type: 'json' } })).default;
      expect(rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
      await scratch.drop();
    }
  });
});
