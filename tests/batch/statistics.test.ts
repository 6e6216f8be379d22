// Descriptive statistics across replicates (simple-statistics and engine/stats.ts quantiles) and Student's t
// against published table values.
import { describe, expect, it } from 'vitest';
import { describe as describeValues, t975 } from '../../src/analysis/describe.js';
import { incompleteBeta, studentTCdf, studentTQuantile } from '../../src/analysis/student-t.js';

describe("Student's t", () => {
  it('quantiles match the tables to 6 digits', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.706205],
      [0.975, 2, 4.302653],
      [0.975, 4, 2.776445],
      [0.975, 9, 2.262157],
      [0.975, 30, 2.042272],
      [0.975, 1000, 1.962339],
      [0.95, 5, 2.015048],
      [0.995, 10, 3.169273],
      [0.9, 20, 1.325341],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df), `t_{${p},${df}}`).toBeCloseTo(t, 5);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(t975(9)).toBeCloseTo(2.262157, 6);
  });

  it('is symmetric, with the median at 0, and rejects p outside (0, 1)', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157, 5);
    for (const df of [1, 3, 12]) expect(studentTCdf(0, df)).toBeCloseTo(0.5, 12);
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
  });

  it('the CDF matches closed forms (Cauchy for df = 1, df = 2) and inverts the quantile', () => {
    for (const t of [-3, -0.4, 0.7, 1, 5]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }
    for (const df of [1, 4, 25]) for (const p of [0.05, 0.3, 0.9, 0.99]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
  });

  it('the incomplete beta function matches its special cases', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.6, 3, 1)).toBeCloseTo(0.6 ** 3, 12);
    expect(incompleteBeta(0.5, 4.5, 4.5)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('describe()', () => {
  it('1..10: mean, sample sd, quantiles and the t confidence interval of the mean', () => {
    const d = describeValues([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]); // unsorted on purpose
    expect(d.n).toBe(10);
    expect(d.mean).toBe(5.5);
    expect(d.sd).toBeCloseTo(Math.sqrt(55 / 6), 12); // 3.0276503541
    // engine/stats.ts quantileSorted: linear interpolation at (n - 1) p (type 7, as R's quantile() and numpy's default).
    const q = [d.q05, d.q25, d.q50, d.q75, d.q95];
    [1.45, 3.25, 5.5, 7.75, 9.55].forEach((v, i) => {
      expect(q[i]).toBeCloseTo(v, 12);
    });
    const half = (2.262157 * d.sd) / Math.sqrt(10);
    expect(d.ciLow).toBeCloseTo(5.5 - half, 5);
    expect(d.ciHigh).toBeCloseTo(5.5 + half, 5);
    expect(d.ciHigh - d.ciLow).toBeCloseTo(4.3317, 5);
  });

  it('four values: quantiles between neighbours, t with 3 degrees of freedom', () => {
    const d = describeValues(Float64Array.of(4, 1, 3, 2));
    const q = [d.q05, d.q25, d.q50, d.q75, d.q95];
    [1.15, 1.75, 2.5, 3.25, 3.85].forEach((v, i) => {
      expect(q[i]).toBeCloseTo(v, 12);
    });
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(d.ciLow).toBeCloseTo(2.5 - (3.182446 * Math.sqrt(5 / 3)) / 2, 5);
  });

  it('two values use t with one degree of freedom', () => {
    const d = describeValues([0, 2]);
    expect(d.mean).toBe(1);
    expect(d.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(d.ciLow).toBeCloseTo(1 - 12.706205, 5);
    expect(d.ciHigh).toBeCloseTo(1 + 12.706205, 5);
  });

  it('ignores NaN (undefined values), does not modify its input, and handles one or no value', () => {
    const input = Float64Array.of(Number.NaN, 3, 1, Number.NaN, 2);
    const d = describeValues(input);
    expect(d.n).toBe(3);
    expect(d.mean).toBe(2);
    expect(d.sd).toBe(1);
    expect(d.q50).toBe(2);
    expect(Array.from(input)).toEqual([Number.NaN, 3, 1, Number.NaN, 2]);
    const one = describeValues([0.25]);
    expect(one).toMatchObject({ n: 1, mean: 0.25, sd: 0, q05: 0.25, q95: 0.25 });
    expect(one.ciLow).toBeNaN();
    expect(one.ciHigh).toBeNaN();
    const none = describeValues([Number.NaN, Number.NaN]);
    expect(none.n).toBe(0);
    for (const k of ['mean', 'sd', 'q05', 'q50', 'q95', 'ciLow', 'ciHigh'] as const) expect(none[k], k).toBeNaN();
  });

  it('equal values give sd 0 and a zero-width interval (up to rounding)', () => {
    const d = describeValues([0.4, 0.4, 0.4]);
    expect(d).toMatchObject({ n: 3, q05: 0.4, q50: 0.4, q95: 0.4 });
    for (const k of ['mean', 'ciLow', 'ciHigh'] as const) expect(d[k], k).toBeCloseTo(0.4, 14);
    expect(d.sd).toBeCloseTo(0, 14);
  });
});
