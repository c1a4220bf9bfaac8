import type { RepMetrics } from '../../db/queries/rep-metrics.js';

// Per-rep bars of the touches-per-lead distribution (R7) with promise-kept % (R5) beside each.
const BUCKETS = ['0', '1', '2', '3-4', '5+'] as const;
const COLORS: Record<(typeof BUCKETS)[number], string> = { '0': '#c0392b', '1': '#e67e22', '2': '#f1c40f', '3-4': '#7fb3d5', '5+': '#27ae60' };
export const CHART_MAX_REPS = 30;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An SVG (pure function of the data): one stacked bar per rep, widths as shares of their open leads. */
export function digestChartSvg(reps: readonly { label: string; metrics: RepMetrics }[]): string {
  const shown = reps.slice(0, CHART_MAX_REPS);
  const rowH = 28;
  const left = 170;
  const barW = 420;
  const top = 56;
  const height = top + shown.length * rowH + 40;
  const width = left + barW + 190;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="16" font-weight="bold">Touches per open lead, by rep — and promises kept</text>`,
  ];
  BUCKETS.forEach((b, i) => {
    const x = left + i * 104;
    parts.push(`<rect x="${x}" y="34" width="12" height="12" fill="${COLORS[b]}"/>`, `<text x="${x + 16}" y="45">${b} touches</text>`);
  });
  shown.forEach(({ label, metrics }, row) => {
    const y = top + row * rowH;
    const total = BUCKETS.reduce((n, b) => n + metrics.touchDistribution[b], 0);
    parts.push(`<text x="12" y="${y + 17}">${xml(label.length > 22 ? `${label.slice(0, 21)}…` : label)}</text>`);
    let x = left;
    for (const b of BUCKETS) {
      const w = total === 0 ? 0 : (barW * metrics.touchDistribution[b]) / total;
      if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="${COLORS[b]}"/>`);
      x += w;
    }
    if (total === 0) parts.push(`<text x="${left}" y="${y + 17}" fill="#888">no open leads</text>`);
    // A count with its denominator (docs/rules.md#r15), not a bare share.
    const due = metrics.promisesDue;
    const kept = due === 0 ? 'no promises due' : `kept ${Math.round(((metrics.promiseKeptPct ?? 0) * due) / 100)} of ${due} promises`;
    parts.push(`<text x="${left + barW + 12}" y="${y + 17}">${kept}</text>`);
  });
  if (reps.length > shown.length) parts.push(`<text x="12" y="${height - 14}" fill="#555">…and ${reps.length - shown.length} more reps in the digest text</text>`);
  parts.push('</svg>');
  return parts.join('');
}
