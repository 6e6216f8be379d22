import { describe, expect, it } from 'vitest';
import { dockFangLeeSchilling, runFangLeeSchilling } from '../../src/docking/fang-lee-schilling.js';

describe('Fang, Lee and Schilling (2010) model', () => {
  it('isolated subgroups are cliques with no cross-group ties', () => {
    const r = runFangLeeSchilling({ linking: 0, groups: 5, groupSize: 6 }, 'iso');
    expect(r.crossTies).toBe(0);
    expect(r.ties).toBe(5 * 15);
  });

  it('rewiring moves ties across groups and keeps their number', () => {
    const r = runFangLeeSchilling({ linking: 1 }, 'rnd');
    expect(r.ties).toBeLessThanOrEqual(10 * 45);
    expect(r.ties).toBeGreaterThan(10 * 45 - 10); // only clashes with existing ties are skipped
    expect(r.crossTies / r.ties).toBeGreaterThan(0.9);
  });

  it('knowledge never falls and the run reaches equilibrium', () => {
    const r = runFangLeeSchilling({ linking: 0.1 }, 'eq');
    expect(r.equilibrium).toBe(true);
    expect(r.trajectory.length).toBe(r.periods + 1);
    expect(r.knowledge).toBeGreaterThan(r.trajectory[0]!);
  });

  it('is deterministic for a seed', () => {
    expect(runFangLeeSchilling({}, 'd').trajectory).toEqual(runFangLeeSchilling({}, 'd').trajectory);
  });

  it('published result: moderate cross-group linking beats both isolation and full rewiring', () => {
    const r = dockFangLeeSchilling();
    expect(r.figures.moderate).toBeGreaterThan(r.figures.isolated + 0.2);
    expect(r.figures.moderate).toBeGreaterThan(r.figures.random + 0.03);
    expect(r.figures.pIsolated).toBeLessThan(0.001);
    expect(r.figures.pRandom).toBeLessThan(0.001);
    expect(r.figures.equilibriumShare).toBeGreaterThan(0.95);
    expect(r.pass).toBe(true);
  });
});
