// What one step of the ack benchmark measured, reduced to the figures bench/README.md records.

export interface RequestSample {
  /** ms from when the request was due to be sent (open loop) to its complete response. */
  latencyMs: number;
  /** true when the app answered 200 with the reply a rep expects within Slack's 3 seconds. */
  ok: boolean;
}

export interface StepFigures {
  rate: number;
  /** The warm-up at the first rate: its replies count, its latencies do not. */
  warmup?: boolean;
  sent: number;
  ok: number;
  failed: number;
  /** Requests completed per second over the step. */
  achievedRate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list (q in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function stepFigures(rate: number, samples: readonly RequestSample[], elapsedMs: number): StepFigures {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.ok).length;
  return {
    rate,
    sent: samples.length,
    ok,
    failed: samples.length - ok,
    achievedRate: round1((samples.length / elapsedMs) * 1000),
    p50: round1(percentile(latencies, 0.5)),
    p90: round1(percentile(latencies, 0.9)),
    p99: round1(percentile(latencies, 0.99)),
    max: round1(latencies.at(-1) ?? Number.NaN),
  };
}

/**
 * A rate is held when p99 stays under the bound, nearly every request got its reply, and the app
 * kept up with the offered rate (an app that falls behind shows it in latency first, since latency
 * is counted from when each request was due).
 */
export function held(f: StepFigures, p99BoundMs: number): boolean {
  return f.p99 < p99BoundMs && f.failed <= f.sent * 0.001 && f.achievedRate >= f.rate * 0.9;
}
