import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../src/paths.js';
import { createScratchDatabase } from '../../support/db.js';

// Migration 0003 (#14) renames two lead columns: the data in them must survive, and leads that came
// in from outside (no creator, not imported) become inbound. Run on a database holding rows made
// under migration 0002, statement by statement as the migrator runs them.
const statements = (tag: string) =>
  readFileSync(join(migrationsFolder(), `${tag}.sql`), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
const BEFORE = ['0000_init', '0001_intake', '0002_installations'];

const SEED = `
insert into teams (id) values ('TMIG');
insert into leads (id, team_id, owner_id, name, created_by, imported, touch_count, touches_since_progress, progress_at)
values ('00000000-0000-0000-0000-000000000001', 'TMIG', 'U1', 'From the web form', null, false, 5, 3, '2026-11-20T10:00:00.123456Z'),
       ('00000000-0000-0000-0000-000000000002', 'TMIG', 'U1', 'Added by hand', 'U1', false, 0, 0, null),
       ('00000000-0000-0000-0000-000000000003', 'TMIG', 'U1', 'Imported', null, true, 0, 0, null);
insert into touches (team_id, lead_id, rep_id, channel, outcome, occurred_at)
values ('TMIG', '00000000-0000-0000-0000-000000000001', 'U1', 'call', 'first call', '2026-11-19T10:00:00Z'),
       ('TMIG', '00000000-0000-0000-0000-000000000001', 'U1', 'email', 'sent the quote', '2026-11-21T10:00:00Z');
`;
const CHECK = `select name, touches_since_engagement as n, engaged_at::text as engaged, inbound, last_outcome,
  positive_signal_count as pos from leads order by id`;
const EXPECTED = [
  { name: 'From the web form', n: 3, engaged: '2026-11-20 10:00:00.123456+00', inbound: true, last_outcome: 'sent the quote', pos: 0 },
  { name: 'Added by hand', n: 0, engaged: null, inbound: false, last_outcome: null, pos: 0 },
  { name: 'Imported', n: 0, engaged: null, inbound: false, last_outcome: null, pos: 0 },
];

describe('migration 0003 keeps the renamed columns\' data', () => {
  it('on PGlite', async () => {
    const pg = new PGlite('memory://');
    try {
      await pg.exec(`set timezone = 'UTC'`);
      for (const tag of BEFORE) for (const s of statements(tag)) await pg.exec(s);
      await pg.exec(SEED);
      for (const s of statements('0003_engagement')) await pg.exec(s);
      expect((await pg.query(CHECK)).rows).toEqual(EXPECTED);
      const [touch] = (await pg.query<{ direction: string; undo: unknown }>(`select direction, undo from touches limit 1`)).rows;
      expect(touch).toEqual({ direction: 'outbound', undo: null });
    } finally {
      await pg.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('on Postgres', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(`set timezone = 'UTC'`);
      for (const tag of BEFORE) for (const s of statements(tag)) await sql.unsafe(s);
      await sql.unsafe(SEED);
      for (const s of statements('0003_engagement')) await sql.unsafe(s);
      expect([...(await sql.unsafe(CHECK))]).toEqual(EXPECTED);
    } finally {
      await sql.end();
      await scratch.drop();
    }
  });
});
