import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

export const SIGNING_SECRET = 'e2e0signing0secret0abcdef012345';
export const BOT_TOKEN = 'xoxb-e2e-test-token';

/** The built CLI, as `followup-coach` runs it (npm test builds first). */
export const cliPath = (): string => {
  const path = join(packageRoot(), 'dist', 'src', 'main.js');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  return path;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const HEALTHY_WITHIN_MS = 60_000;

export interface ServeProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** The JSON log lines written so far (the output arrives through a pipe, so it may lag a response). */
  logs(): Record<string, unknown>[];
  /** SIGTERM, then wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `followup-coach serve` as a child process and waits until /healthz answers. */
export async function startServe(env: Record<string, string>, opts: { nodeArgs?: string[] } = {}): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), cliPath(), 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      // No balancer to drain in tests; the shutdown tests set their own.
      FOLLOWUP_SHUTDOWN_DRAIN_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  // A start takes seconds; on a busy 2-core machine the embedded database alone can take half a minute.
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`serve did not become healthy in ${HEALTHY_WITHIN_MS / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    child,
    output: () => out,
    logs: () =>
      out
        .split('\n')
        // The last piece is a line still being written (or nothing).
        .slice(0, -1)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
