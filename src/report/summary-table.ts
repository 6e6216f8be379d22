/**
 * The summary table: per scenario, the final value of each key indicator (mean and 95 % CI of
 * the mean across replicates), the share of replicates that turned (Wilson 95 % CI) and the
 * time to turn among them. Drawn as a chart (for slides) and returned as cells for HTML and CSV.
 */
import { type ArmSummary, KEY_INDICATORS, summariseArm } from '../analysis/compare.js';
import { armColour, type ChartContext, type Json, replicatesText, type Spec, shell } from './common.js';
import { textWidth } from './text-width.js';
import { clipMeanInterval, indicatorUnit, unitSuffix } from './units.js';

export interface SummaryTable {
  readonly arms: readonly string[];
  /** Row keys: key indicators, then "shareTurned" and "timeToTurn". */
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  /** cells[row][arm], formatted. */
  readonly cells: readonly (readonly string[])[];
  readonly summaries: readonly ArmSummary[];
}

export function summaryTable(ctx: ChartContext): SummaryTable {
  const { d } = ctx;
  const summaries = ctx.arms.map((a) => summariseArm(ctx.batch.records, a.name, KEY_INDICATORS));
  const keys = [...KEY_INDICATORS, 'shareTurned', 'timeToTurn'];
  const cells = keys.map((k) =>
    summaries.map((s) => {
      if (k === 'shareTurned') {
        const t = s.turn;
        return t.n === 0 ? '–' : `${d.pct(t.share)} [${d.pct(t.shareLow).replace(' %', '')}–${d.pct(t.shareHigh)}]`;
      }
      if (k === 'timeToTurn') {
        const w = s.turn.week;
        const ci = clipMeanInterval('timeToTurn', w.ciLow, w.ciHigh);
        return w.n === 0 ? '–' : `${d.ci(w.mean, ci.low, ci.high, 0)} (n=${w.n})`;
      }
      const v = s.finals[k]!;
      const ci = clipMeanInterval(k, v.ciLow, v.ciHigh);
      if (v.n === 0) return '–';
      if (indicatorUnit(k) !== 'share') return d.ci(v.mean, ci.low, ci.high);
      // A share as a percentage: "2.04 % [1.58, 2.51]".
      const parts = d.ciParts(100 * v.mean, 100 * ci.low, 100 * ci.high);
      return `${parts.mean} %${parts.interval ? ` ${parts.interval}` : ''}`;
    }),
  );
  return {
    arms: ctx.arms.map((a) => a.name),
    keys,
    labels: keys.map((k) => d.indicator(k) + unitSuffix(d.lang, k, d.indicator(k))),
    cells,
    summaries,
  };
}

export function summaryTableChart(ctx: ChartContext, table: SummaryTable = summaryTable(ctx)): Spec {
  const { d } = ctx;
  const rows: Json[] = [];
  table.cells.forEach((r, i) => {
    r.forEach((cell, j) => {
      rows.push({ row: table.labels[i], arm: table.arms[j], text: cell, stripe: i % 2 === 0 ? 1 : 0 });
    });
  });
  // Columns as wide as their longest cell or header (DejaVu Sans metrics), at least 200 px.
  const colW = Math.ceil(
    Math.max(200, ...table.cells.flat().map((c) => textWidth(c, 16) + 28), ...table.arms.map((a) => textWidth(a, 17, true) + 20)),
  );
  const x: Json = {
    field: 'arm',
    type: 'nominal',
    title: null,
    sort: table.arms,
    scale: { domain: table.arms, paddingInner: 0, paddingOuter: 0 },
    axis: {
      orient: 'top',
      labelAngle: 0,
      labelFontSize: 17,
      labelFontWeight: 'bold',
      labelLimit: colW - 10,
      ticks: false,
      domain: false,
      labelColor: { expr: `{${table.arms.map((a) => `${JSON.stringify(a)}: '${armColour(ctx, a)}'`).join(', ')}}[datum.value]` },
    },
  };
  const y: Json = {
    field: 'row',
    type: 'nominal',
    title: null,
    sort: table.labels,
    scale: { domain: table.labels, paddingInner: 0, paddingOuter: 0 },
    axis: { labelFontSize: 16, ticks: false, domain: false, labelLimit: 420, labelPadding: 12 },
  };
  return {
    ...shell(ctx, { text: d.t.summaryTitle, subtitle: d.t.summarySubtitle(replicatesText(ctx)) }),
    data: { values: rows },
    width: { step: colW },
    height: { step: 38 },
    config: { ...shell(ctx, { text: '', subtitle: [] }).config, view: { stroke: null } },
    layer: [
      {
        mark: { type: 'rect', color: '#eef2f7' },
        encoding: { x, y, opacity: { field: 'stripe', type: 'quantitative', scale: { domain: [0, 1], range: [0, 1] }, legend: null } },
      },
      { mark: { type: 'text', fontSize: 16, color: '#111111' }, encoding: { x, y, text: { field: 'text' } } },
    ],
  } as Spec;
}
