import { describe, expect, it } from 'vitest';
import { dockLazerFriedman, makeNKLandscape, nkRawScore, runLazerFriedman } from '../../src/docking/lazer-friedman.js';
import { Rng } from '../../src/engine/index.js';

describe('NK landscape', () => {
  const land = makeNKLandscape(12, 3, new Rng('nk'));

  it('the Gray-code enumeration equals the direct score of every solution', () => {
    let maxErr = 0;
    for (let s = 0; s < land.score.length; s++) maxErr = Math.max(maxErr, Math.abs(land.score[s]! * land.rawMax - nkRawScore(land, s)));
    expect(maxErr).toBeLessThan(1e-6); // Float32 storage
  });

  it('is normalised to a global maximum of 1', () => {
    let max = 0;
    for (const v of land.score) max = Math.max(max, v);
    expect(max).toBe(1);
    expect(land.rawMax).toBeGreaterThan(0.5);
  });

  it('each locus depends on itself and K distinct others', () => {
    for (let i = 0; i < land.n; i++) {
      const nb = Array.from(land.loci.subarray(i * 4, i * 4 + 4));
      expect(nb[0]).toBe(i);
      expect(new Set(nb).size).toBe(4);
    }
  });
});

describe('Lazer and Friedman (2007) model', () => {
  it('is deterministic and shares the landscape when asked', () => {
    const a = runLazerFriedman({ network: 'ring', rounds: 30 }, 's');
    const b = runLazerFriedman({ network: 'ring', rounds: 30, landscape: a.landscape }, 's');
    expect(Array.from(b.performance)).toEqual(Array.from(a.performance));
  });

  it('a fully connected network collapses onto one solution; a ring keeps diversity longer', () => {
    const full = runLazerFriedman({ network: 'full', rounds: 20 }, 'div');
    const ring = runLazerFriedman({ network: 'ring', rounds: 20, landscape: full.landscape }, 'div');
    expect(full.distinct[0]).toBe(ring.distinct[0]); // same starting solutions
    expect(full.distinct[20]).toBe(1);
    expect(ring.distinct[20]!).toBeGreaterThan(3);
  });

  it('performance never falls: agents only copy better solutions or keep improvements', () => {
    const r = runLazerFriedman({ network: 'random', degree: 4, rounds: 50 }, 'mono');
    // Each agent's own score is non-decreasing, so the mean of a monotone transform is too.
    for (let t = 1; t <= 50; t++) expect(r.performance[t]!).toBeGreaterThanOrEqual(r.performance[t - 1]! - 1e-12);
  });

  it('published result: full network ahead early, ring ahead in the long run', () => {
    const r = dockLazerFriedman();
    expect(r.figures.earlyFull - r.figures.earlyRing).toBeGreaterThanOrEqual(0.05);
    expect(r.figures.earlyP).toBeLessThan(0.001);
    expect(r.figures.lateRing - r.figures.lateFull).toBeGreaterThanOrEqual(0.05);
    expect(r.figures.lateP).toBeLessThan(0.001);
    expect(r.pass).toBe(true);
  });
});
