/**
 * Sweeps in the report: for each scenario with a parameter sweep, a table (one row per sweep point:
 * its swept values, the final mean of each main outcome with its 95 % interval, the runs that
 * turned) and a chart of the outcomes against the first swept value, with the interval as a band
 * (grid) or bars (Latin hypercube), one line per combination of the other swept values. A grid
 * over two parameters also gets a heat map (sweep-map.ts).
 */
import { summariseArm, wilson } from '../analysis/compare.js';
import type { Arm } from './batch-data.js';
import { armColour, type ChartContext, type Json, replicatesText, round, type Spec, shell } from './common.js';
import { MAIN_OUTCOMES } from './findings.js';
import { SCENARIO_PALETTE } from './palette.js';
import { pointLabel, sweepParameterNames, sweepValue } from './sweep-labels.js';
import { clipMeanInterval, indicatorUnit } from './units.js';

export interface SweptScenario {
  readonly scenario: string;
  /** Swept names in the order of the points' values. */
  readonly keys: readonly string[];
  /** Readable names of the keys (sweep-labels.ts). */
  readonly names: Readonly<Record<string, string>>;
  /** The sweep points, in point order. */
  readonly arms: readonly Arm[];
  /** A grid (every combination) rather than a Latin hypercube sample: values repeat across points. */
  readonly grid: boolean;
}

/** The scenarios of the batch that have more than one sweep point, in the batch's order. */
export function sweptScenarios(ctx: ChartContext): SweptScenario[] {
  const out: SweptScenario[] = [];
  for (const scenario of [...new Set(ctx.batch.arms.map((a) => a.scenario))]) {
    const arms = ctx.batch.arms.filter((a) => a.scenario === scenario).sort((a, b) => a.point - b.point);
    if (arms.length < 2) continue;
    const keys = Object.keys(arms[0]!.pointValues);
    if (keys.length === 0) continue;
    const grid = keys.every((k) => new Set(arms.map((a) => a.pointValues[k])).size < arms.length);
    out.push({ scenario, keys, names: sweepParameterNames(keys), arms, grid });
  }
  return out;
}

/** The outcomes of a sweep: the main outcomes at the end of the run, then the share of runs that turned. */
export const SWEEP_OUTCOMES = [...MAIN_OUTCOMES, 'shareTurned'] as const;

