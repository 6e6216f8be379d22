// Effects compose through one rule (modifiers.ts): a lever ending removes exactly what it added,
// even after an election has scaled the field or while another lever acts on it.
import { describe, expect, it } from 'vitest';
import { createWorld, presetConfig, runLevers, runMechanism } from '../../src/model/index.js';
import type { InterventionItem } from '../../src/model/levers/lever.js';
import { election } from '../../src/model/mechanisms/politics.js';
import { addModifiers, baseOf, removeModifiers, scaleQuantity, setBase } from '../../src/model/modifiers.js';

const item = (kind: string, start: number, end: number | null, intensity = 1, options = {}): InterventionItem => ({
  kind,
  start,
  end,
  intensity,
  units: null,
  options,
});

describe('modifiers compose', () => {
  it('top push, then an election, then the push ends: the signal is the base scaled by the election, not 0', () => {
    const w = createWorld(presetConfig('small'), 1, 0, [item('top-push', 0, 10)]);
    const base = w.org.topSignal;
    runLevers(w, 0);
    expect(w.org.topSignal).toBeCloseTo(base + 0.6, 12);
    // A council that lost backing reprioritises: everything pushing at that moment shrinks to 40 %.
    scaleQuantity(w, { org: 'topSignal' }, 0.4);
    expect(w.org.topSignal).toBeCloseTo((base + 0.6) * 0.4, 12);
    runLevers(w, 10);
    expect(w.org.topSignal).toBeCloseTo(base * 0.4, 12);
    expect(w.org.topSignal).toBeGreaterThan(0);
  });

  it('the same through the election mechanism itself, when backing falls', () => {
    const w = createWorld(presetConfig('small'), 3, 0, [item('top-push', 0, 10)]);
    runLevers(w, 0);
    const before = w.org.topSignal;
    const base = baseOf(w, { org: 'topSignal' });
    w.pols.backing.fill(0.9); // newcomers inherit less: backing falls at the election
    runMechanism(election, w, 5);
    const keep = w.org.topSignal / before;
    expect(keep).toBeLessThan(1);
    runLevers(w, 10);
    expect(w.org.topSignal).toBeCloseTo(base * keep, 12);
  });

  it('overlapping levers on one field: each end removes its own share, clamping is applied to the sum', () => {
    const w = createWorld(presetConfig('small'), 1, 0, [item('matrix', 0, 6), item('matrix', 3, 9)]);
    const base = w.org.matrixDegree;
    runLevers(w, 0);
    expect(w.org.matrixDegree).toBeCloseTo(base + 0.5, 12);
    runLevers(w, 3);
    expect(w.org.matrixDegree).toBe(1); // base + 1.0, clamped
    runLevers(w, 6);
    expect(w.org.matrixDegree).toBeCloseTo(base + 0.5, 12); // not 1 - 0.5 + …: the clamp never leaks
    runLevers(w, 9);
    expect(w.org.matrixDegree).toBeCloseTo(base, 12);
  });

  it('an endogenous change of the base while a lever acts is kept when the lever ends', () => {
    const w = createWorld(presetConfig('small'), 1, 0);
    const ids = addModifiers(w, [{ target: { org: 'siloStrength' }, op: 'add', value: 0.1 }]);
    setBase(w, { org: 'siloStrength' }, 0.5);
    expect(w.org.siloStrength).toBeCloseTo(0.6, 12);
    removeModifiers(w, ids);
    expect(w.org.siloStrength).toBeCloseTo(0.5, 12);
  });

  it('set and mul modifiers: the last active set wins, multipliers apply to the total', () => {
    const w = createWorld(presetConfig('small'), 1, 0);
    const a = addModifiers(w, [{ target: { org: 'conceptBreadth' }, op: 'set', value: 1 }]);
    const b = addModifiers(w, [{ target: { org: 'conceptBreadth' }, op: 'set', value: -1 }]);
    expect(w.org.conceptBreadth).toBe(-1);
    removeModifiers(w, b);
    expect(w.org.conceptBreadth).toBe(1);
    removeModifiers(w, a);
    expect(w.org.conceptBreadth).toBe(0);
    const d0 = w.units.demand[0]!;
    const m = addModifiers(w, [{ target: { indexed: 'demand', index: 0 }, op: 'mul', value: 0.5 }]);
    scaleQuantity(w, { indexed: 'demand', index: 0 }, 1.1); // a year of demand growth
    expect(w.units.demand[0]).toBeCloseTo(d0 * 1.1 * 0.5, 12);
    removeModifiers(w, m);
    expect(w.units.demand[0]).toBeCloseTo(d0 * 1.1, 12);
  });

  it('logic-mix modifiers stay on the simplex and undo exactly even when their windows overlap', () => {
    const w = createWorld(presetConfig('small'), 1, 0, [item('trust-reform', 0, 4), item('budget-cut', 2, 6)]);
    const before = Array.from(w.org.steering);
    for (let t = 0; t <= 6; t++) {
      runLevers(w, t);
      const s = w.org.steering;
      expect(s[0]! + s[1]! + s[2]!).toBeCloseTo(1, 12);
    }
    for (let k = 0; k < 3; k++) expect(w.org.steering[k]).toBeCloseTo(before[k]!, 12);
  });
});
