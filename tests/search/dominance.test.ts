// Constrained domination, non-dominated sorting and crowding distance: hand examples and invariants on random sets.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import {
  constrainedDominates,
  crowdingDistance,
  nonDominatedSort,
  paretoDominates,
  type Scored,
  selectSurvivors,
} from '../../src/search/index.js';

const pt = (objectives: number[], violation = 0): Scored => ({ objectives, violation });

describe('dominance', () => {
  it('Pareto dominance needs no worse everywhere and better somewhere', () => {
    expect(paretoDominates([1, 2], [2, 2])).toBe(true);
    expect(paretoDominates([1, 2], [1, 2])).toBe(false);
    expect(paretoDominates([1, 3], [2, 2])).toBe(false);
  });

  it('constrained domination: feasible beats infeasible, less violation beats more, else Pareto', () => {
    expect(constrainedDominates(pt([9, 9]), pt([0, 0], 0.1))).toBe(true);
    expect(constrainedDominates(pt([0, 0], 0.1), pt([9, 9]))).toBe(false);
    expect(constrainedDominates(pt([9, 9], 0.1), pt([0, 0], 0.2))).toBe(true);
    expect(constrainedDominates(pt([0, 0], 0.2), pt([9, 9], 0.2))).toBe(false);
    expect(constrainedDominates(pt([1, 1]), pt([2, 2]))).toBe(true);
  });
});

describe('non-dominated sorting', () => {
  it('sorts a hand example into fronts, infeasible points last by violation', () => {
    const points = [pt([1, 4]), pt([2, 2]), pt([4, 1]), pt([3, 3]), pt([5, 5]), pt([0, 0], 1), pt([0, 0], 0.5)];
    expect(nonDominatedSort(points)).toEqual([[0, 1, 2], [3], [4], [6], [5]]);
  });

  it('every point is dominated by one of the previous front and by none of its own or later fronts (random sets)', () => {
    const rng = new Rng('nds');
    for (let rep = 0; rep < 20; rep++) {
      const points = Array.from({ length: 60 }, () => pt([rng.int(6), rng.int(6), rng.int(6)], rng.next() < 0.2 ? rng.int(3) : 0));
      const fronts = nonDominatedSort(points);
      expect(fronts.flat().sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
      fronts.forEach((front, r) => {
        const laterOrSame = fronts.slice(r).flat();
        for (const i of front) {
          for (const j of laterOrSame) expect(constrainedDominates(points[j]!, points[i]!)).toBe(false);
          if (r > 0) expect(fronts[r - 1]!.some((j) => constrainedDominates(points[j]!, points[i]!))).toBe(true);
        }
      });
    }
  });

  it('refuses a relation with a cycle', () => {
    // Rock, paper, scissors.
    const points = [pt([0]), pt([1]), pt([2])];
    expect(() => nonDominatedSort(points, (a, b) => (a.objectives[0]! + 1) % 3 === b.objectives[0])).toThrow(/cycle/);
  });
});

describe('crowding distance', () => {
  it('gives the extremes Infinity and the others the normalised sum of neighbour gaps', () => {
    const points = [pt([0, 4]), pt([1, 2]), pt([3, 1]), pt([4, 0])];
    const d = crowdingDistance(points, [0, 1, 2, 3]);
    expect(d[0]).toBe(Number.POSITIVE_INFINITY);
    expect(d[3]).toBe(Number.POSITIVE_INFINITY);
    expect(d[1]).toBeCloseTo((3 - 0) / 4 + (4 - 1) / 4, 12);
    expect(d[2]).toBeCloseTo((4 - 1) / 4 + (2 - 0) / 4, 12);
  });

  it('survival keeps whole fronts, then the least crowded of the last one', () => {
    const points = [pt([0, 10]), pt([1, 9]), pt([1.1, 8.9]), pt([5, 5]), pt([10, 0]), pt([6, 6])];
    // Front 0 = 0..4 (5 points), keep 4: (1, 9) has the closest neighbours, (0, 10) and (1.1, 8.9):
    // crowding 0.11 + 0.11, against 0.4 + 0.4 for (1.1, 8.9).
    expect(selectSurvivors(points, 4).sort()).toEqual([0, 2, 3, 4]);
    expect(selectSurvivors(points, 6).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
