import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/paths.js';
import { freePort } from './serve-process.js';

const run = promisify(execFile);

/** Debian's Postgres binaries, when installed (CI installs them). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

export interface OwnPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A Postgres server of the test's own (a private cluster on a free port), which it may stop and start. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin()!;
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'fc-own-pg-'));
  const env = { ...process.env, PGPORT: String(port), PGROOT: root };
  const script = join(packageRoot(), '.ci', 'start-postgres.sh');
  const url = (await run('bash', [script], { env })).stdout.trim();
  // pg_ctl refuses root: as the start script does, run it as postgres.
  const pgCtl = (...args: string[]) =>
    process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]) : run(join(bin, 'pg_ctl'), args);
  return {
    url,
    async stop() {
      await pgCtl('-D', join(root, 'data'), '-m', 'fast', '-w', 'stop');
    },
    async start() {
      await run('bash', [script], { env });
    },
    async destroy() {
      await pgCtl('-D', join(root, 'data'), '-m', 'immediate', '-w', 'stop').catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
