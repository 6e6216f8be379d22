// The exact hypervolume against hand-computed unions of boxes, closed forms and a Monte Carlo estimate.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { hypervolume } from '../../src/search/index.js';

/** Monte Carlo estimate of the dominated share of [0, ref]^m, with its standard error. */
function monteCarlo(points: number[][], ref: number[], draws: number, rng: Rng): { value: number; se: number } {
  let hits = 0;
  for (let i = 0; i < draws; i++) {
    const u = ref.map((r) => rng.next() * r);
    if (points.some((p) => p.every((v, k) => v <= u[k]!))) hits++;
  }
  const vol = ref.reduce((a, b) => a * b, 1);
  const p = hits / draws;
  return { value: p * vol, se: Math.sqrt((p * (1 - p)) / draws) * vol };
}

describe('hypervolume', () => {
  it('is the area of a union of rectangles in two dimensions', () => {
    expect(hypervolume([[1, 1]], [3, 3])).toBe(4);
    // Staircase: (1,3), (2,2), (3,1) against (4,4): 3·1 + 2·1 + 1·1 … = 6
    expect(
      hypervolume(
        [
          [1, 3],
          [2, 2],
          [3, 1],
        ],
        [4, 4],
      ),
    ).toBe(6);
    // Dominated and duplicate points add nothing; points outside the reference are ignored.
    expect(
      hypervolume(
        [
          [1, 3],
          [2, 2],
          [3, 1],
          [3, 3],
          [2, 2],
          [5, 0],
        ],
        [4, 4],
      ),
    ).toBe(6);
    expect(hypervolume([], [1, 1])).toBe(0);
  });

  it('is the volume of a union of boxes in three dimensions', () => {
    expect(hypervolume([[0, 0, 0]], [1, 2, 3])).toBe(6);
    // Two unit-offset cubes of side 2 overlapping in a 1×1×1 corner… against (2,2,2): 1 + 1 … by inclusion–exclusion.
    const pts = [
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    // Each box is 2×1×1 = 2; pairwise intersections are 1×1×1 = 1; the triple intersection is 1.
    expect(hypervolume(pts, [2, 2, 2])).toBe(3 * 2 - 3 * 1 + 1);
  });

  it('matches the closed form of continuous fronts (ZDT1, DTLZ2) as the sample grows', () => {
    const zdt1 = Array.from({ length: 20001 }, (_, i) => [i / 20000, 1 - Math.sqrt(i / 20000)]);
    expect(hypervolume(zdt1, [1.1, 1.1])).toBeCloseTo(0.1 + 2 / 3 + 0.11, 4);
    const sphere: number[][] = [];
    const k = 60;
    for (let i = 0; i <= k; i++) {
      for (let j = 0; j <= k; j++) {
        const a = ((i / k) * Math.PI) / 2;
        const b = ((j / k) * Math.PI) / 2;
        sphere.push([Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b), Math.sin(a)]);
      }
    }
    const exact = 1.1 ** 3 - Math.PI / 6;
    const hv = hypervolume(sphere, [1.1, 1.1, 1.1]);
    expect(hv).toBeLessThan(exact);
    expect(hv / exact).toBeGreaterThan(0.98);
  });

  it('agrees with a Monte Carlo estimate for random sets in three and four dimensions (|z| < 4)', () => {
    const rng = new Rng('hv');
    for (const m of [3, 4]) {
      const pts = Array.from({ length: 30 }, () => {
        // Points near a simplex so that many are non-dominated.
        const x = Array.from({ length: m }, () => rng.next());
        const s = x.reduce((a, b) => a + b, 0);
        return x.map((v) => (v / s) * (0.8 + 0.4 * rng.next()));
      });
      const ref = new Array<number>(m).fill(1.2);
      const exact = hypervolume(pts, ref);
      const mc = monteCarlo(pts, ref, 40000, rng);
      expect(Math.abs(exact - mc.value) / mc.se).toBeLessThan(4);
    }
  });

  it('does not depend on the order of the points', () => {
    const rng = new Rng('order');
    const pts = Array.from({ length: 40 }, () => [rng.next(), rng.next(), rng.next()]);
    const a = hypervolume(pts, [1, 1, 1]);
    expect(hypervolume(pts.slice().reverse(), [1, 1, 1])).toBeCloseTo(a, 12);
  });

  it('rejects points of the wrong dimension', () => {
    expect(() => hypervolume([[1, 2, 3]], [4, 4])).toThrow(/point 0 has 3 objectives; the reference has 2/);
  });
});
