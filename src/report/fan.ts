/**
 * Fan chart of one indicator over the run: median with the middle 50 % (q25–q75) and 90 %
 * (q05–q95) of replicates, scenarios overlaid (one panel per scenario when there are more than
 * four, with the baseline's median as a thin reference line), elections and intervention starts
 * marked with labelled rules.
 */
import {
  armColourEncoding,
  bandLayers,
  type ChartContext,
  eventLayers,
  eventRows,
  type Json,
  MAX_OVERLAID,
  type Row,
  replicatesText,
  type Spec,
  seriesRows,
  shell,
  timeX,
  yScale,
} from './common.js';
import { HEIGHT, WIDTH } from './theme.js';

export function fanChart(ctx: ChartContext, indicator: string): Spec {
  const { d } = ctx;
  const faceted = ctx.arms.length > MAX_OVERLAID;
  const name = d.indicator(indicator);
  const title = { text: d.t.fanTitle(name), subtitle: d.t.fanSubtitle(replicatesText(ctx), faceted) };
  const x = timeX(ctx);
  const colour = armColourEncoding(ctx, !faceted);
  if (!faceted) {
    const rows: Row[] = ctx.arms.flatMap((a) => seriesRows(ctx, a, indicator));
    rows.push(...eventRows(ctx, { interventions: true, width: WIDTH, above: true }));
    return {
      ...shell(ctx, title),
      width: WIDTH,
      height: HEIGHT,
      data: { values: rows },
      layer: [...bandLayers({ x, yTitle: name, y: yScale(rows), colour, band90: true }), ...eventLayers(x, HEIGHT)],
    } as Spec;
  }
  // One panel per arm; every other panel also shows the baseline median.
  const rows: Row[] = [];
  for (const a of ctx.arms) {
    rows.push(...seriesRows(ctx, a, indicator, { panel: a.name }));
    if (a !== ctx.baseline) rows.push(...seriesRows(ctx, ctx.baseline, indicator, { panel: a.name, role: 'ref' }));
  }
  rows.push(...eventRows(ctx, { interventions: true, panel: (a) => a.name, width: 420 }));
  const h = 260;
  const ref: Json = {
    transform: [{ filter: { field: 'role', equal: 'ref' } }],
    mark: { type: 'line', strokeWidth: 1.5, color: '#000000', strokeDash: [4, 3] },
    encoding: { x, y: { field: 'q50', type: 'quantitative' } },
  };
  return {
    ...shell(ctx, title),
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', sort: ctx.arms.map((a) => a.name), title: null },
    columns: 3,
    spec: {
      width: 420,
      height: h,
      layer: [...bandLayers({ x, yTitle: name, y: yScale(rows), colour, band90: true }), ref, ...eventLayers(x, h)],
    },
  } as Spec;
}
