/** Descriptive statistics across replicates: what the batch aggregates and the reports show. */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { quantileSorted } from '../engine/stats.js';
import { QUANTILES } from './bands.js';
import { studentTQuantile } from './student-t.js';

export interface Description {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
  /** 95 % confidence interval of the mean (Student's t, n - 1 degrees of freedom). */
  readonly ciLow: number;
  readonly ciHigh: number;
}

const EMPTY: Description = {
  n: 0,
  mean: Number.NaN,
  sd: Number.NaN,
  q05: Number.NaN,
  q25: Number.NaN,
  q50: Number.NaN,
  q75: Number.NaN,
  q95: Number.NaN,
  ciLow: Number.NaN,
  ciHigh: Number.NaN,
};

const tCache = new Map<number, number>();
export function t975(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) {
    t = studentTQuantile(0.975, df);
    tCache.set(df, t);
  }
  return t;
}

/** Describe the finite values among `values` (NaN marks "not defined", e.g. no participants). */
export function describe(values: ArrayLike<number>): Description {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) xs.push(values[i]!);
  const n = xs.length;
  if (n === 0) return EMPTY;
  xs.sort((a, b) => a - b);
  const m = mean(xs);
  const sd = n > 1 ? sampleStandardDeviation(xs) : 0;
  const half = n > 1 ? (t975(n - 1) * sd) / Math.sqrt(n) : Number.NaN;
  return {
    n,
    mean: m,
    sd,
    q05: quantileSorted(xs, QUANTILES.q05),
    q25: quantileSorted(xs, QUANTILES.q25),
    q50: quantileSorted(xs, QUANTILES.q50),
    q75: quantileSorted(xs, QUANTILES.q75),
    q95: quantileSorted(xs, QUANTILES.q95),
    ciLow: m - half,
    ciHigh: m + half,
  };
}
