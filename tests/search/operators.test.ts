// SBX, polynomial mutation and gene decoding: bounds, symmetry, distribution shape and round trips.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import {
  decodeGene,
  decodeGenome,
  encodeGene,
  encodeGenome,
  type GeneSpec,
  polynomialMutation,
  sbx,
  validateGenes,
} from '../../src/search/index.js';

describe('simulated binary crossover', () => {
  it('keeps genes in [0, 1]; for parents symmetric about 0.5 the children are too', () => {
    const rng = new Rng('sbx');
    for (let rep = 0; rep < 2000; rep++) {
      const p1 = [rng.next(), rng.next(), rng.next()];
      const p2 = [rng.next(), rng.next(), rng.next()];
      const [c1, c2] = sbx(p1, p2, 15, 1, rng);
      for (let i = 0; i < 3; i++) expect(c1[i]! >= 0 && c1[i]! <= 1 && c2[i]! >= 0 && c2[i]! <= 1).toBe(true);
      // Bounded SBX uses the room to each bound, which is the same on both sides here.
      const d = 0.5 * rng.next();
      const [s1, s2] = sbx([0.5 - d], [0.5 + d], 15, 1, rng);
      expect(s1[0]! + s2[0]!).toBeCloseTo(1, 12);
    }
  });

  it('moves children further from their parents for a small distribution index than for a large one', () => {
    const spread = (eta: number) => {
      const rng = new Rng('spread');
      let s = 0;
      for (let rep = 0; rep < 4000; rep++) {
        const [c1] = sbx([0.4], [0.6], eta, 1, rng);
        s += Math.min(Math.abs(c1[0]! - 0.4), Math.abs(c1[0]! - 0.6));
      }
      return s / 4000;
    };
    expect(spread(2)).toBeGreaterThan(2 * spread(30));
  });

  it('copies the parents with probability 1 − p', () => {
    const [c1, c2] = sbx([0.1, 0.2], [0.8, 0.9], 15, 0, new Rng('x'));
    expect([c1, c2]).toEqual([
      [0.1, 0.2],
      [0.8, 0.9],
    ]);
  });
});

describe('polynomial mutation', () => {
  it('keeps genes in [0, 1], leaves them alone at rate 0 and moves about `rate` of them', () => {
    const rng = new Rng('pm');
    const moved = [0, 0];
    for (let rep = 0; rep < 1000; rep++) {
      const g = [rng.next(), rng.next(), 0, 1];
      const before = g.slice();
      polynomialMutation(g, 20, 0.25, rng);
      for (let i = 0; i < 4; i++) {
        expect(g[i]! >= 0 && g[i]! <= 1).toBe(true);
        if (g[i] !== before[i]) moved[i < 2 ? 0 : 1]!++;
      }
      const h = before.slice();
      polynomialMutation(h, 20, 0, rng);
      expect(h).toEqual(before);
    }
    // Interior genes: Binomial(2000, 0.25), mean 500, sd 19.4. A gene at a bound cannot step
    // outward, which is half of the steps: Binomial(2000, 0.125), mean 250, sd 14.8.
    expect(Math.abs(moved[0]! - 500)).toBeLessThan(4 * 19.4);
    expect(Math.abs(moved[1]! - 250)).toBeLessThan(4 * 14.8);
  });
});

describe('genes', () => {
  const specs: GeneSpec[] = [
    { kind: 'real', name: 'intensity', min: 0.5, max: 2 },
    { kind: 'integer', name: 'start', min: 0, max: 3 },
    { kind: 'categorical', name: 'lever', options: ['matrix', 'tugboats', 'trust'] },
  ];

  it('decodes equal-width intervals, the upper end included in the last', () => {
    expect([0, 0.2499, 0.25, 0.75, 1].map((x) => decodeGene(specs[1]!, x))).toEqual([0, 0, 1, 3, 3]);
    expect([0, 0.34, 0.67, 1].map((x) => decodeGene(specs[2]!, x))).toEqual(['matrix', 'tugboats', 'trust', 'trust']);
    expect(decodeGene(specs[0]!, 0.5)).toBe(1.25);
  });

  it('encodes and decodes back to the same values', () => {
    const values = { intensity: 1.7, start: 2, lever: 'trust' };
    expect(decodeGenome(specs, encodeGenome(specs, values))).toEqual(values);
  });

  it('names the gene and what is allowed in errors', () => {
    expect(() => encodeGene(specs[1]!, 5)).toThrow(/start: found 5; allowed: an integer from 0 to 3/);
    expect(() => encodeGene(specs[2]!, 'x')).toThrow(/lever: found "x"; allowed: matrix, tugboats, trust/);
    expect(() => encodeGenome(specs, { intensity: 1, start: 0 })).toThrow(/lever: missing/);
    expect(() => validateGenes([{ kind: 'integer', name: 'n', min: 0.5, max: 3 }])).toThrow(
      /genes\[0\]\.min: found 0\.5; allowed: a finite integer/,
    );
    expect(() => validateGenes([specs[0]!, specs[0]!])).toThrow(/"intensity" appears twice/);
  });
});