export interface PointOutcome {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** Mean and 95 % interval (clipped to the possible range) of each sweep outcome at one point. */
export function outcomes(ctx: ChartContext, arm: Arm): Record<string, PointOutcome> {
  const s = summariseArm(ctx.batch.records, arm.name, MAIN_OUTCOMES);
  const out: Record<string, PointOutcome> = {};
  for (const k of MAIN_OUTCOMES) {
    const v = s.finals[k]!;
    const ci = clipMeanInterval(k, v.ciLow, v.ciHigh);
    out[k] = { mean: v.mean, low: ci.low, high: ci.high, n: v.n };
  }
  const w = wilson(s.turn.turned, s.turn.n);
  out.shareTurned = { mean: s.turn.share, low: w.low, high: w.high, n: s.turn.n };
  return out;
}

/** Shares (and the share turned) are shown in %. */
export const inPercent = (k: string) => k === 'shareTurned' || indicatorUnit(k) === 'share';

/** An outcome's name with "%" for shares: "NPG in practice (%)", "Actual co-creation (share of staff, %)". */
export function outcomeName(ctx: ChartContext, k: string): string {
  const name = ctx.d.indicator(k);
  if (!inPercent(k)) return name;
  return name.endsWith(')') ? `${name.slice(0, -1)}, %)` : `${name} (%)`;
}

export interface SweepTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One row per sweep point: its swept values, then each outcome as "mean [low; high]" in the language. */
export function sweepTable(ctx: ChartContext, s: SweptScenario): SweepTable {
  const { d } = ctx;
  const head = [...s.keys.map((k) => s.names[k]!), ...SWEEP_OUTCOMES.map((k) => outcomeName(ctx, k))];
  const rows = s.arms.map((a) => {
    const o = outcomes(ctx, a);
    const cells = SWEEP_OUTCOMES.map((k) => {
      const v = o[k]!;
      if (v.n === 0) return '–';
      if (k === 'shareTurned') return `${d.pct(v.mean)} [${d.pct(v.low).replace(' %', '')}–${d.pct(v.high)}]`;
      const m = inPercent(k) ? 100 : 1;
      return d.ci(m * v.mean, m * v.low, m * v.high);
    });
    return [...s.keys.map((k) => sweepValue(d.lang, a.pointValues[k]!)), ...cells];
  });
  return { head, rows };
}

/** Outcomes against the first swept value, one panel per outcome, a line per combination of the others. */
export function sweepChart(ctx: ChartContext, s: SweptScenario): Spec {
  const { d } = ctx;
  const [xKey, ...others] = s.keys;
  const panel = (k: string) => outcomeName(ctx, k);
  const group = (a: Arm) =>
    others.length ? pointLabel(d.lang, Object.fromEntries(others.map((k) => [k, a.pointValues[k]!]))) : s.scenario;
  const values: Json[] = [];
  for (const a of s.arms) {
    const o = outcomes(ctx, a);
    for (const k of SWEEP_OUTCOMES) {
      const v = o[k]!;
      if (v.n === 0 || !Number.isFinite(v.mean)) continue;
      const m = inPercent(k) ? 100 : 1;
      values.push({
        panel: panel(k),
        x: a.pointValues[xKey!]!,
        group: group(a),
        mean: round(m * v.mean),
        lo: round(m * v.low),
        hi: round(m * v.high),
      });
    }
  }
  const groups = [...new Set(s.arms.map(group))];
  const colour: Json =
    groups.length > 1
      ? {
          field: 'group',
          type: 'nominal',
          sort: groups,
          scale: { domain: groups, range: groups.map((_, i) => SCENARIO_PALETTE[i % SCENARIO_PALETTE.length]) },
          title: null,
          legend: { orient: 'bottom', symbolType: 'stroke', symbolOpacity: 1 },
        }
      : { value: armColour(ctx, s.arms[0]!.name) };
  // Ticks at the swept values of a grid, written as the table writes them.
  const xs = [...new Set(s.arms.map((a) => a.pointValues[xKey!]!))].sort((a, b) => a - b);
  const k = Math.max(...xs.map((v) => sweepValue('en', v).split('.')[1]?.length ?? 0));
  const x: Json = {
    field: 'x',
    type: 'quantitative',
    title: s.names[xKey!],
    scale: { zero: false, nice: false },
    axis: s.grid ? { values: xs, format: `.${k}f` } : { tickCount: 6 },
  };
  const y = (field: string): Json => ({ field, type: 'quantitative', title: null, scale: { zero: false } });
  const layers: Json[] = s.grid
    ? [
        { mark: { type: 'area', opacity: 0.2 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, color: colour } },
        { mark: { type: 'line', strokeWidth: 3 }, encoding: { x, y: y('mean'), color: colour } },
      ]
    : [{ mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, color: colour } }];
  layers.push({ mark: { type: 'point', filled: true, size: 90, opacity: 1 }, encoding: { x, y: y('mean'), color: colour } });
  return {
    ...shell(ctx, { text: d.t.sweepTitle(s.scenario), subtitle: d.t.sweepSubtitle(replicatesText(ctx), s.grid) }),
    data: { values },
    facet: {
      field: 'panel',
      type: 'nominal',
      sort: SWEEP_OUTCOMES.map(panel),
      title: null,
      header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontSize: 17, labelLimit: 420 },
    },
    columns: 3,
    spacing: { row: 24, column: 32 },
    spec: { width: 360, height: 240, layer: layers },
    resolve: { scale: { y: 'independent' } },
  } as Spec;
}
