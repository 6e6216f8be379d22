/**
 * Statistics of weighted samples (particle populations, importance samples) and weighted
 * resampling. Pure functions on plain arrays; weights need not be normalised but must be
 * non-negative with a positive sum. src/engine/stats.ts and src/analysis hold only unweighted
 * summaries, so these live here; the unweighted quantile they reduce to is `quantileSorted`.
 */
import type { Rng } from '../engine/rng.js';

/** Sum of the weights; throws unless they are finite, non-negative and sum to a positive number. */
export function weightSum(weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights[${i}] must be a finite non-negative number (got ${w})`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError(`weights must have a positive sum (got ${total})`);
  return total;
}

/** The weights divided by their sum. */
export function normaliseWeights(weights: ArrayLike<number>): number[] {
  const total = weightSum(weights);
  return Array.from(weights, (w) => w / total);
}

/**
 * Kish's effective sample size (Σw)² / Σw²: n for equal weights, 1 when one weight holds all the
 * mass. The number of independent draws that would give a weighted mean the same variance.
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  const total = weightSum(weights);
  let sq = 0;
  for (let i = 0; i < weights.length; i++) sq += (weights[i]! / total) ** 2;
  return 1 / sq;
}

function checkLength(values: ArrayLike<unknown>, weights: ArrayLike<number>): void {
  if (values.length !== weights.length) {
    throw new RangeError(`values and weights must have the same length (got ${values.length} and ${weights.length})`);
  }
}

/** Σ w_i x_i / Σ w_i. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  checkLength(values, weights);
  const total = weightSum(weights);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += weights[i]! * values[i]!;
  return s / total;
}

/**
 * Weighted variance Σ w_i (x_i − m)² / Σ w_i (the population form: the variance of the weighted
 * empirical distribution, which is what a particle approximation of a posterior estimates).
 */
export function weightedVariance(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const m = weightedMean(values, weights);
  const total = weightSum(weights);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += weights[i]! * (values[i]! - m) ** 2;
  return s / total;
}

/**
 * Weighted q-quantile as the inverse of the weighted empirical CDF: the smallest value whose
 * cumulative normalised weight reaches q (type 1 of Hyndman and Fan 1996 when weights are equal).
 * It is always one of the values, and at least a share q of the weight lies at or below it, which
 * is the guarantee an adaptive ABC tolerance needs. q in [0, 1]; q = 0 gives the minimum.
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  checkLength(values, weights);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile level must be in [0, 1] (got ${q})`);
  const total = weightSum(weights);
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  // Positive weights only: a zero-weight value is not part of the distribution.
  const target = q * total;
  let cum = 0;
  let last = Number.NaN;
  for (const i of order) {
    const w = weights[i]!;
    if (w === 0) continue;
    cum += w;
    last = values[i]!;
    // Relative slack so that rounding in the running sum cannot skip the exact q = k/n case.
    if (cum >= target * (1 - 1e-12)) return last;
  }
  return last;
}

/**
 * Weighted mean vector and covariance matrix of points (rows), in the population form
 * Σ w_i (x_i − m)(x_i − m)ᵀ / Σ w_i.
 */
export function weightedCovariance(points: readonly ArrayLike<number>[], weights: ArrayLike<number>): { mean: number[]; cov: number[][] } {
  checkLength(points, weights);
  const total = weightSum(weights);
  const d = points.length > 0 ? points[0]!.length : 0;
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.length !== d) throw new RangeError(`points[${i}] has ${p.length} coordinates; expected ${d}`);
    const w = weights[i]! / total;
    for (let a = 0; a < d; a++) mean[a]! += w * p[a]!;
  }
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const w = weights[i]! / total;
    for (let a = 0; a < d; a++) {
      const da = p[a]! - mean[a]!;
      for (let b = 0; b <= a; b++) cov[a]![b]! += w * da * (p[b]! - mean[b]!);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b]![a] = cov[a]![b]!;
  return { mean, cov };
}

/**
 * Systematic resampling (Kitagawa 1996; Douc, Cappé and Moulines 2005): n indices drawn so that
 * index i appears ⌊n w_i⌋ or ⌈n w_i⌉ times, from a single uniform. Unbiased (each index's
 * expected count is n w_i) and with less variance than multinomial resampling. Returns indices in
 * ascending order; one draw from `rng`.
 */
export function resampleSystematic(weights: ArrayLike<number>, n: number, rng: Rng): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`resample size must be a non-negative integer (got ${n})`);
  const total = weightSum(weights);
  const out: number[] = [];
  const u0 = rng.next();
  let cum = weights[0]! / total;
  let i = 0;
  for (let k = 0; k < n; k++) {
    const u = (u0 + k) / n;
    while (u >= cum && i < weights.length - 1) {
      i++;
      cum += weights[i]! / total;
    }
    // A rounding shortfall at the very end must not select a trailing zero-weight index.
    let j = i;
    while (weights[j]! === 0 && j > 0) j--;
    out.push(j);
  }
  return out;
}

/** Multinomial resampling: n independent draws of an index with probability w_i / Σw (n draws from `rng`). */
export function resampleMultinomial(weights: ArrayLike<number>, n: number, rng: Rng): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`resample size must be a non-negative integer (got ${n})`);
  weightSum(weights);
  return Array.from({ length: n }, () => rng.categorical(weights));
}
