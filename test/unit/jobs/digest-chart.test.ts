import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RepMetrics } from '../../../src/db/queries/rep-metrics.js';
import { renderPng } from '../../../src/jobs/render-chart.js';
import { digestChartSvg } from '../../../src/slack/ui/digest-chart.js';

const metrics = (d: RepMetrics['touchDistribution'], kept: number | null, due = 0): RepMetrics => ({
  ownerId: 'U', openLeads: 0, touches: 0, withNextStepPct: null, promiseKeptPct: kept, promisesDue: due, medianFirstTouchMinutes: null,
  speedToLeadMisses: 0, touchDistribution: d, won: 0, lost: 0,
});

describe('the digest chart', () => {
  it('draws one bar per rep with the promise-kept figure, escaping names, and renders to a PNG with the shipped font', () => {
    const svg = digestChartSvg([
      { label: 'Ana <script>', metrics: metrics({ '0': 2, '1': 3, '2': 1, '3-4': 2, '5+': 4 }, 75, 4) },
      { label: 'Bo', metrics: metrics({ '0': 0, '1': 0, '2': 0, '3-4': 0, '5+': 0 }, null) },
    ]);
    expect(svg).toContain('Ana &lt;script&gt;');
    expect(svg).toContain('kept 3 of 4 promises');
    expect(svg).toContain('no promises due');
    expect(svg).not.toMatch(/\d%/);
    expect(svg).toContain('no open leads');
    const png = renderPng(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(2000);
    if (process.env.SAVE_CHART) writeFileSync(process.env.SAVE_CHART, png);
  });
});
