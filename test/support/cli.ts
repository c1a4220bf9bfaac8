import { execFile } from 'node:child_process';
import { BOT_TOKEN, cliPath } from './serve-process.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `followup-coach <args>` in a child process whose environment is PATH and `env` alone; never throws. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath(), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What `jobs run` prints: the job's summary. */
export interface JobRun {
  job: string;
  sent: number;
  skipped: number;
  failed: number;
  [more: string]: unknown;
}

export interface JobRunOptions {
  /** The moment the job acts as of (ISO-8601). */
  at: string;
  /** One team only (`--team`); every team when unset. */
  team?: string;
  /** The database's environment (a ProcessDbTarget's env). */
  env: Record<string, string>;
  /** The Slack stand-in the job talks to. */
  slack?: { url: string };
}

/**
 * `followup-coach jobs run <job> --at … [--team …]` against the stand-in; its summary. A refused run
 * rejects with an error carrying the exit code and stderr.
 */
export async function runJob(job: string, opts: JobRunOptions): Promise<JobRun> {
  const args = ['jobs', 'run', job, '--at', opts.at, ...(opts.team ? ['--team', opts.team] : [])];
  const env = { SLACK_BOT_TOKEN: BOT_TOKEN, LOG_LEVEL: 'warn', ...(opts.slack ? { SLACK_API_URL: opts.slack.url } : {}), ...opts.env };
  const run = await runCli(args, env);
  if (run.code !== 0) throw Object.assign(new Error(`jobs run ${job} exited with ${run.code}: ${run.stderr}`), run);
  return JSON.parse(run.stdout.trim()) as JobRun;
}

/** `followup-coach webhook-secret --team <team>`: the team's secret for signing POST /leads. */
export async function webhookSecretOf(team: string, env: Record<string, string>): Promise<string> {
  const run = await runCli(['webhook-secret', '--team', team], { LOG_LEVEL: 'warn', ...env });
  if (run.code !== 0) throw new Error(`webhook-secret exited with ${run.code}: ${run.stderr}`);
  return run.stdout.trim();
}
