import type { KnownBlock } from '@slack/types';
import type { RepStalledSummary } from '../../coach/stalled.js';
import type { RepMetrics } from '../../db/queries/rep-metrics.js';
import { byCategory } from './stalled-text.js';

// Block Kit's 50 blocks a message: a large team goes on in the thread, never cut off.
const BLOCKS_PER_MESSAGE = 48;
const SECTION_LIMIT = 2900;

const clip = (s: string) => (s.length > SECTION_LIMIT ? `${s.slice(0, SECTION_LIMIT - 1)}…` : s);
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text) } });
const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

export interface DigestInput {
  weekLabel: string;
  reps: { summary: RepStalledSummary; metrics: RepMetrics | undefined }[];
}

function teamText(metrics: RepMetrics[]): string {
  const sum = (f: (m: RepMetrics) => number) => metrics.reduce((n, m) => n + f(m), 0);
  const open = sum((m) => m.openLeads);
  const withStep = sum((m) => Math.round(((m.withNextStepPct ?? 0) * m.openLeads) / 100));
  const promisesDue = sum((m) => m.promisesDue);
  const kept = sum((m) => Math.round(((m.promiseKeptPct ?? 0) * m.promisesDue) / 100));
  const d = { t0: sum((m) => m.touchDistribution['0']), t1: sum((m) => m.touchDistribution['1']), t2: sum((m) => m.touchDistribution['2']),
    t34: sum((m) => m.touchDistribution['3-4']), t5: sum((m) => m.touchDistribution['5+']) };
  return [
    `*Team*: ${open} open leads · ${sum((m) => m.touches)} touches · ${pct(withStep, open)} with a dated next step · promises kept ${pct(kept, promisesDue)}` +
      ` · ${sum((m) => m.speedToLeadMisses)} new leads missed the first hour · won ${sum((m) => m.won)}, lost ${sum((m) => m.lost)}`,
    `*Touches per open lead*: 0: ${d.t0} · 1: ${d.t1} · 2: ${d.t2} · 3–4: ${d.t34} · 5+: ${d.t5}`,
    `Stopped at 0–1: ${pct(d.t0 + d.t1, open)} (48% of reps never follow up) · at 2: ${pct(d.t2, open)} (25% stop after the second) · 3 or more: ${pct(d.t34 + d.t5, open)} (only 12% make more than three).`,
  ].join('\n');
}

function repText({ summary, metrics: m }: DigestInput['reps'][number]): string {
  const numbers = m
    ? `${m.touches} touches · ${m.withNextStepPct ?? '—'}${m.withNextStepPct === null ? '' : '%'} with a next step · promises kept ${m.promiseKeptPct === null ? '—' : `${m.promiseKeptPct}%`}`
    : 'no activity';
  const stalled = summary.total ? byCategory(summary).join('\n') : 'Nothing stalled. :white_check_mark:';
  return `<@${summary.ownerId}> — ${numbers} · ${summary.total} stalled\n${stalled}`;
}

/** The weekly digest as one or more messages (the first in the channel, the rest in its thread). */
export function digestMessages(input: DigestInput): { text: string; blocks: KnownBlock[] }[] {
  const metrics = input.reps.map((r) => r.metrics).filter((m): m is RepMetrics => m !== undefined);
  const stalledTotal = input.reps.reduce((n, r) => n + r.summary.total, 0);
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Follow-up digest — ${input.weekLabel}` } },
    section(teamText(metrics)),
    { type: 'divider' },
  ];
  const repBlocks = input.reps.map((r) => section(repText(r)));
  const blocks = [...head, ...repBlocks];
  const messages: { text: string; blocks: KnownBlock[] }[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE) {
    const part = blocks.slice(i, i + BLOCKS_PER_MESSAGE);
    const n = messages.length + 1;
    messages.push({ text: n === 1 ? `Follow-up digest — ${input.weekLabel}: ${stalledTotal} stalled leads across ${input.reps.length} reps.` : `Follow-up digest, part ${n}`, blocks: part });
  }
  return messages;
}
