import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { clamp01, mean, quantileSorted, weightedGini } from '../../src/engine/stats.js';

/** Direct O(n²) evaluation of Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ). */
function bruteGini(x: number[], w: number[]): number {
  let W = 0;
  let S = 0;
  let d = 0;
  for (let i = 0; i < x.length; i++) {
    W += w[i]!;
    S += w[i]! * x[i]!;
    for (let j = 0; j < x.length; j++) d += w[i]! * w[j]! * Math.abs(x[i]! - x[j]!);
  }
  return d / (2 * W * S);
}

function gini(x: number[], w: number[] = x.map(() => 1)): number {
  return weightedGini(x, w, x.length, new Float64Array(2 * x.length));
}

describe('weightedGini', () => {
  it('matches hand-computed values', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(gini([1, 0, 0, 0])).toBeCloseTo(0.75, 12); // order does not matter
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12); // 20 / (2·16·2.5)
    expect(gini([3, 1])).toBeCloseTo(0.25, 12); // 2·2 / (2·4·2)
    expect(gini([0, 1], [3, 1])).toBeCloseTo(0.75, 12); // weights = duplication of [0,0,0,1]
  });

  it('returns 0 for empty, all-equal or all-zero input', () => {
    expect(weightedGini([], [], 0, new Float64Array(0))).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
    expect(gini([2, 2, 2], [1, 5, 0.5])).toBe(0);
    expect(gini([1, 2], [0, 0])).toBe(0);
  });

  it('treats integer weights as duplication', () => {
    expect(gini([1, 2, 5], [2, 1, 3])).toBeCloseTo(gini([1, 1, 2, 5, 5, 5]), 12);
    expect(gini([7, 1, 4], [0, 1, 1])).toBeCloseTo(gini([1, 4]), 12); // zero weight ignored
  });

  it('agrees with the O(n²) definition on random data, using only the first n entries', () => {
    const rng = new Rng('gini');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(60);
      const x = Array.from({ length: n + 3 }, () => (rng.bernoulli(0.2) ? rng.int(3) : rng.range(0, 10)));
      const w = Array.from({ length: n + 3 }, () => rng.range(0, 2));
      const scratch = new Float64Array(2 * n + 5).fill(123);
      const got = weightedGini(x, w, n, scratch);
      expect(got).toBeCloseTo(bruteGini(x.slice(0, n), w.slice(0, n)), 10);
      expect(got).toBeGreaterThanOrEqual(0);
      expect(got).toBeLessThan(1);
    }
  });

  it('does not modify its inputs and checks the scratch size', () => {
    const x = new Float64Array([3, 1, 2]);
    const w = new Float64Array([1, 2, 3]);
    weightedGini(x, w, 3, new Float64Array(6));
    expect(Array.from(x)).toEqual([3, 1, 2]);
    expect(Array.from(w)).toEqual([1, 2, 3]);
    expect(() => weightedGini(x, w, 3, new Float64Array(5))).toThrow(RangeError);
  });
});

describe('mean and clamp01', () => {
  it('mean over all or the first n entries', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean(new Float64Array([1, 2, 3, 6]), 2)).toBe(1.5);
    expect(mean([])).toBeNaN();
  });

  it('clamp01', () => {
    expect(clamp01(-0.1)).toBe(0);
    expect(clamp01(0.4)).toBe(0.4);
    expect(clamp01(1.7)).toBe(1);
    expect(clamp01(Number.NaN)).toBeNaN();
  });
});

describe('quantileSorted', () => {
  it("interpolates at (n − 1) q like R's quantile(type = 7) and NumPy's default", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    // R: quantile(1:10, c(0, .05, .25, .5, .75, .95, 1)) = 1, 1.45, 3.25, 5.5, 7.75, 9.55, 10
    const want = [1, 1.45, 3.25, 5.5, 7.75, 9.55, 10];
    [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1].forEach((q, i) => {
      expect(quantileSorted(x, q)).toBeCloseTo(want[i]!, 12);
    });
    expect(quantileSorted([2, 4, 4, 7], 0.5)).toBe(4);
  });

  it('hits order statistics exactly, reads only the first n values, and is NaN when empty', () => {
    const x = [0.1, 0.2, 0.7, 9, 99];
    expect(quantileSorted(x, 0.25)).toBe(0.2);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted(x, 1, 3)).toBe(0.7);
    expect(quantileSorted(x, 0.5, 2)).toBeCloseTo(0.15, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('never leaves the range of its values and grows with q', () => {
    const rng = new Rng('quantile');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rng.next() * 30);
      const x = Float64Array.from({ length: n }, () => rng.next() * 10 - 5).sort();
      let prev = Number.NEGATIVE_INFINITY;
      for (let q = 0; q <= 1.0000001; q += 0.05) {
        const v = quantileSorted(x, Math.min(1, q));
        expect(v).toBeGreaterThanOrEqual(Math.max(prev, x[0]!) - 1e-12);
        expect(v).toBeLessThanOrEqual(x[n - 1]! + 1e-12);
        prev = v;
      }
    }
  });
});
