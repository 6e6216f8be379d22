/**
 * Two-sample comparisons of a quantity across replicates: Welch's t-test for independent samples
 * and the paired t-test for replicates that share random streams (common random numbers: same
 * seed and replicate index). Both return the difference of means (b - a), its 95 % confidence
 * interval, the t statistic, degrees of freedom and the two-sided p-value.
 */
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { studentTCdf, studentTQuantile } from './student-t.js';

export interface TTestResult {
  readonly test: 'welch' | 'paired' | 'one-sample';
  readonly n: number;
  readonly diff: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
}

function finish(test: TTestResult['test'], n: number, diff: number, se: number, df: number): TTestResult {
  if (!(se > 0)) {
    // No spread at all: the difference is exact.
    const p = diff === 0 ? 1 : 0;
    return { test, n, diff, ciLow: diff, ciHigh: diff, t: diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY, df, p };
  }
  const t = diff / se;
  const p = 2 * (1 - studentTCdf(Math.abs(t), df));
  const q = studentTQuantile(0.975, df);
  return { test, n, diff, ciLow: diff - q * se, ciHigh: diff + q * se, t, df, p: Math.min(1, Math.max(0, p)) };
}

/** Paired t-test on b[i] - a[i]. */
export function pairedTTest(a: readonly number[], b: readonly number[]): TTestResult {
  if (a.length !== b.length || a.length < 2) throw new RangeError('pairedTTest needs two samples of equal length >= 2');
  const d = a.map((x, i) => b[i]! - x);
  return finish('paired', d.length, mean(d), sampleStandardDeviation(d) / Math.sqrt(d.length), d.length - 1);
}

/** Welch's unequal-variance t-test of mean(b) - mean(a), with Welch–Satterthwaite degrees of freedom. */
export function welchTTest(a: readonly number[], b: readonly number[]): TTestResult {
  if (a.length < 2 || b.length < 2) throw new RangeError('welchTTest needs two samples of size >= 2');
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return finish('welch', a.length + b.length, mean(b) - mean(a), se, Number.isFinite(df) ? df : a.length + b.length - 2);
}

/** One-sample t-test of mean(x) against mu. */
export function oneSampleTTest(x: readonly number[], mu: number): TTestResult {
  if (x.length < 2) throw new RangeError('oneSampleTTest needs at least two values');
  return finish('one-sample', x.length, mean(x) - mu, sampleStandardDeviation(x) / Math.sqrt(x.length), x.length - 1);
}

/** Cohen's d with the pooled standard deviation (b - a). */
export function cohensD(a: readonly number[], b: readonly number[]): number {
  const pooled = Math.sqrt(((a.length - 1) * sampleVariance(a) + (b.length - 1) * sampleVariance(b)) / (a.length + b.length - 2));
  return pooled > 0 ? (mean(b) - mean(a)) / pooled : Number.NaN;
}
