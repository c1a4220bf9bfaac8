// The ack benchmark's load: signed `/followup` slash commands at a fixed rate, open loop, from a
// process of its own. Run by bench/ack.ts; one JSON line of figures per rate on stdout.
// Usage: tsx bench/ack-load.ts < plan.json (a LoadPlan)
import { Agent, request } from 'node:http';
import { slackSignature, slashCommandBody } from '../src/demo/signed-request.js';
import { held, stepFigures, type RequestSample, type StepFigures } from './ack-stats.js';

export interface LoadPlan {
  url: string;
  secret: string;
  teamId: string;
  /** Who sends what: request i is commands[i % commands.length]. */
  commands: { userId: string; text: string }[];
  rates: number[];
  seconds: number;
  /** Seconds at the first rate, not counted (connections opened, code warmed). */
  warmupSeconds: number;
  /** A reply counts only when its body contains this. */
  expect: string;
  p99BoundMs: number;
  /** Keep going past the first rate not held (to see the curve); default stop there. */
  all?: boolean;
}

// Slack gives up on a request after 3 seconds; so does this.
const SLACK_TIMEOUT_MS = 3000;
// Slack's requests arrive over many connections; the agent keeps them open as a proxy would.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

let seq = 0;

function sendOne(plan: LoadPlan, dueAt: number): Promise<RequestSample> {
  const cmd = plan.commands[seq % plan.commands.length]!;
  seq += 1;
  const body = slashCommandBody({ text: cmd.text, userId: cmd.userId, teamId: plan.teamId, triggerId: `bench.${process.pid}.${seq}` });
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ latencyMs: performance.now() - dueAt, ok });
    };
    const req = request(
      plan.url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(plan.secret, timestamp, body),
        },
        timeout: SLACK_TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => done(res.statusCode === 200 && text.includes(plan.expect) && performance.now() - dueAt <= SLACK_TIMEOUT_MS));
        res.on('error', () => done(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(false));
    req.end(body);
  });
}

/** Requests due every 1/rate seconds, sent when due whatever the earlier ones are doing. */
async function runStep(plan: LoadPlan, rate: number, seconds: number): Promise<{ samples: RequestSample[]; elapsedMs: number }> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now();
  const pending: Promise<RequestSample>[] = [];
  while (pending.length < total) {
    const now = performance.now();
    while (pending.length < total && start + pending.length * interval <= now) {
      pending.push(sendOne(plan, start + pending.length * interval));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const samples = await Promise.all(pending);
  return { samples, elapsedMs: performance.now() - start };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const plan = JSON.parse(input) as LoadPlan;
if (plan.warmupSeconds > 0) {
  const { samples, elapsedMs } = await runStep(plan, plan.rates[0]!, plan.warmupSeconds);
  process.stdout.write(`${JSON.stringify({ ...stepFigures(plan.rates[0]!, samples, elapsedMs), warmup: true })}\n`);
}
for (const rate of plan.rates) {
  // A pause between rates lets work the app does after acking (App Home redraws) drain.
  await new Promise((r) => setTimeout(r, 2000));
  const { samples, elapsedMs } = await runStep(plan, rate, plan.seconds);
  const figures: StepFigures = stepFigures(rate, samples, elapsedMs);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (!plan.all && !held(figures, plan.p99BoundMs)) break;
}
agent.destroy();
