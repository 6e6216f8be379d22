/**
 * Comparisons of a quantity across replicates, the one implementation used by compare, the
 * stylised-fact checks and the docking suite: Welch's t-test for independent samples, the paired
 * t-test for replicates that share random streams (common random numbers: same seed and
 * replicate index), a one-sample t-test, and Cohen's d / Hedges' g. Differences are b − a; NaN
 * values are dropped (pairs with a NaN on either side, for the paired test).
 */
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { studentTCdf, studentTQuantile } from './student-t.js';

export type TestKind = 'paired-t' | 'welch-t' | 'one-sample-t' | 'none';

export interface TestResult {
  readonly test: TestKind;
  /** Observations used: pairs for the paired test, per arm for Welch. */
  readonly nA: number;
  readonly nB: number;
  readonly meanA: number;
  readonly meanB: number;
  /** meanB − meanA. */
  readonly diff: number;
  readonly se: number;
  readonly df: number;
  readonly t: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

const NONE: Omit<TestResult, 'nA' | 'nB' | 'meanA' | 'meanB' | 'diff'> = {
  test: 'none',
  se: Number.NaN,
  df: Number.NaN,
  t: Number.NaN,
  p: Number.NaN,
  ciLow: Number.NaN,
  ciHigh: Number.NaN,
};

export const finite = (xs: readonly number[]): number[] => xs.filter((x) => Number.isFinite(x));
const safeMean = (xs: readonly number[]): number => (xs.length > 0 ? mean(xs as number[]) : Number.NaN);

/** t statistic, p-value and 95 % interval from a difference, its standard error and degrees of freedom. */
function fromSe(diff: number, se: number, df: number): Pick<TestResult, 't' | 'p' | 'ciLow' | 'ciHigh'> {
  if (se === 0) {
    // No spread at all: the difference is exact (e.g. an indicator that no replicate moves).
    return diff === 0 ? { t: Number.NaN, p: 1, ciLow: 0, ciHigh: 0 } : { t: Math.sign(diff) * Infinity, p: 0, ciLow: diff, ciHigh: diff };
  }
  const t = diff / se;
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const q = studentTQuantile(0.975, df);
  return { t, p, ciLow: diff - q * se, ciHigh: diff + q * se };
}

/** Welch's two-sample t-test of B against A (difference meanB − meanA); NaN values are dropped. */
export function welchTest(a: readonly number[], b: readonly number[]): TestResult {
  const xa = finite(a);
  const xb = finite(b);
  const meanA = safeMean(xa);
  const meanB = safeMean(xb);
  const base = { nA: xa.length, nB: xb.length, meanA, meanB, diff: meanB - meanA };
  if (xa.length < 2 || xb.length < 2) return { ...NONE, ...base };
  const va = sampleVariance(xa) / xa.length;
  const vb = sampleVariance(xb) / xb.length;
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? xa.length + xb.length - 2 : (va + vb) ** 2 / (va ** 2 / (xa.length - 1) + vb ** 2 / (xb.length - 1));
  return { test: 'welch-t', ...base, se, df, ...fromSe(base.diff, se, df) };
}

/**
 * Paired t-test of B against A: a[i] and b[i] belong together (the same replicate under common
 * random numbers). Pairs with a NaN on either side are dropped.
 */
export function pairedTest(a: readonly number[], b: readonly number[]): TestResult {
  if (a.length !== b.length) throw new Error(`pairedTest: ${a.length} and ${b.length} values; pairs need equal lengths`);
  const xa: number[] = [];
  const xb: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) {
      xa.push(a[i]!);
      xb.push(b[i]!);
    }
  }
  const n = xa.length;
  const d = xa.map((x, i) => xb[i]! - x);
  const base = { nA: n, nB: n, meanA: safeMean(xa), meanB: safeMean(xb), diff: safeMean(d) };
  if (n < 2) return { ...NONE, ...base };
  const se = sampleStandardDeviation(d) / Math.sqrt(n);
  return { test: 'paired-t', ...base, se, df: n - 1, ...fromSe(base.diff, se, n - 1) };
}

/**
 * Standardised effect of a test result: t / √m, i.e. the difference in units of a standard
 * deviation. Paired: Cohen's d of the paired differences (d_z = mean / sd of the differences);
 * one-sample: (mean − reference) / sd; Welch: the difference over √(nA nB / (nA + nB)) · se, which
 * is the pooled sd when the arms are of equal size. ±Infinity when the difference has no spread;
 * NaN when there is no test (fewer than 2 observations) or no difference and no spread.
 */
export function effectSize(r: TestResult): number {
  if (r.test === 'none') return Number.NaN;
  if (r.se === 0) return r.diff === 0 ? Number.NaN : Math.sign(r.diff) * Infinity;
  const m = r.test === 'welch-t' ? (r.nA * r.nB) / (r.nA + r.nB) : r.nA;
  return r.diff / (r.se * Math.sqrt(m));
}

/** Pooled standard deviation of two samples (NaN dropped). */
export function pooledSd(a: readonly number[], b: readonly number[]): number {
  const xa = finite(a);
  const xb = finite(b);
  if (xa.length < 2 || xb.length < 2) return Number.NaN;
  return Math.sqrt(((xa.length - 1) * sampleVariance(xa) + (xb.length - 1) * sampleVariance(xb)) / (xa.length + xb.length - 2));
}

/** Cohen's d of B against A: (meanB − meanA) / pooled sd. NaN when the pooled sd is 0. */
export function cohenD(a: readonly number[], b: readonly number[]): number {
  const s = pooledSd(a, b);
  if (!(s > 0)) return Number.NaN;
  return (safeMean(finite(b)) - safeMean(finite(a))) / s;
}

/** Hedges' g: Cohen's d times the small-sample correction J = 1 − 3 / (4 (nA + nB) − 9). */
export function hedgesG(a: readonly number[], b: readonly number[]): number {
  const n = finite(a).length + finite(b).length;
  return cohenD(a, b) * (1 - 3 / (4 * n - 9));
}

/** Wilson score interval (95 %) for k successes out of n. */

/** One-sample t-test of mean(x) against mu (difference mean − mu); NaN values are dropped. */
export function oneSampleTest(x: readonly number[], mu: number): TestResult {
  const xs = finite(x);
  const m = safeMean(xs);
  const base = { nA: xs.length, nB: xs.length, meanA: mu, meanB: m, diff: m - mu };
  if (xs.length < 2) return { ...NONE, ...base };
  const se = sampleStandardDeviation(xs) / Math.sqrt(xs.length);
  return { test: 'one-sample-t', ...base, se, df: xs.length - 1, ...fromSe(base.diff, se, xs.length - 1) };
}
