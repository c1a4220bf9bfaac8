// `followup-coach installs list`: the workspaces that installed the app, one JSON line each; never a token.
import { loadConfig } from '../config.js';
import { listInstallations } from '../db/queries/installations.js';
import { parseCommand } from './args.js';
import { UsageError } from './usage-error.js';
import { withDatabase } from './with-database.js';

const INSTALLS_USAGE = 'Usage: followup-coach installs list';

export async function installsCommand(args: string[]): Promise<number> {
  const { positionals } = parseCommand({ args, options: {}, allowPositionals: true, strict: true }, INSTALLS_USAGE);
  if (positionals.length !== 1 || positionals[0] !== 'list') throw new UsageError(INSTALLS_USAGE);
  const config = loadConfig(process.env);
  await withDatabase(config, async (database) => {
    const installs = await listInstallations(database.db);
    if (installs.length === 0) console.error('No workspace has installed the app through "Add to Slack" here.');
    for (const i of installs) {
      console.log(
        JSON.stringify({
          team: i.teamId,
          enterprise: i.enterpriseId,
          installer: i.installerUserId,
          installedAt: i.installedAt.toISOString(),
          scopes: i.scopes,
          app: i.appId,
          botUser: i.botUserId,
        }),
      );
    }
  });
  return 0;
}
