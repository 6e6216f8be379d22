import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVERS, type LeverSpec } from '../../src/model/index.js';
import { costsMarkdown, costTable, interventionEffort, runEffort } from '../../src/scenario/effort.js';
import { DEFAULT_HOURLY_RATE } from '../../src/scenario/schema.js';
import { errorsOf, loadOk } from './helpers.js';

const item = (over: Partial<Parameters<typeof interventionEffort>[0]> & { kind: string }) => ({
  start: 0,
  end: null,
  intensity: 1,
  units: null,
  options: {},
  ...over,
});

describe('lever costs', () => {
  it('every lever declares non-negative costs and the basis of its figures', () => {
    expect(LEVERS.length).toBe(27);
    for (const l of LEVERS as readonly LeverSpec[]) {
      const e = l.effort;
      for (const v of [e.staffHoursPerWeek, e.moneyPerWeek, e.setupCost]) expect(v >= 0 && Number.isFinite(v), l.kind).toBe(true);
      expect(e.basis.length, l.kind).toBeGreaterThan(20);
    }
  });

  it('docs/lever-costs.md is generated from the declarations (regenerate: npm run docs:costs)', () => {
    expect(readFileSync('docs/lever-costs.md', 'utf8')).toBe(costsMarkdown());
  });

  it('adds weekly costs × weeks × intensity, the set-up once, and staff hours at the hourly rate', () => {
    const t = costTable();
    const m = LEVERS.find((l) => l.kind === 'matrix')!.effort;
    const e = interventionEffort(item({ kind: 'matrix', start: 10, end: 30, intensity: 0.5 }), [], 260, t);
    expect(e.weeks).toBe(20);
    expect(e.staffHours).toBeCloseTo(m.staffHoursPerWeek * 20 * 0.5, 9);
    expect(e.money).toBeCloseTo(m.moneyPerWeek * 20 * 0.5 + m.setupCost, 6);
    expect(e.cost).toBeCloseTo(e.money + e.staffHours * DEFAULT_HOURLY_RATE, 6);
  });

  it('clips to the run, charges nothing for a lever that never runs, scales unit levers by staff share and method pushes by perYear', () => {
    const t = costTable();
    expect(interventionEffort(item({ kind: 'matrix', start: 250, end: 400 }), [], 260, t).weeks).toBe(10);
    const never = interventionEffort(item({ kind: 'matrix', start: 300 }), [], 260, t);
    expect([never.weeks, never.cost]).toEqual([0, 0]);
    const all = interventionEffort(item({ kind: 'automation' }), [0.6, 0.2, 0.2], 260, t);
    const one = interventionEffort(item({ kind: 'automation', units: [1] }), [0.6, 0.2, 0.2], 260, t);
    expect(one.scope).toBeCloseTo(0.2, 12);
    expect(one.cost).toBeCloseTo(all.cost * 0.2, 6);
    const lab = (perYear: number) => interventionEffort(item({ kind: 'living-lab', options: { perYear } }), [], 260, t);
    const setup = LEVERS.find((l) => l.kind === 'living-lab')!.effort.setupCost;
    expect(lab(24).cost - setup).toBeCloseTo(2 * (lab(12).cost - setup), 6);
  });

  it('a scenario overrides costs; its effort is the sum over its interventions', () => {
    const s = loadOk('costs-override.yaml');
    expect(s.costs.hourlyRate).toBe(1000);
    expect(s.costs.levers.matrix).toEqual({ staffHoursPerWeek: 10, moneyPerWeek: 0, setupCost: 0 });
    const [auto, matrix] = s.effort.interventions;
    expect(matrix!.cost).toBeCloseTo(10 * 20 * 0.5 * 1000, 6);
    const shares = s.config.org.units.map((u) => u.staffShare);
    expect(auto!.scope).toBeCloseTo(shares[0]! / shares.reduce((a, b) => a + b, 0), 12);
    expect(s.effort.cost).toBeCloseTo(auto!.cost + matrix!.cost, 6);
    expect(s.effort).toEqual(runEffort(s.interventions, s.config.org, 100, s.costs));
    expect(s.resolved.costs).toEqual({ hourlyRate: 1000, levers: { matrix: { staffHoursPerWeek: 10, setupCost: 0 } } });
  });

  it('reports bad cost overrides with line, path, value and what is allowed', () => {
    const errs = errorsOf('costs-bad.yaml');
    expect(errs).toEqual([
      'costs-bad.yaml:3:3  costs.hourlyRat: unknown key; did you mean "hourlyRate"?',
      'costs-bad.yaml:5:5  costs.levers.matrx: unknown key; did you mean "matrix"?',
      'costs-bad.yaml:6:30  costs.levers.automation.setupCost: found -5; allowed: a number from 0 to 10000000000',
      'costs-bad.yaml:6:34  costs.levers.automation.moneyPerweek: unknown key; did you mean "moneyPerWeek"?',
    ]);
  });
});
