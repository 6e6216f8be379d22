import { describe, expect, it } from 'vitest';
import { morris, morrisAnalyze, morrisCost, morrisDesign } from '../../src/analysis/morris.js';
import { Rng } from '../../src/engine/rng.js';
import { G_A, gFunction, ishigami } from './functions.js';

describe('Morris design', () => {
  it('moves one factor at a time by ±Δ on the p-level grid, each factor once per trajectory', () => {
    for (const levels of [2, 4, 6]) {
      const k = 5;
      const r = 40;
      const d = morrisDesign(k, { trajectories: r, levels, seed: `grid-${levels}` });
      const delta = levels / (2 * (levels - 1));
      expect(d.delta).toBeCloseTo(delta, 12);
      expect(d.points.length).toBe(morrisCost(k, r) * k);
      const seenLevels = new Set<number>();
      for (const v of d.points) {
        const level = v * (levels - 1);
        expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-9);
        expect(v >= 0 && v <= 1).toBe(true);
        seenLevels.add(Math.round(level));
      }
      expect(seenLevels.size).toBe(levels);
      for (let t = 0; t < r; t++) {
        const moved = new Set<number>();
        for (let s = 0; s < k; s++) {
          const a = d.points.subarray((t * (k + 1) + s) * k, (t * (k + 1) + s + 1) * k);
          const b = d.points.subarray((t * (k + 1) + s + 1) * k, (t * (k + 1) + s + 2) * k);
          const diff = Array.from(a, (v, i) => b[i]! - v);
          const changed = diff.flatMap((v, i) => (Math.abs(v) > 1e-12 ? [i] : []));
          expect(changed).toEqual([d.changed[t * k + s]]);
          expect(Math.abs(Math.abs(diff[changed[0]!]!) - delta)).toBeLessThan(1e-12);
          moved.add(changed[0]!);
        }
        expect(moved.size).toBe(k);
      }
    }
  });

  it('is a pure function of its seed', () => {
    const a = morrisDesign(3, { trajectories: 5, seed: 'a' });
    expect(morrisDesign(3, { trajectories: 5, seed: 'a' })).toEqual(a);
    expect(morrisDesign(3, { trajectories: 5, seed: 'b' }).points).not.toEqual(a.points);
  });

  it('rejects odd levels and single trajectories', () => {
    expect(() => morrisDesign(3, { trajectories: 5, levels: 3, seed: 1 })).toThrow(/even/);
    expect(() => morrisDesign(3, { trajectories: 1, seed: 1 })).toThrow(/trajectories/);
  });
});

describe('Morris measures', () => {
  it('give μ = coefficient, μ* = |coefficient| and σ = 0 for a linear function', () => {
    const c = [5, -3, 0.5, 0];
    const r = morris((x) => c.reduce((s, ci, i) => s + ci * x[i]!, 0), 4, { trajectories: 6, seed: 'linear' });
    for (let i = 0; i < 4; i++) {
      expect(r.mu[i]).toBeCloseTo(c[i]!, 9);
      expect(r.muStar[i]).toBeCloseTo(Math.abs(c[i]!), 9);
      expect(r.sigma[i]).toBeCloseTo(0, 9);
      expect(r.muStarCi[i]!.lo).toBeCloseTo(Math.abs(c[i]!), 9);
    }
  });

  it('rank the factors of the g-function in the order of their importance', () => {
    const r = morris(gFunction, G_A.length, { trajectories: 30, levels: 4, seed: 'g' });
    const order = Array.from(r.muStar.keys()).sort((a, b) => r.muStar[b]! - r.muStar[a]!);
    expect(order.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(Math.max(r.muStar[4]!, r.muStar[5]!)).toBeLessThan(r.muStar[3]! / 4);
  });

  it('separate linear, non-monotonic and interacting factors', () => {
    // x1 linear; x2 and x3 only interact; x4 enters as a symmetric bump (effects of both signs).
    const f = (x: Float64Array) => 2 * x[0]! + 3 * x[1]! * x[2]! + 4 * (x[3]! - 0.5) ** 2;
    const r = morris(f, 4, { trajectories: 40, levels: 4, seed: 'shapes' });
    expect(r.sigma[0]).toBeCloseTo(0, 9);
    expect(r.sigma[1]).toBeGreaterThan(0.5);
    expect(r.sigma[2]).toBeGreaterThan(0.5);
    // With 4 levels every effect of x4 is ±4/3: μ* sees them all, μ lets them cancel.
    expect(r.muStar[3]).toBeCloseTo(4 / 3, 9);
    expect(Math.abs(r.mu[3]!)).toBeLessThan(0.5 * r.muStar[3]!);
  });

  it('show the Ishigami function: x3 matters only through x1 (μ ≈ 0 < μ* < σ)', () => {
    const r = morris(ishigami, 3, { trajectories: 50, seed: 'ishigami' });
    expect(Math.abs(r.mu[2]!)).toBeLessThan(0.2 * r.muStar[2]!);
    expect(r.sigma[2]!).toBeGreaterThan(r.muStar[2]!);
    for (let i = 0; i < 3; i++) {
      expect(r.muStarCi[i]!.lo).toBeLessThanOrEqual(r.muStar[i]!);
      expect(r.muStarCi[i]!.hi).toBeGreaterThanOrEqual(r.muStar[i]!);
    }
  });

  it('check the number of outputs', () => {
    const d = morrisDesign(2, { trajectories: 3, seed: 1 });
    expect(() => morrisAnalyze(d, new Float64Array(4))).toThrow(/expected 9 outputs/);
  });

  it('measure the part of an elementary effect that is replicate noise, leaving out noise shared by all points', () => {
    // f_r(x) = 2 x1 + x2 + 0.5 (z_r + w_r(x)): only w differs between points, so an effect's noise
    // has standard deviation sqrt(2) 0.5 / (Δ sqrt(R)).
    const k = 2;
    const R = 4;
    const d = morrisDesign(k, { trajectories: 200, levels: 4, seed: 'noise' });
    const rows = d.points.length / k;
    const rng = new Rng('morris-noise');
    const z = Array.from({ length: R }, () => 3 * rng.normal());
    const raw = new Float64Array(rows * R);
    const y = new Float64Array(rows);
    for (let row = 0; row < rows; row++)
      for (let r = 0; r < R; r++) {
        raw[row * R + r] = 2 * d.points[row * k]! + d.points[row * k + 1]! + 0.5 * (z[r]! + rng.normal());
        y[row] = y[row]! + raw[row * R + r]! / R;
      }
    const res = morrisAnalyze(d, y, { replicates: { raw, replicates: R }, bootstrap: 0 });
    const expected = (Math.SQRT2 * 0.5) / (d.delta * Math.sqrt(R));
    for (let i = 0; i < k; i++) expect(res.effectNoise![i]! / expected).toBeCloseTo(1, 1);
    expect(res.mu[0]).toBeCloseTo(2, 0);
    expect(morrisAnalyze(d, y, { bootstrap: 0 }).effectNoise).toBeNull();
  });
});
