// `followup-coach import <file.csv>`: a CRM export into the team's leads; prints a summary.
import { createReadStream, statSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../config.js';
import { ImportRefused, importLeads } from '../intake/import-leads.js';
import { renderImportSummary } from '../intake/import-summary.js';
import { createLogger } from '../logger.js';
import { parseCommand } from './args.js';
import { intakeOwners } from './intake-owner.js';
import { createProgress } from './progress.js';
import { UsageError } from './usage-error.js';
import { withDatabase } from './with-database.js';

const IMPORT_USAGE = 'Usage: followup-coach import <file.csv> --team <T> --owner <U> [--dry-run]';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    { args, options: { team: { type: 'string' }, owner: { type: 'string' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true },
    IMPORT_USAGE,
  );
  const [file, ...extra] = positionals;
  const { team, owner } = values;
  if (!file || extra.length || !team || !owner) throw new UsageError(IMPORT_USAGE);
  let size = -1;
  try {
    const stat = statSync(file);
    if (stat.isFile()) size = stat.size;
  } catch {
    // reported below
  }
  if (size < 0) throw new UsageError(`Cannot read "${file}": no such file.`);
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  await withDatabase(config, async (database) => {
    const { resolver, now, ownerOf } = await intakeOwners(config, logger, database, team);
    const defaultOwner = await ownerOf('--owner', owner);
    const input = createReadStream(file);
    // Time left is estimated from the bytes read so far (the parser reads a little ahead).
    const progress = createProgress({ label: 'import', unit: 'rows' });
    const summary = await importLeads(database.db, input, {
      teamId: team,
      defaultOwner,
      dryRun: values['dry-run'] ?? false,
      now: now(),
      resolveOwner: resolver,
      onProgress: (rows) => progress.update(rows, size > 0 ? input.bytesRead / size : undefined),
    })
      .catch((err: unknown) => {
        throw err instanceof ImportRefused ? new UsageError(`Refused ${file}: ${err.message}.`) : err;
      })
      .finally(() => progress.finish());
    console.log(renderImportSummary(summary));
  });
  return 0;
}
