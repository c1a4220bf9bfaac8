// `followup-coach keys rotate|generate`: the keys that seal stored secrets (docs/operations.md#encryption-keys).
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config.js';
import { rotateStoredSecrets } from '../db/ops/rotate-stored-secrets.js';
import { parseKeyring } from '../secrets/keyring.js';
import { parseCommand } from './args.js';
import { UsageError } from './usage-error.js';
import { withDatabase } from './with-database.js';

const KEYS_USAGE = 'Usage: followup-coach keys rotate | keys generate [--kid <id>]';

export async function keysCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand({ args, options: { kid: { type: 'string' } }, allowPositionals: true, strict: true }, KEYS_USAGE);
  const [verb, ...extra] = positionals;
  if (extra.length) throw new UsageError(KEYS_USAGE);
  if (verb === 'generate') return generate(values.kid);
  if (verb === 'rotate' && values.kid === undefined) return rotate();
  throw new UsageError(KEYS_USAGE);
}

/** A fresh entry for FOLLOWUP_ENCRYPTION_KEYS: 32 random bytes, named by today's date unless told. */
function generate(kid = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): number {
  const entry = `${kid}:${randomBytes(32).toString('base64')}`;
  try {
    parseKeyring(entry);
  } catch (err) {
    throw new UsageError(`--kid: ${(err as Error).message}`);
  }
  console.log(entry);
  return 0;
}

async function rotate(): Promise<number> {
  const config = loadConfig(process.env);
  const keyring = config.FOLLOWUP_ENCRYPTION_KEYS;
  if (!keyring) {
    throw new UsageError('keys rotate needs FOLLOWUP_ENCRYPTION_KEYS: the new key first, then the old ones (see docs/operations.md, Encryption keys).');
  }
  await withDatabase(config, async (database) => {
    const count = await rotateStoredSecrets(database.db, keyring);
    console.log(JSON.stringify({ activeKey: keyring.activeKid, ...count }));
  });
  return 0;
}
