import { describe, expect, it } from 'vitest';
import { BASS_TOLERANCE, bassF, bassMeanCurve, dockBass, runBass } from '../../src/docking/bass.js';

describe('Bass (1969) diffusion', () => {
  it('the analytic curve starts at 0, tends to 1 and has its steepest point at ln(q/p)/(p+q)', () => {
    const p = 0.03;
    const q = 0.38;
    expect(bassF(0, p, q)).toBe(0);
    expect(bassF(200, p, q)).toBeCloseTo(1, 12);
    const peak = Math.log(q / p) / (p + q);
    const slope = (t: number) => (bassF(t + 1e-4, p, q) - bassF(t - 1e-4, p, q)) / 2e-4;
    expect(slope(peak)).toBeGreaterThan(slope(peak - 0.5));
    expect(slope(peak)).toBeGreaterThan(slope(peak + 0.5));
    // and satisfies dF/dt = (p + qF)(1 - F)
    const F = bassF(5, p, q);
    expect(slope(5)).toBeCloseTo((p + q * F) * (1 - F), 6);
  });

  it('a single run is monotone and deterministic', () => {
    const a = runBass({ n: 2000 }, 's');
    for (let k = 1; k < a.adopted.length; k++) expect(a.adopted[k]!).toBeGreaterThanOrEqual(a.adopted[k - 1]!);
    expect(runBass({ n: 2000 }, 's').adopted).toEqual(a.adopted);
  });

  it('published result: the mean agent-based curve matches F(t) within 0.03', () => {
    const r = dockBass();
    expect(r.figures.maxAbsDiff).toBeLessThan(BASS_TOLERANCE);
    expect(r.figures.wrongModelDiff).toBeGreaterThan(0.1);
    expect(r.pass).toBe(true);
  });

  it('the check can fail: a coarse time step (dt = 0.5) misses the tolerance', () => {
    expect(bassMeanCurve({ dt: 0.5 }, [1, 2, 3]).maxAbsDiff).toBeGreaterThan(BASS_TOLERANCE);
  });
});
