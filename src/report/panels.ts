/**
 * Small multiples: one panel per indicator, scenarios overlaid in their colours (median and the
 * middle 50 % of replicates), elections marked. Used by the trust and participation charts.
 */
import {
  armColourEncoding,
  bandLayers,
  type ChartContext,
  eventLayers,
  eventRows,
  MAX_OVERLAID,
  type Row,
  type Spec,
  seriesRows,
  shell,
  type Titles,
  timeX,
} from './common.js';

export interface PanelOptions {
  readonly columns: number;
  readonly width: number;
  readonly height: number;
  /** Each panel its own y scale (default true). */
  readonly independentY?: boolean;
}

export function panelChart(ctx: ChartContext, indicators: readonly string[], titles: Titles, o: PanelOptions): Spec {
  const { d } = ctx;
  const x = timeX(ctx);
  const rows: Row[] = [];
  for (const ind of indicators) {
    const panel = d.indicator(ind);
    for (const a of ctx.arms) rows.push(...seriesRows(ctx, a, ind, { panel }));
    rows.push(...eventRows(ctx, { interventions: false, panel, width: o.width }));
  }
  const colour = armColourEncoding(ctx);
  const bands = ctx.arms.length <= MAX_OVERLAID;
  return {
    ...shell(ctx, { text: titles.text, subtitle: [...titles.subtitle, d.t.panelLegend(bands)] }),
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', sort: indicators.map((i) => d.indicator(i)), title: null },
    columns: o.columns,
    // Plot areas line up (flush bounds); the column spacing leaves room for the y labels.
    align: 'all',
    bounds: 'flush',
    spacing: { row: 64, column: 90 },
    spec: {
      width: o.width,
      height: o.height,
      layer: [
        ...bandLayers({ x, yTitle: null, y: { zero: false, nice: true }, colour, band90: false, band50: bands }),
        ...eventLayers(x, o.height),
      ],
    },
    resolve: { scale: { y: o.independentY === false ? 'shared' : 'independent' } },
  } as Spec;
}
