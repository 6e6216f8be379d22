import { describe, expect, it } from 'vitest';
import { dockGranovetter, perturbedUniform, runGranovetter } from '../../src/docking/granovetter.js';

describe('Granovetter (1978) threshold model', () => {
  it('uniform thresholds 0..99: everyone acts, one more per step', () => {
    const r = runGranovetter({ n: 100 });
    expect(r.final).toBe(100);
    expect(r.steps).toBe(100);
    expect(Array.from(r.path)).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it('moving the threshold-1 person to 2 stops the cascade at the first actor', () => {
    const t = perturbedUniform(100);
    expect(t[1]).toBe(2);
    const r = runGranovetter({ thresholds: t });
    expect(r.final).toBe(1);
    expect(Array.from(r.path)).toEqual([0, 1]);
  });

  it('nobody acts without an instigator; unreachable thresholds never act', () => {
    expect(runGranovetter({ thresholds: [1, 1, 2] }).final).toBe(0);
    expect(runGranovetter({ thresholds: [0, 1, 5, 9] }).final).toBe(2);
  });

  it('drawn thresholds depend on the seed only', () => {
    const a = runGranovetter({ distribution: 'normal', sd: 13 }, 'x');
    expect(runGranovetter({ distribution: 'normal', sd: 13 }, 'x')).toEqual(a);
  });

  it('published result, plus the normal-threshold tipping point around sd 12.2', () => {
    const r = dockGranovetter();
    expect(r.figures.uniform).toBe(100);
    expect(r.figures.perturbed).toBe(1);
    expect(r.figures.normalNarrow).toBeLessThan(10);
    expect(r.figures.normalWide).toBeGreaterThan(80);
    expect(r.pass).toBe(true);
  });
});
