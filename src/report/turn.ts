/**
 * When does the tanker turn? Top: the transformation index (median, 50 % and 90 % bands) with the
 * turn threshold. Bottom, on the same time axis: one tick per replicate at the week it turned and
 * a diamond at the median turn week; the axis label says how many replicates turned at all.
 */
import { type ArmSummary, summariseArm } from '../analysis/compare.js';
import { weekDate } from './batch-data.js';
import {
  armColourEncoding,
  bandLayers,
  type ChartContext,
  eventLayers,
  eventRows,
  type Json,
  MAX_OVERLAID,
  type Row,
  type Spec,
  seriesRows,
  shell,
  timeX,
  yScale,
} from './common.js';
import { HEIGHT, WIDTH } from './theme.js';

export function turnChart(ctx: ChartContext): Spec {
  const { d } = ctx;
  const x = timeX(ctx);
  const colour = armColourEncoding(ctx);
  const overlaid = ctx.arms.length <= MAX_OVERLAID;
  const rows: Row[] = ctx.arms.flatMap((a) => seriesRows(ctx, a, 'transformationIndex'));
  const thresholds = [...new Set(ctx.arms.map((a) => a.turnThreshold))].sort((a, b) => a - b);
  for (const thr of thresholds) rows.push({ role: 'threshold', value: thr, label: `${d.t.turnThreshold} ${d.num(thr, 2)}` });
  rows.push(...eventRows(ctx, { interventions: overlaid, width: WIDTH, above: true }));
  const summaries: ArmSummary[] = ctx.arms.map((a) => summariseArm(ctx.batch.records, a.name, []));
  const labelOf = new Map(ctx.arms.map((a, i) => [a.name, d.t.turnedLabel(a.name, summaries[i]!.turn.turned, summaries[i]!.turn.n)]));
  for (const r of ctx.batch.records) {
    if (r.turnTick === null) continue;
    const arm = ctx.arms.find((a) => a.name === r.arm)!;
    rows.push({ role: 'turn', arm: r.arm, label: labelOf.get(r.arm)!, date: weekDate(arm, r.turnTick), replicate: r.replicate });
  }
  ctx.arms.forEach((a, i) => {
    const m = summaries[i]!.turn.medianWeek;
    if (Number.isFinite(m)) rows.push({ role: 'median', arm: a.name, label: labelOf.get(a.name)!, date: weekDate(a, Math.round(m)) });
  });
  // Include the threshold in the y range so the reader sees how far away it is.
  const y = { ...yScale([...rows, { q95: Math.max(...thresholds) }]), nice: true };
  const top: Json = {
    width: WIDTH,
    height: HEIGHT - 40,
    layer: [
      ...bandLayers({ x, yTitle: d.indicator('transformationIndex'), y, colour, band90: true }),
      {
        transform: [{ filter: { field: 'role', equal: 'threshold' } }],
        mark: { type: 'rule', strokeDash: [2, 4], strokeWidth: 3, color: '#222222' },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
      ...[true, false].map((halo) => ({
        transform: [{ filter: { field: 'role', equal: 'threshold' } }],
        mark: {
          type: 'text',
          align: 'right',
          baseline: 'bottom',
          dy: -4,
          fontSize: 15,
          fontWeight: 'bold',
          color: '#222222',
          ...(halo ? { stroke: 'white', strokeWidth: 5, strokeJoin: 'round' } : {}),
        },
        encoding: { y: { field: 'value', type: 'quantitative' }, x: { value: WIDTH - 4 }, text: { field: 'label' } },
      })),
      ...eventLayers(x, HEIGHT - 40),
    ],
  };
  const yArm = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: ctx.arms.map((a) => labelOf.get(a.name)!),
    scale: { domain: ctx.arms.map((a) => labelOf.get(a.name)!) },
    axis: { labelFontSize: 16, labelFontWeight: 'bold', labelLimit: 600, ticks: false, domain: false, grid: false },
  };
  const strip: Json = {
    width: WIDTH,
    height: { step: 44 },
    layer: [
      {
        transform: [{ filter: { field: 'role', equal: 'turn' } }],
        mark: { type: 'tick', thickness: 3, opacity: 0.75, size: 30 },
        encoding: { x: { ...x, title: d.t.turnWeek }, y: yArm, color: colour },
      },
      {
        transform: [{ filter: { field: 'role', equal: 'median' } }],
        mark: { type: 'point', shape: 'diamond', filled: true, size: 380, stroke: 'white', strokeWidth: 2, opacity: 1 },
        encoding: { x: { ...x, title: d.t.turnWeek }, y: yArm, color: colour },
      },
    ],
  };
  if (summaries.every((s) => s.turn.turned === 0)) {
    rows.push({ role: 'none', label: d.t.noneTurned });
    strip.layer.push({
      transform: [{ filter: { field: 'role', equal: 'none' } }],
      mark: { type: 'text', fontSize: 18, fontStyle: 'italic', color: '#444444', align: 'center', baseline: 'middle' },
      encoding: { x: { value: WIDTH / 2 }, y: { value: (44 * ctx.arms.length) / 2 }, text: { field: 'label' } },
    });
  }
  return {
    ...shell(ctx, {
      text: d.t.turnTitle,
      subtitle: d.t.turnSubtitle(thresholds.map((t) => d.num(t, 2)).join(' / ')),
    }),
    data: { values: rows },
    vconcat: [top, strip],
    spacing: 28,
    resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
  } as Spec;
}
