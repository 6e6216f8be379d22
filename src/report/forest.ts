/**
 * Forest plot of the comparison: one row per indicator (each with its own scale), one line per
 * scenario with its difference from the baseline and the 95 % confidence interval; filled dots
 * where p < 0.05, a grey rule at zero.
 */
import type { ComparisonRow } from '../analysis/compare.js';
import { armLegendLayout, type ChartContext, colourScale, type Json, round, type Spec, shell } from './common.js';
import { clipDifferenceInterval, indicatorUnit } from './units.js';

export function forestChart(ctx: ChartContext, rows: readonly ComparisonRow[]): Spec {
  const { d } = ctx;
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  // Shares are drawn in percentage points, with "(pp)" after the panel's name.
  const share = (ind: string) => indicatorUnit(ind) === 'share';
  const panel = (ind: string) => `${d.indicator(ind)}${share(ind) ? ' (pp)' : ''}`;
  const arms = ctx.arms.filter((a) => a !== ctx.baseline).map((a) => a.name);
  const values: Json[] = rows
    .filter((r) => Number.isFinite(r.diff))
    .map((r) => {
      const ci = clipDifferenceInterval(r.indicator, r.meanA, r.ciLow, r.ciHigh);
      const k = share(r.indicator) ? 100 : 1;
      return {
        panel: panel(r.indicator),
        arm: r.scenario,
        diff: round(k * r.diff),
        lo: round(k * (Number.isFinite(ci.low) ? ci.low : r.diff)),
        hi: round(k * (Number.isFinite(ci.high) ? ci.high : r.diff)),
        sig: r.p < 0.05 ? d.t.significant : d.t.notSignificant,
        zero: 0,
      };
    });
  const y: Json = { field: 'arm', type: 'nominal', title: null, sort: arms, scale: { domain: arms }, axis: null };
  const colour: Json = {
    field: 'arm',
    type: 'nominal',
    scale: colourScale(ctx),
    legend: { title: d.t.scenario, orient: 'bottom', symbolType: 'circle', symbolOpacity: 1, values: arms, ...armLegendLayout(ctx) },
  };
  const xTitle = {
    title: null,
    scale: { zero: true, nice: true },
    axis: { tickCount: 5, format: '~r', labelFontSize: 15, labelOverlap: 'greedy', labelSeparation: 10 },
  };
  return {
    ...shell(ctx, { text: d.t.forestTitle(ctx.baseline.name), subtitle: d.t.forestSubtitle }),
    data: { values },
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: indicators.map(panel),
      title: null,
      header: {
        labelAngle: 0,
        labelAlign: 'left',
        labelAnchor: 'start',
        labelOrient: 'top',
        labelFontSize: 17,
        labelLimit: 440,
        labelPadding: 6,
      },
    },
    columns: 2,
    spacing: { row: 18, column: 40 },
    spec: {
      width: 430,
      height: { step: 26 },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeWidth: 2 }, encoding: { x: { field: 'zero', type: 'quantitative', ...xTitle } } },
        {
          mark: { type: 'rule', strokeWidth: 4 },
          encoding: { x: { field: 'lo', type: 'quantitative', ...xTitle }, x2: { field: 'hi' }, y, color: colour },
        },
        ...[true, false].map((sig) => ({
          transform: [{ filter: { field: 'sig', equal: sig ? d.t.significant : d.t.notSignificant } }],
          mark: { type: 'point', shape: 'circle', size: 260, strokeWidth: 3, opacity: 1, filled: sig, ...(sig ? {} : { fill: 'white' }) },
          encoding: { x: { field: 'diff', type: 'quantitative', ...xTitle }, y, color: colour },
        })),
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as Spec;
}
