import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../../src/db/client.js';
import { leads, reps } from '../../../src/db/schema.js';
import { createScratchDatabase } from '../../support/db.js';
import { givenLead, givenRep } from '../../support/given.js';

// Statements this connection has prepared (pg_prepared_statements is per session, so ask inside
// the transaction, on the connection that ran them).
async function preparedHere(database: Database, work: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<unknown>): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    await work(tx);
    await work(tx);
    return rowsOf(await tx.execute(sql`select statement from pg_prepared_statements where statement like '%"reps"%' or statement like '%"leads"%'`)).map((r) => String(r.statement));
  });
}

describe.skipIf(!process.env.DATABASE_URL)('prepared statements on a real server', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!);
    const setup = await openDatabase({ databaseUrl: scratch.url, max: 1 });
    await setup.migrate();
    await setup.close();
  });
  afterAll(async () => scratch?.drop());

  it("prepares drizzle's statements once per connection, inside transactions too, and the commands still work", async () => {
    const database = await openDatabase({ databaseUrl: scratch.url, max: 2 });
    try {
      const now = new Date();
      await givenRep(database.db, 'T1', 'U1', 'UTC', now);
      const lead = await givenLead(database.db, { team: 'T1', owner: 'U1', name: "O'Brien & Sons", at: now, touches: [{ channel: 'call' }, { channel: 'email', at: new Date(now.getTime() + 1000) }] });
      const [row] = await database.db.select().from(leads).where(eq(leads.id, lead.id));
      expect(row).toMatchObject({ name: "O'Brien & Sons", touchCount: 2, lastTouchChannel: 'email' });

      const prepared = await preparedHere(database, (tx) => tx.select().from(reps).where(eq(reps.userId, 'U1')));
      // Run twice, prepared once: the second run reused the first's statement.
      expect(prepared.filter((s) => s.startsWith('select') && s.includes('from "reps"'))).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('prepares nothing when DATABASE_URL says ?prepare=false (transaction-mode poolers)', async () => {
    const database = await openDatabase({ databaseUrl: `${scratch.url}?prepare=false`, max: 1 });
    try {
      const prepared = await preparedHere(database, (tx) => tx.select().from(reps).where(eq(reps.userId, 'U1')));
      expect(prepared).toEqual([]);
      expect(await database.db.select().from(reps)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
