// PRIM on a synthetic data set with a known box, its trajectory's invariants, pasting, choice rules and restriction tests.
import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  boxStats,
  chooseStep,
  type Dataset,
  inBox,
  type PrimStep,
  prim,
  primPaste,
  primPeel,
  restrictedColumns,
} from '../../src/discovery/index.js';
import { synthetic, trueBox } from './synthetic.js';

const data = synthetic(2000, 'prim');
const truth = boxStats(data, trueBox(data));
const names = (d: Dataset, cols: readonly number[]) => cols.map((j) => d.columns[j]!.name);

describe('PRIM recovers a known box', () => {
  const result = prim(data);
  const { box, stats } = result.box;

  it('restricts exactly x1, x2 and mechanism, with bounds within 0.05 of the truth', () => {
    expect(names(data, result.box.restricted)).toEqual(['x1', 'x2', 'mechanism']);
    const [x1, x2] = box.limits;
    if (x1?.kind !== 'numeric' || x2?.kind !== 'numeric') throw new Error('numeric limits expected');
    expect(Math.abs(x1.lo - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(x1.hi - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(x2.hi - 0.5)).toBeLessThan(0.05);
    expect(box.limits[6]).toEqual({ kind: 'categorical', levels: [0, 1] });
  });

  it('reports coverage and density within 0.05 of the true box’s', () => {
    expect(Math.abs(stats.coverage - truth.coverage)).toBeLessThan(0.05);
    expect(Math.abs(stats.density - truth.density)).toBeLessThan(0.05);
    expect(stats).toEqual(boxStats(data, box));
  });

  it('finds every restriction significant (quasi-p-value < 1e-6)', () => {
    expect(result.restrictions.map((r) => r.name)).toEqual(['x1', 'x2', 'mechanism']);
    for (const r of result.restrictions) {
      expect(r.pValue).toBeLessThan(1e-6);
      expect(r.densityWithout).toBeLessThan(stats.density);
      expect(r.coverageWithout).toBeGreaterThanOrEqual(stats.coverage);
    }
  });

  it('peels a trajectory whose mass and coverage never grow, ending at the minimum mass', () => {
    const t = result.trajectory;
    expect(t[0]!.stats.coverage).toBe(1);
    expect(t[0]!.restricted).toEqual([]);
    for (let i = 1; i < t.length; i++) {
      expect(t[i]!.stats.n).toBeLessThan(t[i - 1]!.stats.n);
      expect(t[i]!.stats.coverage).toBeLessThanOrEqual(t[i - 1]!.stats.coverage);
      expect(t[i]!.stats.mass).toBeGreaterThanOrEqual(0.05);
    }
    // One more peel of about 5 % would go below the minimum mass.
    expect(t.at(-1)!.stats.mass).toBeLessThan(0.05 / 0.9);
    expect(t.at(-1)!.stats.density).toBeGreaterThan(t[0]!.stats.density);
  });

  it('is deterministic', () => {
    expect(prim(data)).toEqual(result);
  });
});

describe('PRIM pasting', () => {
  it('widens a limit while the rows beyond it are denser than the box', () => {
    // x1 in [0.3, 0.7] instead of [0.2, 0.6]: the box holds a sparse strip (0.6, 0.7] and misses
    // the dense strip [0.2, 0.3), so extending the lower limit raises the density until 0.2.
    const limits = trueBox(data).limits.slice();
    limits[0] = { kind: 'numeric', lo: 0.3, hi: 0.7 };
    const start = { limits };
    const before = boxStats(data, start);
    const pasted = primPaste(data, start);
    expect(pasted.stats.density).toBeGreaterThan(before.density + 0.03);
    expect(pasted.stats.coverage).toBeGreaterThan(before.coverage + 0.1);
    const [x1] = pasted.box.limits;
    if (x1?.kind !== 'numeric') throw new Error('numeric limit expected');
    expect(Math.abs(x1.lo - 0.2)).toBeLessThan(0.05);
  });
});

describe('PRIM details', () => {
  it('peels all rows at an extreme value when ties leave nothing below the quantile', () => {
    const values = [...Array<number>(90).fill(0), ...Array.from({ length: 10 }, (_, i) => i + 1)];
    const d: Dataset = { columns: [{ kind: 'numeric', name: 'v', values, integer: true }], y: values.map((v) => (v > 0 ? 1 : 0)) };
    const t = primPeel(d, { alpha: 0.05, minMass: 0.05 });
    expect(t[1]!.stats.n).toBe(10);
    expect(t[1]!.box.limits[0]).toEqual({ kind: 'numeric', lo: 1, hi: 10 });
    expect(t[1]!.stats.density).toBe(1);
  });

  it('works with shares of failures as the outcome', () => {
    const shares: Dataset = { columns: data.columns, y: data.y.map((v, i) => (v + (inBox(data, trueBox(data), i) ? 1 : 0)) / 2) };
    const r = prim(shares);
    expect(names(shares, r.box.restricted)).toEqual(['x1', 'x2', 'mechanism']);
  });

  it('chooses steps by the stated rules', () => {
    const step = (coverage: number, density: number): PrimStep => ({
      box: { limits: [] },
      stats: { n: 1, interest: 1, coverage, density, mass: 1 },
      restricted: [],
    });
    const t = [step(1, 0.2), step(0.9, 0.6), step(0.8, 0.8), step(0.5, 0.95)];
    expect(chooseStep(t, { kind: 'balanced' })).toBe(2);
    expect(chooseStep(t, { kind: 'minDensity', value: 0.7 })).toBe(2);
    expect(chooseStep(t, { kind: 'minDensity', value: 0.99 })).toBe(3);
    expect(chooseStep(t, { kind: 'minCoverage', value: 0.85 })).toBe(1);
    expect(chooseStep(t, { kind: 'index', value: 3 })).toBe(3);
    expect(() => chooseStep(t, { kind: 'index', value: 4 })).toThrow(/choose\.value: found 4; allowed: a step from 0 to 3/);
  });

  it('binomial upper tail matches a direct sum', () => {
    const choose = (n: number, k: number) => {
      let c = 1;
      for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
      return c;
    };
    for (const [k, n, p] of [
      [3, 10, 0.2],
      [7, 12, 0.5],
      [0, 5, 0.3],
      [6, 5, 0.3],
    ] as const) {
      let direct = 0;
      for (let j = k; j <= n; j++) direct += choose(n, j) * p ** j * (1 - p) ** (n - j);
      expect(binomialUpperTail(k, n, p)).toBeCloseTo(direct, 10);
    }
  });

  it('rejects bad options and data with messages that name the field', () => {
    expect(() => prim(data, { alpha: 0 })).toThrow(/alpha: found 0; allowed: a number in \(0, 1\)/);
    expect(() => prim({ columns: data.columns, y: data.y.map(() => 2) })).toThrow(/data\.y\[0\]: found 2; allowed: a number in \[0, 1\]/);
    expect(() => prim({ columns: [{ kind: 'numeric', name: 'a', values: [1, Number.NaN] }], y: [0, 1] })).toThrow(
      /data\.columns\[0\]\.values\[1\] \(a\): found NaN; allowed: a finite number/,
    );
    expect(() => prim({ columns: [{ kind: 'categorical', name: 'c', values: [0, 2], levels: ['p', 'q'] }], y: [0, 1] })).toThrow(
      /allowed: a level code from 0 to 1/,
    );
  });

  it('a box that restricts nothing restricts no column', () => {
    expect(restrictedColumns(data, primPeel(data)[0]!.box)).toEqual([]);
  });
});
