import { describe, expect, it } from 'vitest';
import { clusterOpinions, DEFFUANT_BOUNDS, dockDeffuant, runDeffuant } from '../../src/docking/deffuant.js';

describe('Deffuant et al. (2000) bounded confidence', () => {
  it('clusters split at gaps of tol or more', () => {
    const c = clusterOpinions([0.5, 0.1, 0.1004, 0.9, 0.5002], 1e-3);
    expect(Array.from(c.sizes)).toEqual([2, 2, 1]);
    expect(c.positions[0]).toBeCloseTo(0.1002, 10);
  });

  it('meetings conserve the mean opinion and end in frozen clusters', () => {
    const r = runDeffuant({ n: 400, d: 0.2 }, 'c');
    expect(r.converged).toBe(true);
    let s = 0;
    for (const x of r.opinions) s += x;
    const init = runDeffuant({ n: 400, d: 0.2, maxSweeps: 1, mu: 0 }, 'c'); // mu = 0: nobody moves
    let s0 = 0;
    for (const x of init.opinions) s0 += x;
    expect(s).toBeCloseTo(s0, 9);
    const gaps = Float64Array.from(r.positions);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]! - gaps[i - 1]!).toBeGreaterThanOrEqual(0.2);
  });

  it('large bounds give consensus', () => {
    const r = runDeffuant({ d: 0.5 }, 'cons');
    expect(r.clusters).toBe(1);
    expect(r.positions[0]).toBeGreaterThan(0.4);
    expect(r.positions[0]).toBeLessThan(0.6);
  });

  it('published result: fewer clusters as d rises, about floor(1/(2d))', () => {
    const r = dockDeffuant();
    const major = DEFFUANT_BOUNDS.map((d) => r.figures[`major@${d}`]!);
    for (let i = 1; i < major.length - 1; i++) expect(major[i]!).toBeLessThan(major[i - 1]!);
    expect(major[4]!).toBeLessThanOrEqual(major[3]!);
    expect(major[0]!).toBeGreaterThanOrEqual(8); // rule: 10
    expect(major[1]!).toBeGreaterThanOrEqual(4); // rule: 5
    expect(major[2]).toBeCloseTo(2, 0);
    expect(major[4]).toBe(1);
    expect(r.pass).toBe(true);
  });
});
