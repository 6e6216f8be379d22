// Weighted statistics, resampling, Cholesky and the perturbation kernel against direct computations.
import { describe, expect, it } from 'vitest';
import {
  cholesky,
  effectiveSampleSize,
  fitKernel,
  kernelSampler,
  MIN_INTEGER_SD,
  mixtureLogDensities,
  multiplyLower,
  normaliseWeights,
  resampleMultinomial,
  resampleSystematic,
  solveLower,
  weightedCovariance,
  weightedMean,
  weightedQuantile,
  weightedVariance,
} from '../../src/calibration/index.js';
import { Rng } from '../../src/engine/rng.js';

describe('weighted statistics', () => {
  it('equal integer weights are the same as repeating the values', () => {
    const x = [3, 1, 4, 1, 5];
    const w = [2, 1, 3, 1, 1];
    const rep = x.flatMap((v, i) => Array<number>(w[i]!).fill(v));
    const ones = rep.map(() => 1);
    expect(weightedMean(x, w)).toBeCloseTo(weightedMean(rep, ones), 12);
    expect(weightedVariance(x, w)).toBeCloseTo(weightedVariance(rep, ones), 12);
    for (const q of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) expect(weightedQuantile(x, w, q)).toBe(weightedQuantile(rep, ones, q));
  });

  it('has textbook values', () => {
    expect(weightedMean([1, 2, 3], [1, 1, 2])).toBe(2.25);
    expect(weightedVariance([1, 2, 3], [1, 1, 2])).toBeCloseTo((1.25 ** 2 + 0.25 ** 2 + 2 * 0.75 ** 2) / 4, 14);
    // Inverse ECDF: the smallest value whose cumulative weight reaches q.
    expect(weightedQuantile([10, 20, 30, 40], [1, 1, 1, 1], 0.5)).toBe(20);
    expect(weightedQuantile([10, 20, 30, 40], [1, 1, 1, 1], 0.51)).toBe(30);
    expect(weightedQuantile([40, 10, 30, 20], [0, 1, 0, 3], 0.3)).toBe(20);
    expect(weightedQuantile([40, 10, 30, 20], [0, 1, 0, 3], 1)).toBe(20); // zero weights are not part of the distribution
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBe(1);
    expect(normaliseWeights([1, 3])).toEqual([0.25, 0.75]);
    const { mean, cov } = weightedCovariance(
      [
        [0, 0],
        [2, 2],
        [2, 0],
      ],
      [1, 1, 2],
    );
    expect(mean).toEqual([1.5, 0.5]);
    expect(cov[0]![0]).toBeCloseTo(0.75, 14);
    expect(cov[1]![1]).toBeCloseTo(0.75, 14);
    expect(cov[0]![1]).toBeCloseTo(0.25, 14);
    expect(cov[1]![0]).toBe(cov[0]![1]);
  });

  it('rejects bad weights and levels', () => {
    expect(() => weightedMean([1, 2], [1, -1])).toThrow(/weights\[1\] must be a finite non-negative number \(got -1\)/);
    expect(() => weightedMean([1, 2], [0, 0])).toThrow(/positive sum/);
    expect(() => weightedMean([1, 2], [1])).toThrow(/same length/);
    expect(() => weightedQuantile([1], [1], 1.5)).toThrow(/quantile level/);
  });
});

describe('resampling', () => {
  const w = [0.5, 0, 0.2, 0.3];

  it('systematic resampling gives each index ⌊n w⌋ or ⌈n w⌉ copies, never a zero-weight one', () => {
    const rng = new Rng('sys');
    for (let rep = 0; rep < 50; rep++) {
      const idx = resampleSystematic(w, 7, rng);
      expect(idx.length).toBe(7);
      for (let i = 0; i < w.length; i++) {
        const c = idx.filter((j) => j === i).length;
        expect(c).toBeGreaterThanOrEqual(Math.floor(7 * w[i]!));
        expect(c).toBeLessThanOrEqual(Math.ceil(7 * w[i]!));
      }
    }
  });

  it('both schemes are unbiased: mean counts over many resamples match n w (chi-square, 1 % level)', () => {
    for (const resample of [resampleSystematic, resampleMultinomial]) {
      const rng = new Rng('unbiased');
      const counts = [0, 0, 0, 0];
      const reps = 2000;
      for (let r = 0; r < reps; r++) for (const i of resample(w, 10, rng)) counts[i]!++;
      expect(counts[1]).toBe(0);
      const total = reps * 10;
      let chi = 0;
      for (const i of [0, 2, 3]) chi += (counts[i]! - total * w[i]!) ** 2 / (total * w[i]!);
      expect(chi).toBeLessThan(9.21); // χ²(2)
    }
  });
});

