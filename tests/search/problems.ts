// Standard test problems with known Pareto fronts: ZDT1–3 (Zitzler, Deb and Thiele 2000), DTLZ2
// (Deb, Thiele, Laumanns and Zitzler 2002) and CONSTR (Deb 2001, §14.1), each with a dense sample
// of its true front for the reference hypervolume.
import type { Evaluation } from '../../src/search/index.js';

export interface Problem {
  readonly name: string;
  readonly genes: number;
  readonly objectives: number;
  readonly evaluate: (x: readonly number[]) => Evaluation;
  /** Points on the true Pareto front (dense). */
  readonly front: () => number[][];
}

function zdtG(x: readonly number[]): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += x[i]!;
  return 1 + (9 * s) / (x.length - 1);
}

function line(n: number, f: (t: number) => number[]): number[][] {
  return Array.from({ length: n }, (_, i) => f(i / (n - 1)));
}

/** The non-dominated points of a two-objective sample (ZDT3's front is the non-dominated part of a curve), by a sweep over f1. */
function nonDominated(points: number[][]): number[][] {
  const sorted = points.slice().sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  const out: number[][] = [];
  let best = Number.POSITIVE_INFINITY;
  for (const p of sorted) {
    if (p[1]! < best) {
      out.push(p);
      best = p[1]!;
    }
  }
  return out;
}

export const ZDT1: Problem = {
  name: 'ZDT1',
  genes: 30,
  objectives: 2,
  evaluate: (x) => {
    const g = zdtG(x);
    return { objectives: [x[0]!, g * (1 - Math.sqrt(x[0]! / g))] };
  },
  front: () => line(100001, (t) => [t, 1 - Math.sqrt(t)]),
};

export const ZDT2: Problem = {
  name: 'ZDT2',
  genes: 30,
  objectives: 2,
  evaluate: (x) => {
    const g = zdtG(x);
    return { objectives: [x[0]!, g * (1 - (x[0]! / g) ** 2)] };
  },
  front: () => line(100001, (t) => [t, 1 - t * t]),
};

export const ZDT3: Problem = {
  name: 'ZDT3',
  genes: 30,
  objectives: 2,
  evaluate: (x) => {
    const g = zdtG(x);
    const r = x[0]! / g;
    return { objectives: [x[0]!, g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * x[0]!))] };
  },
  front: () => nonDominated(line(100001, (t) => [t, 1 - Math.sqrt(t) - t * Math.sin(10 * Math.PI * t)])),
};

export const DTLZ2: Problem = {
  name: 'DTLZ2',
  genes: 12,
  objectives: 3,
  evaluate: (x) => {
    let g = 0;
    for (let i = 2; i < x.length; i++) g += (x[i]! - 0.5) ** 2;
    const a = (x[0]! * Math.PI) / 2;
    const b = (x[1]! * Math.PI) / 2;
    return { objectives: [(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)] };
  },
  front: () => [],
};

/** CONSTR: minimise x1 and (1 + x2) / x1 with x1 ∈ [0.1, 1], x2 ∈ [0, 5], x2 + 9 x1 ≥ 6, −x2 + 9 x1 ≥ 1. */
export const CONSTR: Problem = {
  name: 'CONSTR',
  genes: 2,
  objectives: 2,
  evaluate: (g) => {
    const x1 = 0.1 + 0.9 * g[0]!;
    const x2 = 5 * g[1]!;
    const violation = Math.max(0, 6 - (x2 + 9 * x1)) + Math.max(0, 1 - (-x2 + 9 * x1));
    return { objectives: [x1, (1 + x2) / x1], violation };
  },
  // For x1 ∈ [7/18, 2/3] the front follows x2 = 6 − 9 x1; for x1 ∈ [2/3, 1] it has x2 = 0.
  front: () => [
    ...line(50001, (t) => {
      const x1 = 7 / 18 + t * (2 / 3 - 7 / 18);
      return [x1, (7 - 9 * x1) / x1];
    }),
    ...line(50001, (t) => {
      const x1 = 2 / 3 + t / 3;
      return [x1, 1 / x1];
    }),
  ],
};
