import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, saltelliCost, saltelliDesign, sobol, sobolAnalyze, sobolSequence } from '../../src/analysis/sobol.js';
import { Rng } from '../../src/engine/rng.js';
import { ishigami } from './functions.js';

// Analytic indices of the Ishigami function with a = 7, b = 0.1 (Saltelli et al. 2008, §4.4).
const S1 = [0.3139, 0.4424, 0];
const ST = [0.5576, 0.4424, 0.2437];

describe("Sobol' sequence", () => {
  it('starts with the known points of the first three dimensions', () => {
    const x = sobolSequence(8, 3);
    const col = (d: number) => Array.from({ length: 8 }, (_, i) => x[i * 3 + d]);
    expect(col(0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(col(1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(col(2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('puts exactly one of the first 2^m points in each interval of width 2^-m, in every dimension, shifted or not', () => {
    const m = 9;
    const n = 2 ** m;
    const dim = SOBOL_MAX_DIMENSIONS;
    const shift = Uint32Array.from({ length: dim }, (_, d) => (d * 2654435761) >>> 0);
    for (const x of [sobolSequence(n, dim), sobolSequence(n, dim, shift)]) {
      for (let d = 0; d < dim; d++) {
        const cells = new Set<number>();
        for (let i = 0; i < n; i++) cells.add(Math.floor(x[i * dim + d]! * n));
        expect(cells.size, `dimension ${d + 1}`).toBe(n);
      }
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net: one point in every dyadic box of area 2^-m', () => {
    const m = 8;
    const n = 2 ** m;
    const x = sobolSequence(n, 2);
    for (let a = 0; a <= m; a++) {
      const cells = new Set<string>();
      for (let i = 0; i < n; i++) cells.add(`${Math.floor(x[i * 2]! * 2 ** a)},${Math.floor(x[i * 2 + 1]! * 2 ** (m - a))}`);
      expect(cells.size).toBe(n);
    }
  });

  it('rejects dimensions beyond the built-in direction numbers', () => {
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(/dimension/);
  });
});

describe('Saltelli design', () => {
  it('has N (k + 2) rows: A, B, then AB_i = A with column i from B', () => {
    const k = 4;
    const n = 16;
    const d = saltelliDesign(k, n, { seed: 'layout' });
    expect(d.points.length).toBe(saltelliCost(k, n) * k);
    const at = (block: number, j: number, c: number) => d.points[(block * n + j) * k + c]!;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < n; j++) for (let c = 0; c < k; c++) expect(at(2 + i, j, c)).toBe(c === i ? at(1, j, c) : at(0, j, c));
    for (const v of d.points) expect(v >= 0 && v < 1).toBe(true);
  });

  it('is a pure function of its seed and base', () => {
    for (const base of ['sobol', 'random'] as const) {
      const a = saltelliDesign(3, 32, { seed: 's', base });
      expect(saltelliDesign(3, 32, { seed: 's', base }).points).toEqual(a.points);
      expect(saltelliDesign(3, 32, { seed: 't', base }).points).not.toEqual(a.points);
    }
  });
});

describe("Sobol' indices", () => {
  it('recover the analytic Ishigami indices with N = 2^13, and the intervals cover them', () => {
    const r = sobol(ishigami, 3, { n: 2 ** 13, seed: 'ishigami', bootstrap: 300 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.s1[i]! - S1[i]!), `S1[${i}]`).toBeLessThan(0.05);
      expect(Math.abs(r.st[i]! - ST[i]!), `ST[${i}]`).toBeLessThan(0.05);
      expect(r.s1Ci[i]!.lo).toBeLessThanOrEqual(S1[i]!);
      expect(r.s1Ci[i]!.hi).toBeGreaterThanOrEqual(S1[i]!);
      expect(r.stCi[i]!.lo).toBeLessThanOrEqual(ST[i]!);
      expect(r.stCi[i]!.hi).toBeGreaterThanOrEqual(ST[i]!);
    }
  });

  it('with a random base, the 95 % intervals cover the analytic values about 95 % of the time', () => {
    let covered = 0;
    let total = 0;
    for (let s = 0; s < 30; s++) {
      const r = sobol(ishigami, 3, { n: 512, seed: `coverage-${s}`, base: 'random', bootstrap: 200 });
      for (let i = 0; i < 3; i++) {
        total += 2;
        if (r.s1Ci[i]!.lo <= S1[i]! && S1[i]! <= r.s1Ci[i]!.hi) covered++;
        if (r.stCi[i]!.lo <= ST[i]! && ST[i]! <= r.stCi[i]!.hi) covered++;
      }
    }
    expect(covered / total).toBeGreaterThan(0.85);
    expect(covered / total).toBeLessThan(1);
  });

  it('give S1 = ST = c_i^2 / sum c^2 for an additive linear model, and 0 for a factor without effect', () => {
    const c = [4, 2, 1, 0];
    const r = sobol((x) => c.reduce((s, ci, i) => s + ci * x[i]!, 0), 4, { n: 4096, seed: 'linear', bootstrap: 0 });
    const sum = c.reduce((s, v) => s + v * v, 0);
    for (let i = 0; i < 4; i++) {
      expect(r.s1[i]).toBeCloseTo((c[i]! * c[i]!) / sum, 2);
      expect(r.st[i]).toBeCloseTo((c[i]! * c[i]!) / sum, 2);
    }
    expect(r.st[3]).toBe(0);
    expect(r.s1Ci).toEqual([]);
  });

  it('find a pure interaction: S1 near 0, ST near 1 for f = (x1 − ½)(x2 − ½)', () => {
    const r = sobol((x) => (x[0]! - 0.5) * (x[1]! - 0.5), 2, { n: 4096, seed: 'interaction', bootstrap: 0 });
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(r.s1[i]!)).toBeLessThan(0.03);
      expect(r.st[i]).toBeCloseTo(1, 1);
    }
  });

  it('bootstrap is deterministic for a seed', () => {
    const d = saltelliDesign(3, 256, { seed: 'boot' });
    const y = Float64Array.from({ length: d.points.length / 3 }, (_, r) => ishigami(d.points.subarray(r * 3, r * 3 + 3)));
    const a = sobolAnalyze(d, y, { bootstrap: 100, seed: 'b' });
    expect(sobolAnalyze(d, y, { bootstrap: 100, seed: 'b' })).toEqual(a);
    expect(sobolAnalyze(d, y, { bootstrap: 100, seed: 'c' }).s1Ci).not.toEqual(a.s1Ci);
    expect(() => sobolAnalyze(d, y.subarray(1))).toThrow(/expected/);
  });

  it('remove replicate noise when given the replicate outputs of a stochastic model', () => {
    // f_r(x) = 3 x1 + 1.5 x2 + 0 x3 + 0.8 (z_r + w_r(x)): z_r is shared by all points (common random
    // numbers), w_r(x) is noise of the point. The indices of the mean response are 0.8, 0.2, 0.
    const k = 3;
    const n = 2048;
    const R = 4;
    const d = saltelliDesign(k, n, { seed: 'noisy' });
    const rows = d.points.length / k;
    const rng = new Rng('noise');
    const z = Array.from({ length: R }, () => rng.normal());
    const raw = new Float64Array(rows * R);
    const y = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      const x = d.points.subarray(row * k, (row + 1) * k);
      for (let r = 0; r < R; r++) raw[row * R + r] = 3 * x[0]! + 1.5 * x[1]! + 0.8 * (z[r]! + rng.normal());
      for (let r = 0; r < R; r++) y[row] = y[row]! + raw[row * R + r]! / R;
    }
    const exact = [0.8, 0.2, 0];
    const plain = sobolAnalyze(d, y, { bootstrap: 0 });
    const corrected = sobolAnalyze(d, y, { bootstrap: 200, seed: 'noisy', replicates: { raw, replicates: R } });
    expect(plain.noiseCorrected).toBe(false);
    expect(corrected.noiseCorrected).toBe(true);
    // Without the correction the noise shows up as a total effect of x3 and lowers the others' S1.
    expect(plain.st[2]).toBeGreaterThan(0.08);
    for (let i = 0; i < k; i++) {
      expect(Math.abs(corrected.s1[i]! - exact[i]!), `S1[${i}]`).toBeLessThan(0.04);
      expect(Math.abs(corrected.st[i]! - exact[i]!), `ST[${i}]`).toBeLessThan(0.04);
      expect(corrected.stCi[i]!.lo).toBeLessThanOrEqual(exact[i]!);
      expect(corrected.stCi[i]!.hi).toBeGreaterThanOrEqual(exact[i]!);
    }
    expect(corrected.variance).toBeCloseTo(11.25 / 12, 1);
    expect(() => sobolAnalyze(d, y, { replicates: { raw, replicates: 1 } })).toThrow(/at least 2 replicates/);
  });
});
