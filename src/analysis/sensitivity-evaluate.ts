/**
 * Evaluating a sensitivity analysis: every design point is a sweep point of the scenario
 * (batch/sweep.ts `applyPoint`), run with the same replicate indices 0..R-1 of the scenario's seed
 * (common random numbers) on the worker pool; its output is the mean over them. Results are
 * gathered by task index, so they do not depend on the number of threads or on scheduling. Then
 * the Morris measures and Sobol' indices of those outputs.
 */
import { availableParallelism } from 'node:os';
import { mapReplicates } from '../batch/replicates.js';
import { applyPoint } from '../batch/sweep.js';
import type { WorkerResult, WorkerTask } from '../batch/worker.js';
import { formatNumber } from '../io/tables.js';
import { INDICATORS } from '../model/index.js';
import { type MorrisDesign, type MorrisResult, morrisAnalyze } from './morris.js';
import { buildDesigns, scaleRow } from './sensitivity-design.js';
import type { Method, SensitivitySpec, Statistic } from './sensitivity-spec.js';
import { replicateNoiseVariance, type SaltelliDesign, type SobolResult, sobolAnalyze } from './sobol.js';

/** The scalar output of one replicate: final, mean or peak of one indicator. */
export function replicateOutput(data: Float64Array, width: number, column: number, statistic: Statistic): number {
  const ticks = data.length / width;
  if (statistic === 'final') return data[(ticks - 1) * width + column]!;
  let sum = 0;
  let n = 0;
  let peak = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < ticks; t++) {
    const v = data[t * width + column]!;
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
    if (v > peak) peak = v;
  }
  if (n === 0) return Number.NaN;
  return statistic === 'mean' ? sum / n : peak;
}

export interface RunOptions {
  /** Worker threads (default: the number of cores). Results do not depend on it. */
  readonly threads?: number;
  readonly onStart?: (total: number) => void;
  readonly onDone?: (done: number) => void;
}

export interface MethodOutcome<D, R> {
  readonly design: D;
  readonly result: R;
  /** Output per design row: the mean over replicates. */
  readonly y: Float64Array;
  /** Output per design row and replicate, row-major (row r, replicate j at r R + j). */
  readonly raw: Float64Array;
  /**
   * Share of the variance of the row means that is replicate noise (noise not shared by all
   * points, see sobol.ts `replicateNoiseVariance`). Null with one replicate.
   */
  readonly noiseShare: number | null;
}

export interface SensitivityResult {
  readonly spec: SensitivitySpec;
  readonly morris: MethodOutcome<MorrisDesign, MorrisResult> | null;
  readonly sobol: MethodOutcome<SaltelliDesign, SobolResult> | null;
  /** Replicates run in all. */
  readonly replicates: number;
}

/** Run `count` model replicates on the worker pool and return one scalar per task, in task order. */
export async function evaluateOnPool(
  count: number,
  task: (i: number) => WorkerTask,
  extract: (r: WorkerResult, i: number) => number,
  opts: RunOptions = {},
): Promise<Float64Array> {
  const values = await mapReplicates(count, task, extract, opts.threads ?? availableParallelism(), opts.onDone);
  return Float64Array.from(values);
}

/** Evaluate the designs on the pool and compute the indices. */
export async function runSensitivity(spec: SensitivitySpec, opts: RunOptions = {}): Promise<SensitivityResult> {
  const designs = buildDesigns(spec);
  const k = spec.parameters.length;
  const R = spec.replicates;
  const blocks: { method: Method; points: Float64Array; rows: number }[] = [];
  if (designs.morris) blocks.push({ method: 'morris', points: designs.morris.points, rows: designs.morris.points.length / k });
  if (designs.sobol) blocks.push({ method: 'sobol', points: designs.sobol.points, rows: designs.sobol.points.length / k });
  const rowOf: { block: number; row: number }[] = [];
  blocks.forEach((b, bi) => {
    for (let r = 0; r < b.rows; r++) rowOf.push({ block: bi, row: r });
  });
  const total = rowOf.length * R;
  const s = spec.scenario;
  const column = INDICATORS.indexOf(spec.output.indicator);
  const pointOf = (i: number) => {
    const { block, row } = rowOf[Math.floor(i / R)]!;
    const b = blocks[block]!;
    return { method: b.method, row, values: scaleRow(spec.parameters, b.points.subarray(row * k, (row + 1) * k)) };
  };
  opts.onStart?.(total);
  let raw: Float64Array;
  try {
    raw = await evaluateOnPool(
      total,
      (i) => ({
        config: applyPoint(s.config, { index: Math.floor(i / R), values: pointOf(i).values }),
        interventions: s.interventions,
        elections: s.elections,
        seed: s.seed,
        replicate: i % R,
      }),
      (r) => {
        const v = replicateOutput(r.data, r.width, column, spec.output.statistic);
        if (!Number.isFinite(v)) throw new Error(`${spec.output.statistic} ${spec.output.indicator} is not a finite number (${v})`);
        return v;
      },
      opts,
    );
  } catch (e) {
    const m = /^task (\d+) failed: ([\s\S]*)$/.exec(e instanceof Error ? e.message : '');
    if (!m) throw e;
    const i = Number(m[1]);
    const p = pointOf(i);
    const values = Object.entries(p.values)
      .map(([n, v]) => `${n}=${formatNumber(v)}`)
      .join(', ');
    throw new Error(`${p.method} design row ${p.row}, replicate ${i % R} (seed ${s.seed}; ${values}) failed: ${m[2]}`);
  }
  let offset = 0;
  const take = (rows: number) => {
    const r = raw.subarray(offset * R, (offset + rows) * R);
    offset += rows;
    const y = new Float64Array(rows);
    for (let p = 0; p < rows; p++) {
      let sum = 0;
      for (let j = 0; j < R; j++) sum += r[p * R + j]!;
      y[p] = sum / R;
    }
    return { y, raw: Float64Array.from(r), noiseShare: noiseShare(r, y, R) };
  };
  type Taken = ReturnType<typeof take>;
  // Each method takes its rows in design order (Morris first) and analyses their mean outputs.
  const analysed = <D extends { readonly points: Float64Array }, Res>(design: D | null, analyse: (d: D, t: Taken) => Res) => {
    if (!design) return null;
    const t = take(design.points.length / k);
    return { design, result: analyse(design, t), ...t };
  };
  const common = { confidence: spec.confidence, seed: spec.seed };
  const noise = (t: Taken, correct: boolean) => (correct && R >= 2 ? { replicates: { raw: t.raw, replicates: R } } : {});
  const morris = analysed(designs.morris, (d, t) =>
    morrisAnalyze(d, t.y, { ...common, bootstrap: spec.morris.bootstrap, ...noise(t, true) }),
  );
  const sobol = analysed(designs.sobol, (d, t) =>
    sobolAnalyze(d, t.y, { ...common, bootstrap: spec.sobol.bootstrap, ...noise(t, spec.sobol.noiseCorrection) }),
  );
  return { spec, morris, sobol, replicates: total };
}

function noiseShare(raw: Float64Array, y: Float64Array, R: number): number | null {
  if (R < 2 || y.length < 2) return null;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let total = 0;
  for (const v of y) total += (v - mean) ** 2;
  total /= y.length - 1;
  const noise = replicateNoiseVariance(raw, y.length, R);
  return total > 0 && Number.isFinite(noise) ? Math.min(1, noise / total) : null;
}
