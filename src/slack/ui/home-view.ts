import type { HomeView } from '@slack/types';
import type { Queue } from '../../coach/queue.js';
import { inZone } from '../../coach/local-day.js';
import type { RepMetrics } from '../../db/queries/rep-metrics.js';
import { STALL_REASONS, STALL_SHORT, type RepStalledSummary } from '../../coach/stalled.js';
import { repMark, stalledCount, type RepState } from './stalled-text.js';
import { queueBlocks } from './morning-message.js';
import { headlineCounts, headlineText } from './queue-item.js';

// A Home tab holds up to 100 blocks: 20 items at 2 blocks each, 20 warnings, and headers (at most 68 with the numbers).
const HOME_LIMITS = { items: 20, warnings: 20 };

const orDash = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

/** The rep's own numbers for the week, beside the figures behind R7. */
export function metricsText(m: RepMetrics): string {
  const d = m.touchDistribution;
  return [
    `*This week*: ${m.touches} ${m.touches === 1 ? 'touch' : 'touches'} · ${orDash(m.withNextStepPct, '%')} of open leads with a dated next step · promises kept ${orDash(m.promiseKeptPct, '%')}` +
      ` · first contact in ${orDash(m.medianFirstTouchMinutes, ' min')} (median), ${m.speedToLeadMisses} missed the hour · won ${m.won}, lost ${m.lost}`,
    `*Touches per open lead*: 0: ${d['0']} · 1: ${d['1']} · 2: ${d['2']} · 3–4: ${d['3-4']} · 5+: ${d['5+']}  — most sales come on the 5th–12th contact.`,
  ].join('\n');
}

/** A manager's view of the team: each rep's stalled leads by reason (each lead once), parked apart; reps on leave or deactivated marked. */
export function teamStalledCounts(
  team: readonly RepStalledSummary[],
  clock: { now: Date; zone: string },
  reps: ReadonlyMap<string, RepState> = new Map(),
): string {
  const listed = team.filter((s) => s.total > 0 || s.parked > 0);
  if (listed.length === 0) return '*Team*: nothing stalled, nothing parked. :white_check_mark:';
  const lines = listed.slice(0, 40).map((s) => {
    const parts = STALL_REASONS.filter((r) => s.byReason[r]).map((r) => `${STALL_SHORT[r]} ${s.byReason[r]!.count}`);
    const parked = s.parked ? ` · ${s.parked} parked${s.parkedFlagged ? ` (${s.parkedFlagged} snoozed too often)` : ''}` : '';
    return `<@${s.ownerId}>${repMark(reps.get(s.ownerId), clock.now, clock.zone)}: ${stalledCount(s)}${parts.length ? ` — ${parts.join(', ')}` : ''}${parked}`;
  });
  if (listed.length > 40) lines.push(`…and ${listed.length - 40} more reps — \`/followup stalled\``);
  return `*Team — stalled leads by rep*\n${lines.join('\n')}`;
}

/** App Home: the rep's queue now, with the same reasons and buttons as the morning DM, and their numbers. */
export function homeView(
  queue: Queue,
  clock: { now: Date; zone: string },
  metrics: RepMetrics | null = null,
  team: { summaries: readonly RepStalledSummary[]; reps: ReadonlyMap<string, RepState> } | null = null,
): HomeView {
  const day = inZone(clock.now, clock.zone).toFormat('cccc d LLLL, HH:mm');
  const empty = queue.items.length === 0 && queue.noNextStep.length === 0;
  const counts = headlineCounts(queue.items, HOME_LIMITS.items);
  const rest = queue.items.length > counts.shown ? ` ${queue.items.length - counts.shown} more due after these; they move up as you finish these.` : '';
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: counts.shown ? headlineText(counts, 'now') : 'Your follow-up queue' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `As of ${day} (${clock.zone}).${rest} \`/followup help\` for commands.` }] },
      ...(empty
        ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Nothing is due and every open lead has a dated next step. :tada:' } }]
        : queueBlocks(queue, HOME_LIMITS)),
      ...(metrics ? [{ type: 'divider' as const }, { type: 'section' as const, text: { type: 'mrkdwn' as const, text: metricsText(metrics) } }] : []),
      ...(team ? [{ type: 'divider' as const }, { type: 'section' as const, text: { type: 'mrkdwn' as const, text: teamStalledCounts(team.summaries, clock, team.reps).slice(0, 2900) } }] : []),
    ],
  };
}
