import { describe, expect, it } from 'vitest';
import { dockMarch, runMarch } from '../../src/docking/march.js';

describe('March (1991) model', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = runMarch({}, 'm1');
    const b = runMarch({}, 'm1');
    const c = runMarch({}, 'm2');
    expect(b.knowledge).toBe(a.knowledge);
    expect(Array.from(b.trajectory)).toEqual(Array.from(a.trajectory));
    expect(Array.from(c.trajectory)).not.toEqual(Array.from(a.trajectory));
  });

  it('starts from an empty code and reaches the absorbing equilibrium', () => {
    const r = runMarch({ p1: 0.5, p2: 0.5 }, 7);
    expect(r.trajectory[0]).toBe(0); // the code holds no beliefs at first
    expect(r.trajectory.length).toBe(r.periods + 1);
    expect(r.equilibrium).toBe(true);
    expect(r.trajectory[r.periods]).toBe(r.knowledge);
    // At equilibrium everyone agrees with the code wherever it holds a belief, so no one can beat it.
    expect(r.individualKnowledge).toBeLessThanOrEqual(r.knowledge + 1e-12);
  });

  it('a code that never learns (p2 = 0) knows nothing', () => {
    const r = runMarch({ p2: 0 }, 3);
    expect(r.knowledge).toBe(0);
    expect(r.equilibrium).toBe(false); // superior individuals remain, nothing changes: capped
  });

  it('rejects unknown or out-of-range parameters', () => {
    expect(() => runMarch({ p1: 1.5 })).toThrow(/p1/);
    expect(() => runMarch({ q: 1 } as never)).toThrow(/unknown parameter "q"/);
  });

  it('published result: slow socialisation (p1 = 0.1) beats fast (p1 = 0.9) at equilibrium', () => {
    const r = dockMarch();
    expect(r.replicates).toBe(60);
    expect(r.figures.slow).toBeGreaterThan(0.8);
    expect(r.figures.fast).toBeLessThan(0.75);
    expect(r.figures.diff).toBeGreaterThanOrEqual(0.05);
    expect(r.figures.ciLow).toBeGreaterThan(0);
    expect(r.figures.p).toBeLessThan(0.001);
    expect(r.pass).toBe(true);
  });

  it('equilibrium knowledge falls as p1 rises (March, Figure 1)', () => {
    const mean = (p1: number) => {
      let s = 0;
      for (let r = 0; r < 40; r++) s += runMarch({ p1, p2: 0.5 }, `mono:${r}`).knowledge;
      return s / 40;
    };
    const k = [0.1, 0.3, 0.5, 0.9].map(mean);
    for (let i = 1; i < k.length; i++) expect(k[i]!).toBeLessThan(k[i - 1]!);
  });
});
