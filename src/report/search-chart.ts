/**
 * Charts of a search's Pareto set: parallel coordinates (one line per candidate across the
 * objectives, each axis scaled so that up is better) and the trade-off scatter of the first two
 * objectives, points labelled by candidate number. Vega-Lite, rendered with the report's one
 * renderer (sensitivity-chart.ts `renderChart`); Okabe–Ito colours, DejaVu Sans.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CandidateRow } from '../search/results.js';
import { objectiveLabel } from '../search/results.js';
import type { SearchSpec } from '../search/spec.js';
import { OKABE_ITO } from './palette.js';
import { FONT } from './theme.js';

function base(title: string, subtitle: string): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle, anchor: 'start', fontSize: 22, subtitleFontSize: 15, subtitlePadding: 6, offset: 14 },
    width: 640,
    height: 360,
    config: {
      font: FONT,
      background: 'white',
      axis: { labelFontSize: 15, titleFontSize: 16, titlePadding: 10, gridColor: '#e3e3e3' },
      legend: { labelFontSize: 15, titleFontSize: 15 },
      view: { stroke: null },
    },
  };
}

/** Parallel coordinates: each objective scaled to [0, 1] over the candidates, 1 the best. */
export function parallelSpec(spec: SearchSpec, rows: readonly CandidateRow[], subtitle: string): TopLevelSpec {
  const axes = spec.objectives.map(objectiveLabel);
  const values = rows.flatMap((r) =>
    spec.objectives.map((o, k) => {
      const all = rows.map((x) => x.objectives[k]!);
      const lo = Math.min(...all);
      const hi = Math.max(...all);
      const t = hi > lo ? (r.objectives[k]! - lo) / (hi - lo) : 0.5;
      return { candidate: String(r.id), axis: axes[k]!, scaled: o.direction === 'max' ? t : 1 - t, value: r.objectives[k]! };
    }),
  );
  const ids = rows.map((r) => String(r.id));
  return {
    ...base('Pareto candidates across the objectives', subtitle),
    data: { values },
    encoding: {
      x: { field: 'axis', type: 'nominal', sort: axes, title: null, axis: { labelAngle: 0, labelLimit: 400 } },
      y: { field: 'scaled', type: 'quantitative', title: 'scaled: worst among candidates = 0, best = 1', scale: { domain: [0, 1] } },
      color: {
        field: 'candidate',
        type: 'nominal',
        sort: ids,
        title: 'candidate',
        scale: { range: ids.map((_, i) => OKABE_ITO[(i % (OKABE_ITO.length - 1)) + 1]!) },
      },
      detail: { field: 'candidate', type: 'nominal' },
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2.5, opacity: 0.8 } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { tooltip: [{ field: 'candidate' }, { field: 'axis' }, { field: 'value', format: '.3f' }] },
      },
    ],
  } as TopLevelSpec;
}

/** Trade-off scatter: first objective against the second (effort if it is one), labelled by candidate. */
export function tradeoffSpec(spec: SearchSpec, rows: readonly CandidateRow[], subtitle: string): TopLevelSpec {
  const yk = 0;
  const effortK = spec.objectives.findIndex((o) => o.name === 'effort');
  const xk = effortK > 0 ? effortK : spec.objectives.length > 1 ? 1 : 0;
  const values = rows.map((r) => ({ candidate: String(r.id), x: r.objectives[xk]!, y: r.objectives[yk]!, turn: r.turnShare }));
  return {
    ...base('Trade-off between the objectives', subtitle),
    data: { values },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: objectiveLabel(spec.objectives[xk]!), scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: objectiveLabel(spec.objectives[yk]!), scale: { zero: false } },
    },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 140, color: OKABE_ITO[2] },
        encoding: {
          tooltip: [{ field: 'candidate' }, { field: 'x', format: '.3f' }, { field: 'y', format: '.3f' }, { field: 'turn', format: '.0%' }],
        },
      },
      { mark: { type: 'text', dx: 12, dy: -10, fontSize: 14 }, encoding: { text: { field: 'candidate' } } },
    ],
  } as TopLevelSpec;
}
