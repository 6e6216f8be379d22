import { describe, expect, it } from 'vitest';
import { holm, summarise, wilson } from '../../src/analysis/compare.js';
import { cohenD, hedgesG, pairedTest, pooledSd, welchTest } from '../../src/analysis/ttest.js';

// Small samples whose statistics can be checked by hand:
// a: mean 3, variance 2.5; b = 2a: mean 6, variance 10; b − a = a.
const a = [1, 2, 3, 4, 5];
const b = [2, 4, 6, 8, 10];

describe('Welch t-test', () => {
  it('matches the hand computation on small data', () => {
    const r = welchTest(a, b);
    // se² = 2.5/5 + 10/5 = 2.5; t = 3 / √2.5; df = 2.5² / (0.5²/4 + 2²/4) = 6.25 / 1.0625.
    expect(r.test).toBe('welch-t');
    expect(r.diff).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.t).toBeCloseTo(3 / Math.sqrt(2.5), 12);
    expect(r.df).toBeCloseTo(6.25 / 1.0625, 12);
    // Reference values (SciPy 1.17, ttest_ind(b, a, equal_var=False)).
    expect(r.p).toBeCloseTo(0.10753119493062728, 9);
    expect(r.ciLow).toBeCloseTo(-0.887741643736975, 8);
    expect(r.ciHigh).toBeCloseTo(6.887741643736975, 8);
  });

  it('reproduces the textbook example (Welch’s t-test, Wikipedia example 1): t −2.46, df 24.99, p 0.021', () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    // welchTest(x, y) tests y − x, so the textbook's A1 − A2 is welchTest(a2, a1).
    const r = welchTest(a2, a1);
    expect(r.t).toBeCloseTo(-2.455356398286006, 9);
    expect(r.df).toBeCloseTo(24.988529290231416, 9);
    expect(r.p).toBeCloseTo(0.021378001462866992, 9);
    expect(r.ciLow).toBeCloseTo(-3.984096267140929, 7);
    expect(r.ciHigh).toBeCloseTo(-0.3492370661924069, 7);
  });

  it('drops NaN, and gives no test with fewer than two values in an arm', () => {
    expect(welchTest([...a, Number.NaN], b).nA).toBe(5);
    const r = welchTest([1], b);
    expect(r.test).toBe('none');
    expect(r.p).toBeNaN();
    expect(r.diff).toBe(5);
  });

  it('an exact difference without spread has p 0 and a point interval; no difference at all has p 1', () => {
    const r = welchTest([1, 1, 1], [2, 2, 2]);
    expect(r.p).toBe(0);
    expect([r.ciLow, r.ciHigh]).toEqual([1, 1]);
    expect(welchTest([1, 1], [1, 1]).p).toBe(1);
  });
});

describe('paired t-test', () => {
  it('tests the mean of the differences (hand computation)', () => {
    const r = pairedTest(a, b);
    // differences 1..5: mean 3, sd √2.5, se = √2.5/√5 = √0.5, t = 3/√0.5 = 3√2, df 4.
    expect(r.test).toBe('paired-t');
    expect(r.diff).toBe(3);
    expect(r.t).toBeCloseTo(3 * Math.SQRT2, 12);
    expect(r.df).toBe(4);
    expect(r.p).toBeCloseTo(0.01323559956368269, 9); // SciPy ttest_rel(b, a)
    expect(r.ciLow).toBeCloseTo(1.0367568385224428, 8);
    expect(r.ciHigh).toBeCloseTo(4.963243161477557, 8);
  });

  it('textbook before/after example: mean difference −4.67, t −2.98, p 0.031', () => {
    const before = [200, 210, 190, 220, 205, 195];
    const after = [195, 205, 192, 210, 200, 190];
    const r = pairedTest(before, after);
    expect(r.diff).toBeCloseTo(-14 / 3, 12);
    expect(r.t).toBeCloseTo(-2.984810028978546, 9);
    expect(r.p).toBeCloseTo(0.030629761512293546, 9);
    expect(r.ciLow).toBeCloseTo(-8.685699184594803, 7);
    expect(r.ciHigh).toBeCloseTo(-0.64763414873853, 7);
  });

  it('drops incomplete pairs and rejects unequal lengths', () => {
    const r = pairedTest([1, 2, Number.NaN, 4], [2, 4, 6, Number.NaN]);
    expect(r.nA).toBe(2);
    expect(r.diff).toBe(1.5);
    expect(() => pairedTest([1, 2], [1])).toThrow(/equal lengths/);
  });
});

describe('effect sizes and intervals', () => {
  it("Cohen's d uses the pooled sd: (6 − 3) / 2.5 = 1.2; Hedges' g corrects by 1 − 3/(4·10 − 9)", () => {
    // pooled variance = (4 · 2.5 + 4 · 10) / 8 = 6.25
    expect(pooledSd(a, b)).toBeCloseTo(2.5, 12);
    expect(cohenD(a, b)).toBeCloseTo(1.2, 12);
    expect(cohenD(b, a)).toBeCloseTo(-1.2, 12);
    expect(hedgesG(a, b)).toBeCloseTo(1.2 * (28 / 31), 12);
    expect(cohenD([1, 1], [1, 1])).toBeNaN();
  });

  it('Wilson interval: 0 of 20 gives [0, z²/(n + z²)]; 10 of 20 is symmetric around 0.5', () => {
    const z2 = 1.959963984540054 ** 2;
    const w0 = wilson(0, 20);
    expect(w0.low).toBe(0);
    expect(w0.high).toBeCloseTo(z2 / (20 + z2), 12);
    const w = wilson(10, 20);
    expect(w.low + w.high).toBeCloseTo(1, 12);
    expect(w.low).toBeCloseTo(0.299298, 5);
  });

  it('Holm adjustment: sorted p times the number left, made monotone; NaN stays NaN', () => {
    const r = holm([0.01, 0.04, 0.03, Number.NaN]);
    expect(r[0]).toBeCloseTo(0.03, 12);
    expect(r[1]).toBeCloseTo(0.06, 12);
    expect(r[2]).toBeCloseTo(0.06, 12);
    expect(r[3]).toBeNaN();
  });

  it('summarise: mean and t interval of the mean', () => {
    const s = summarise(a);
    expect(s.mean).toBe(3);
    // t(0.975, 4) = 2.776445105; half = t · √2.5 / √5
    expect(s.ciHigh - s.mean).toBeCloseTo(2.776445105 * Math.sqrt(0.5), 6);
    expect(summarise([Number.NaN]).n).toBe(0);
  });
});
