// Benchmark: importing a 100,000-row HubSpot-style CSV export, then importing it again (issue #7).
// Usage: DATABASE_URL=postgres://… npm run bench:import [-- --rows 100000 --reps 50]   (runs node with --expose-gc)
//        npm run bench:import            (no DATABASE_URL: embedded PGlite in a temporary DATA_DIR)
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../src/db/client.js';
import { ensureRep } from '../src/db/ops/ensure-rep.js';
import { exportLeads } from '../src/intake/export-leads.js';
import { importLeads, type ImportSummary } from '../src/intake/import-leads.js';
import { createScratchDatabase } from '../test/support/db.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    reps: { type: 'string', default: '50' },
  },
});
const ROWS = Number(values.rows);
const REPS = Number(values.reps);
const TEAM = 'TIMPORT';
const NOW = new Date('2026-11-25T15:00:00Z');
const CHECKPOINTS = [0.25, 0.5, 1].map((f) => Math.round(ROWS * f));

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const STAGES = ['Subscriber', 'Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer', 'Evangelist', 'Other'];
const SOURCES = ['Organic Search', 'Paid Search', 'Email Marketing', 'Offline Sources', 'Direct Traffic', 'Customer Referral'];
const STATUSES = ['New', 'Open', 'In Progress', 'Attempted to Contact', 'Connected', 'Unqualified'];
const repName = (i: number) => `Rep ${String(i).padStart(3, '0')}`;

/** A HubSpot contacts export, written as a stream: about 1% of rows are bad (an e-mail that is not one). */
async function writeHubspotCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const put = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await put('\uFEFF"Record ID","First Name","Last Name","Email","Phone Number","Company Name","Lifecycle Stage","Lead Status","Original Source","Contact owner","Create Date","Last Contacted","Annual Revenue"\n');
  for (let i = 1; i <= rows; i++) {
    const email = i % 100 === 0 ? `broken-${i}-at-example.com` : `contact${i}@company${i % 9973}.example`;
    const day = 1 + (i % 28);
    const created = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const contacted = i % 3 === 0 ? `2026-11-${String(1 + (i % 20)).padStart(2, '0')} 10:00` : '';
    const revenue = i % 4 === 0 ? '' : `"$${((i * 37) % 500_000).toLocaleString('en-US')}.00"`;
    await put(
      `${900000 + i},First${i},Last${i},${email},+1 555 ${String(i % 10000).padStart(4, '0')},"Company ${i % 9973}, Inc.",` +
        `${STAGES[i % STAGES.length]},${STATUSES[i % STATUSES.length]},${SOURCES[i % SOURCES.length]},${repName(1 + (i % REPS))},` +
        `${created},${contacted},${revenue}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

let rssPeak = 0;
const sample = () => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);

/** Passes the file through, noting the peak RSS when the import has read 25%, 50% and 100% of the rows. */
function checkpointed(path: string, marks: number[], seen: Map<number, number>, retained: Map<number, number>) {
  let lines = -1;
  return createReadStream(path, { highWaterMark: 64 * 1024 }).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
          lines++;
          if (marks.includes(lines)) {
            sample();
            seen.set(lines, rssPeak);
            // With --expose-gc: what the import really holds at this point (the heap after a collection).
            if (global.gc) {
              global.gc();
              retained.set(lines, process.memoryUsage().heapUsed);
            }
          }
        }
        done(null, chunk);
      },
    }),
  );
}

async function timedImport(database: Database, path: string, marks: number[] = []) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  rssPeak = before;
  const seen = new Map<number, number>();
  const retained = new Map<number, number>();
  const t = performance.now();
  const summary: ImportSummary = await importLeads(database.db, checkpointed(path, marks, seen, retained), { teamId: TEAM, defaultOwner: 'U00001', now: NOW });
  const seconds = (performance.now() - t) / 1000;
  sample();
  return { summary, seconds, rssBeforeMb: mb(before), peakRssMb: mb(rssPeak), checkpoints: Object.fromEntries([...seen].map(([n, rss]) => [n, mb(rss)])),
    heapAfterGc: Object.fromEntries([...retained].map(([n, heap]) => [n, mb(heap)])),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'fc-bench-import-'));
const url = process.env.DATABASE_URL;
const scratch = url ? await createScratchDatabase(url) : null;
const database = await openDatabase(scratch ? { databaseUrl: scratch.url, max: 4 } : { dataDir: join(dir, 'data') });
try {
  await database.migrate();
  for (let i = 1; i <= REPS; i++) {
    const id = `U${String(i).padStart(5, '0')}`;
    await ensureRep(database.db, TEAM, id, { tz: 'America/New_York', displayName: repName(i), email: `rep${i}@coach.example` }, NOW);
  }
  const path = join(dir, 'hubspot-contacts.csv');
  let t = performance.now();
  const bytes = await writeHubspotCsv(path, ROWS);
  const writeSeconds = (performance.now() - t) / 1000;

  const first = await timedImport(database, path, CHECKPOINTS);
  const second = await timedImport(database, path);

  t = performance.now();
  let exported = 0;
  const sink = new Writable({
    write(chunk, _enc, done) {
      exported += chunk.length;
      done();
    },
  });
  const { rows: exportRows } = await exportLeads(database.db, TEAM, sink);
  const exportSeconds = (performance.now() - t) / 1000;

  const round = (n: number) => Math.round(n * 10) / 10;
  const counts = (s: ImportSummary) => ({ created: s.created, updated: s.updated, skipped: s.skipped, rejected: s.rejected.length });
  console.log(
    JSON.stringify(
      {
        database: database.kind,
        rows: ROWS,
        reps: REPS,
        fileMb: round(bytes / 1024 / 1024),
        writeFileSeconds: round(writeSeconds),
        import: { seconds: round(first.seconds), rowsPerSecond: Math.round(ROWS / first.seconds), ...counts(first.summary), rssBeforeMb: first.rssBeforeMb, peakRssMb: first.peakRssMb, peakRssMbAtRows: first.checkpoints, ...(global.gc ? { heapMbAfterGcAtRows: first.heapAfterGc } : {}) },
        reimport: { seconds: round(second.seconds), rowsPerSecond: Math.round(ROWS / second.seconds), ...counts(second.summary), peakRssMb: second.peakRssMb },
        export: { seconds: round(exportSeconds), rows: exportRows, mb: round(exported / 1024 / 1024) },
      },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  await database.close();
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
