// `followup-coach export`: the team's leads as CSV on standard output (import reads it back).
import pino from 'pino';
import { loadConfig } from '../config.js';
import { teamById } from '../db/queries/team-by-id.js';
import { exportLeads } from '../intake/export-leads.js';
import { createLogger } from '../logger.js';
import { parseCommand } from './args.js';
import { intakeOwners } from './intake-owner.js';
import { createProgress } from './progress.js';
import { UsageError } from './usage-error.js';
import { withDatabase } from './with-database.js';

const EXPORT_USAGE = 'Usage: followup-coach export --team <T> [--owner <U>]';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    { args, options: { team: { type: 'string' }, owner: { type: 'string' } }, allowPositionals: true, strict: true },
    EXPORT_USAGE,
  );
  const { team } = values;
  if (positionals.length || !team) throw new UsageError(EXPORT_USAGE);
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  await withDatabase(config, async (database) => {
    const { ownerOf } = await intakeOwners(config, logger, database, team);
    if (!(await teamById(database.db, team))) throw new UsageError(`Unknown team "${team}": nothing of it is stored here.`);
    const owner = values.owner ? await ownerOf('--owner', values.owner) : undefined;
    // No total is known in advance: the line shows rows and rate.
    const progress = createProgress({ label: 'export', unit: 'rows' });
    await exportLeads(database.db, team, process.stdout, { owner, onProgress: (rows) => progress.update(rows) })
      .catch((err: NodeJS.ErrnoException) => {
        // `export … | head` closes the pipe early: not a failure.
        if (err.code !== 'EPIPE') throw err;
      })
      .finally(() => progress.finish());
  });
  return 0;
}
