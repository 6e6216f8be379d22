/**
 * The heat map of a two-parameter grid sweep: the first swept parameter across, the second up, one
 * panel per sweep outcome, each cell coloured by the outcome's mean at the end of the run and
 * labelled with it in the language and its unit (so no legend has to be read). Each panel has its
 * own colour scale; the intervals are in the sweep table and the line chart (sweep.ts).
 */
import type { Arm } from './batch-data.js';
import { type ChartContext, type Json, replicatesText, round, type Spec, shell } from './common.js';
import { inPercent, outcomeName, outcomes, SWEEP_OUTCOMES, type SweptScenario } from './sweep.js';
import { sweepValue } from './sweep-labels.js';
import { unitFormat, unitSuffix } from './units.js';

/** A heat map needs every combination of exactly two parameters (a grid); a Latin hypercube has no cells. */
export function hasHeatMap(s: SweptScenario): boolean {
  return s.grid && s.keys.length === 2;
}

/** One cell of the map as the spec holds it. */
export interface HeatCell {
  readonly panel: string;
  /** The swept values as written in the language (the axes' labels). */
  readonly x: string;
  readonly y: string;
  /** The mean, in % for shares. */
  readonly mean: number | null;
  /** The mean as written in the cell ("31 %", "0,452"). */
  readonly label: string;
  /** The mean's place between the panel's lowest (0) and highest (1) value: picks a readable text colour. */
  readonly level: number;
}

/** A panel's name with its unit: "Transformation index (0–1)", "NPG in practice (%)". */
function panelName(ctx: ChartContext, k: string): string {
  const name = outcomeName(ctx, k);
  return inPercent(k) ? name : `${name}${unitSuffix(ctx.lang, k, name)}`;
}

/** The cells of every panel, in point order. */
export function heatCells(ctx: ChartContext, s: SweptScenario): HeatCell[] {
  const { d } = ctx;
  const [xKey, yKey] = s.keys as [string, string];
  const per = s.arms.map((a: Arm) => ({ arm: a, o: outcomes(ctx, a) }));
  const cells: HeatCell[] = [];
  for (const k of SWEEP_OUTCOMES) {
    const m = inPercent(k) ? 100 : 1;
    const means = per.map(({ o }) => (o[k]!.n > 0 ? o[k]!.mean : Number.NaN));
    const finite = means.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const labels = k === 'shareTurned' ? means.map((v) => d.pct(v)) : unitFormat(d.lang, k).values(means);
    per.forEach(({ arm }, i) => {
      const v = means[i]!;
      cells.push({
        panel: panelName(ctx, k),
        x: sweepValue(d.lang, arm.pointValues[xKey]!),
        y: sweepValue(d.lang, arm.pointValues[yKey]!),
        mean: round(m * v),
        label: Number.isFinite(v) ? labels[i]! : '–',
        level: Number.isFinite(v) && hi > lo ? (v - lo) / (hi - lo) : 0.5,
      });
    });
  }
  return cells;
}

/** The heat map of a two-parameter grid (hasHeatMap). */
export function sweepHeatMap(ctx: ChartContext, s: SweptScenario): Spec {
  const { d } = ctx;
  const [xKey, yKey] = s.keys as [string, string];
  const axisValues = (key: string, order: 1 | -1) =>
    [...new Set(s.arms.map((a) => a.pointValues[key]!))].sort((a, b) => order * (a - b)).map((v) => sweepValue(d.lang, v));
  const x: Json = { field: 'x', type: 'ordinal', sort: axisValues(xKey, 1), title: s.names[xKey], axis: { labelAngle: 0 } };
  // Higher values of the second parameter at the top, as on a map.
  const y: Json = { field: 'y', type: 'ordinal', sort: axisValues(yKey, -1), title: s.names[yKey] };
  const cellsAcross = axisValues(xKey, 1).length;
  const cellsUp = axisValues(yKey, 1).length;
  return {
    ...shell(ctx, { text: d.t.sweepMapTitle(s.scenario), subtitle: d.t.sweepMapSubtitle(replicatesText(ctx)) }),
    data: { values: heatCells(ctx, s) as unknown as Json[] },
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: SWEEP_OUTCOMES.map((k) => panelName(ctx, k)),
      title: null,
      header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontSize: 17, labelLimit: 420 },
    },
    columns: 3,
    spacing: { row: 24, column: 32 },
    spec: {
      width: Math.max(240, Math.min(360, 90 * cellsAcross)),
      height: Math.max(120, Math.min(300, 60 * cellsUp)),
      layer: [
        {
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
          encoding: { x, y, color: { field: 'mean', type: 'quantitative', scale: { scheme: 'viridis', zero: false }, legend: null } },
        },
        {
          mark: { type: 'text', fontSize: 15 },
          encoding: {
            x,
            y,
            text: { field: 'label', type: 'nominal' },
            // viridis runs from dark purple (low) to light yellow (high): white text on the dark half.
            color: { condition: { test: 'datum.level < 0.5', value: '#ffffff' }, value: '#111111' },
          },
        },
      ],
    },
    resolve: { scale: { color: 'independent' } },
  } as Spec;
}
