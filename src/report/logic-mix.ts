/**
 * Logic mix over time, one panel per scenario: the NPG share in strategy documents (dashed) and in
 * everyday practice (solid, with the middle 50 % of replicates), the policy-practice gap shaded
 * between them and its final median written at the right.
 */
import { weekDate } from './batch-data.js';
import { type ChartContext, colourScale, eventLayers, eventRows, type Json, type Row, round, type Spec, shell, timeX } from './common.js';

export function logicMixChart(ctx: ChartContext): Spec {
  const { d } = ctx;
  const x = timeX(ctx);
  const rows: Row[] = [];
  for (const a of ctx.arms) {
    const docs = ctx.batch.aggregate(a.name, 'documentsNPG');
    const prac = ctx.batch.aggregate(a.name, 'practiceNPG');
    const gap = ctx.batch.aggregate(a.name, 'policyPracticeGap');
    const n = Math.min(docs.length, prac.length);
    for (let k = 0; k < n; k++) {
      const base = { panel: a.name, arm: a.name, date: prac[k]!.date };
      rows.push({
        role: 'gap',
        ...base,
        doc: round(docs[k]!.q50),
        prac: round(prac[k]!.q50),
        lo: round(prac[k]!.q25),
        hi: round(prac[k]!.q75),
      });
      rows.push({ role: 'line', ...base, level: d.t.documents, v: round(docs[k]!.q50) });
      rows.push({ role: 'line', ...base, level: d.t.practice, v: round(prac[k]!.q50) });
    }
    const last = gap[gap.length - 1];
    if (last && n > 0)
      rows.push({
        role: 'gaplabel',
        panel: a.name,
        arm: a.name,
        date: weekDate(a, last.tick),
        mid: round((docs[n - 1]!.q50 + prac[n - 1]!.q50) / 2),
        label: `${d.t.gap} ${d.num(last.q50, 2)}`,
      });
  }
  const cols = ctx.arms.length <= 3 ? ctx.arms.length : ctx.arms.length === 4 ? 2 : 3;
  const width = cols === 1 ? 880 : cols === 2 ? 430 : 300;
  const height = cols === 1 ? 380 : 260;
  rows.push(...eventRows(ctx, { interventions: true, panel: (a) => a.name, width }));
  const colour: Json = {
    field: 'arm',
    type: 'nominal',
    scale: colourScale(ctx),
    legend: null,
  };
  const y = (field: string): Json => ({ field, type: 'quantitative', title: 'NPG', scale: { domain: [0, 1] }, axis: { format: '.1f' } });
  const only = (role: string) => [{ filter: { field: 'role', equal: role } }];
  return {
    ...shell(ctx, { text: d.t.logicTitle, subtitle: d.t.logicSubtitle }),
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', sort: ctx.arms.map((a) => a.name), title: null },
    columns: cols,
    spacing: { row: 24, column: 32 },
    spec: {
      width,
      height,
      layer: [
        {
          transform: only('gap'),
          mark: { type: 'area', opacity: 0.16 },
          encoding: { x, y: y('prac'), y2: { field: 'doc' }, color: colour },
        },
        { transform: only('gap'), mark: { type: 'area', opacity: 0.3 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, color: colour } },
        {
          transform: only('line'),
          mark: { type: 'line', strokeWidth: 3.5 },
          encoding: {
            x,
            y: y('v'),
            color: colour,
            strokeDash: {
              field: 'level',
              type: 'nominal',
              title: d.t.level,
              scale: {
                domain: [d.t.documents, d.t.practice],
                range: [
                  [10, 6],
                  [1, 0],
                ],
              },
              legend: { orient: 'bottom', symbolStrokeColor: '#222222', symbolStrokeWidth: 4, symbolSize: 600 },
            },
          },
        },
        {
          transform: only('gaplabel'),
          mark: { type: 'text', align: 'right', dx: -8, fontSize: 16, fontWeight: 'bold' },
          encoding: { x, y: y('mid'), text: { field: 'label' }, color: colour },
        },
        ...eventLayers(x, height),
      ],
    },
  } as Spec;
}