describe('Cholesky', () => {
  it('factors a positive definite matrix exactly and solves with it', () => {
    const a = [
      [4, 2, 0.4],
      [2, 5, 1],
      [0.4, 1, 3],
    ];
    const { l, jitter } = cholesky(a);
    expect(jitter).toBe(0);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(l[i]!.reduce((s, v, k) => s + v * l[j]![k]!, 0)).toBeCloseTo(a[i]![j]!, 12);
    const x = solveLower(l, multiplyLower(l, [1, -2, 3]));
    expect(x.map((v) => Number(v.toFixed(12)))).toEqual([1, -2, 3]);
  });

  it('adds the smallest jitter that works to a singular matrix', () => {
    const { l, jitter } = cholesky([
      [1, 1],
      [1, 1],
    ]);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-6);
    expect(l[1]![1]).toBeGreaterThan(0);
  });
});

describe('perturbation kernel', () => {
  const parameters = [
    { name: 'x', min: 0, max: 10 },
    { name: 'y', min: 0, max: 1 },
    { name: 'k', min: 0, max: 100, integer: true },
  ];
  const rng = new Rng('kernel');
  const particles = Array.from({ length: 400 }, () => {
    const x = rng.normal(5, 1);
    return [x, 0.5 + 0.05 * (x - 5) + rng.normal(0, 0.02), 50 + Math.round(rng.normal(0, 2))];
  });
  const weights = particles.map((_, i) => 1 + (i % 3));
  const kernel = fitKernel(parameters, particles, weights);

  it('steps with twice the weighted covariance (continuous) and variance (integer)', () => {
    const sampler = kernelSampler(parameters, kernel);
    const centre = [5, 0.5, 50];
    const steps = Array.from({ length: 20000 }, () => sampler.perturb(centre, rng).map((v, i) => v - centre[i]!));
    const { cov: target } = weightedCovariance(particles, weights);
    const { cov } = weightedCovariance(
      steps,
      steps.map(() => 1),
    );
    for (const [i, j] of [
      [0, 0],
      [1, 1],
      [0, 1],
    ] as const) {
      expect(cov[i]![j]! / (2 * target[i]![j]!)).toBeCloseTo(1, 1);
    }
    for (const s of steps) expect(Number.isInteger(s[2])).toBe(true);
    expect(cov[2]![2]! / kernel.sd[0]! ** 2).toBeCloseTo(1, 1);
    expect(kernel.sd[0]! ** 2 / (2 * target[2]![2]!)).toBeCloseTo(1, 6);
  });

  it('lets an integer parameter whose particles agree still move', () => {
    const k = fitKernel([{ name: 'k', min: 0, max: 5, integer: true }], [[2], [2], [2]], [1, 1, 1]);
    expect(k.sd[0]).toBe(MIN_INTEGER_SD);
    const moved = Array.from({ length: 200 }, () => kernelSampler([{ name: 'k', min: 0, max: 5, integer: true }], k).perturb([2], rng)[0]);
    expect(new Set(moved).size).toBeGreaterThan(1);
  });

  it('mixture log-densities match a direct sum of Gaussian densities', () => {
    const centres = particles.slice(0, 5);
    const lw = [0.1, 0.2, 0.3, 0.25, 0.15].map(Math.log);
    const pts = particles.slice(10, 13);
    const got = mixtureLogDensities(parameters, kernel, pts, centres, lw);
    // Direct: continuous part through the explicit inverse covariance of the scaled coordinates.
    const s = [10, 1];
    const l = kernel.chol;
    const cov = [0, 1].map((i) => [0, 1].map((j) => l[i]!.reduce((acc, v, k) => acc + v * l[j]![k]!, 0)));
    const det = cov[0]![0]! * cov[1]![1]! - cov[0]![1]! ** 2;
    const inv = [
      [cov[1]![1]! / det, -cov[0]![1]! / det],
      [-cov[1]![0]! / det, cov[0]![0]! / det],
    ];
    pts.forEach((p, i) => {
      let sum = 0;
      centres.forEach((c, j) => {
        const d = [(p[0]! - c[0]!) / s[0]!, (p[1]! - c[1]!) / s[1]!];
        const q = d[0]! * (inv[0]![0]! * d[0]! + inv[0]![1]! * d[1]!) + d[1]! * (inv[1]![0]! * d[0]! + inv[1]![1]! * d[1]!);
        const dk = p[2]! - c[2]!;
        sum += Math.exp(lw[j]!) * Math.exp(-0.5 * q - (dk * dk) / (2 * kernel.sd[0]! ** 2));
      });
      expect(got[i]).toBeCloseTo(Math.log(sum), 9);
    });
  });
});
