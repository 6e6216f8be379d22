/**
 * Granovetter (1978), threshold models of collective behaviour.
 *
 * Each of n people has a threshold: the number of others who must already act (riot, adopt)
 * before they join. Starting from nobody, each step everyone whose threshold is at most the
 * number acting at the previous step acts; the cascade stops when the count no longer grows.
 * Thresholds are either given, uniform (0, 1, ..., n-1), or drawn from a normal distribution
 * (rounded, negatives treated as 0).
 *
 * Published results: with thresholds 0, 1, ..., 99 the whole crowd of 100 ends up acting, one
 * person per step; change one person's threshold from 1 to 2 and the cascade stops after the
 * first actor, although the two crowds are almost identical. With normally distributed
 * thresholds (mean 25), the outcome jumps from a handful to nearly everyone as the spread grows
 * past a critical standard deviation (about 12.2 in Granovetter's continuous calculation).
 *
 * Granovetter, M. (1978). Threshold models of collective behavior. American Journal of Sociology,
 * 83(6), 1420-1443. https://doi.org/10.1086/226707
 */
import { fmt } from '../engine/format.js';
import { Recorder, RngStreams } from '../engine/index.js';
import { avg, checkInt, checkRange, type DockOptions, dockingCheck, replicateSeed, replicatesOf, withDefaults } from './common.js';

export type ThresholdDistribution = 'uniform' | 'normal';

export interface GranovetterParams {
  /** People. */
  n: number;
  /** `uniform`: thresholds 0..n-1; `normal`: rounded draws from N(mean, sd). Ignored when `thresholds` is given. */
  distribution: ThresholdDistribution;
  mean: number;
  sd: number;
  /** Explicit thresholds (length n); overrides `distribution`. */
  thresholds: ArrayLike<number> | null;
}

export const GRANOVETTER_DEFAULTS: Readonly<GranovetterParams> = Object.freeze({
  n: 100,
  distribution: 'uniform' as ThresholdDistribution,
  mean: 25,
  sd: 10,
  thresholds: null,
});

export interface GranovetterResult {
  /** People acting when the cascade stops. */
  readonly final: number;
  /** Steps until the count stopped growing. */
  readonly steps: number;
  /** People acting after each step, index 0 = before anyone acts (length steps + 1). */
  readonly path: Int32Array;
}

/** Uniform thresholds 0..n-1 with the person of threshold 1 moved to 2: Granovetter's perturbed crowd. */
export function perturbedUniform(n = 100): Int32Array {
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = i;
  if (n > 2) t[1] = 2;
  return t;
}

/** Runs Granovetter's (1978) threshold cascade. `seed` matters only for drawn thresholds. */
export function runGranovetter(params: Partial<GranovetterParams> = {}, seed: string | number = 1): GranovetterResult {
  const p = withDefaults(GRANOVETTER_DEFAULTS, params, 'granovetter');
  const n = p.thresholds ? p.thresholds.length : p.n;
  checkInt('granovetter', 'n', n, 1, 10_000_000);
  checkRange('granovetter', 'sd', p.sd, 0, 1e9);
  // count[k] = people whose (clamped) threshold is k; thresholds above n-1 can never be met.
  const count = new Int32Array(n + 1);
  if (p.thresholds) {
    for (let i = 0; i < n; i++) {
      const th = p.thresholds[i]!;
      if (!Number.isFinite(th)) throw new RangeError(`granovetter: threshold ${i} is not finite`);
      count[Math.min(n, Math.max(0, Math.ceil(th)))]!++;
    }
  } else if (p.distribution === 'uniform') {
    for (let i = 0; i < n; i++) count[i]!++;
  } else {
    const rng = new RngStreams(seed, 0).stream('thresholds');
    for (let i = 0; i < n; i++) count[Math.min(n, Math.max(0, Math.round(rng.normal(p.mean, p.sd))))]!++;
  }
  // cum[k] = people with threshold <= k, i.e. who act once k others do.
  const cum = new Int32Array(n + 1);
  let c = 0;
  for (let k = 0; k <= n; k++) {
    c += count[k]!;
    cum[k] = c;
  }
  // The count grows by at least one per step, so n + 1 rows always suffice.
  const rec = new Recorder(['acting'] as const, n + 2);
  const col = rec.index('acting');
  let acting = 0;
  let steps = 0;
  rec.set(0, col, 0);
  for (;;) {
    const next = cum[Math.min(acting, n)]!;
    if (next === acting) break;
    acting = next;
    steps++;
    rec.set(steps, col, acting);
  }
  const path = Int32Array.from(rec.column('acting').slice(0, steps + 1));
  return { final: acting, steps, path };
}

export const GRANOVETTER_CITATION =
  'Granovetter, M. (1978). Threshold models of collective behavior. American Journal of Sociology, 83(6), 1420-1443. https://doi.org/10.1086/226707';

/** Standard deviations of the normal-threshold part of the check (mean 25). */
export const GRANOVETTER_SDS = { narrow: 10, wide: 16 } as const;

/**
 * Docking check. Deterministic part: uniform thresholds 0..99 give 100 acting; the perturbed crowd
 * gives 1. Stochastic part (replicates): normal thresholds with mean 25 stay small at sd 10 (mean
 * final < 10) and sweep nearly everyone at sd 16 (mean final > 80), bracketing the critical sd of about 12.2.
 */
export function dockGranovetter(opts: DockOptions = {}) {
  const reps = replicatesOf(opts, 200);
  const uniform = runGranovetter({ n: 100, distribution: 'uniform' });
  const perturbed = runGranovetter({ thresholds: perturbedUniform(100) });
  const narrow: number[] = [];
  const wide: number[] = [];
  for (let r = 0; r < reps; r++) {
    const seed = replicateSeed(opts, 'granovetter', r);
    narrow.push(runGranovetter({ distribution: 'normal', mean: 25, sd: GRANOVETTER_SDS.narrow }, seed).final);
    wide.push(runGranovetter({ distribution: 'normal', mean: 25, sd: GRANOVETTER_SDS.wide }, seed).final);
  }
  const pass = uniform.final === 100 && perturbed.final === 1 && avg(narrow) < 10 && avg(wide) > 80;
  return dockingCheck({
    id: 'granovetter',
    model: 'Granovetter (1978) threshold cascade',
    citation: GRANOVETTER_CITATION,
    published: 'Thresholds 0..99: all 100 act; one threshold 1 -> 2: the cascade stops at 1.',
    measured: `uniform: ${uniform.final} act after ${uniform.steps} steps; perturbed: ${perturbed.final} acts; normal(25, sd): mean ${fmt(avg(narrow), 1)} act at sd 10, ${fmt(avg(wide), 1)} at sd 16`,
    criterion: 'uniform = 100 and perturbed = 1 exactly; normal thresholds: mean < 10 at sd 10 and > 80 at sd 16',
    pass,
    replicates: reps,
    figures: {
      uniform: uniform.final,
      uniformSteps: uniform.steps,
      perturbed: perturbed.final,
      normalNarrow: avg(narrow),
      normalWide: avg(wide),
    },
  });
}
