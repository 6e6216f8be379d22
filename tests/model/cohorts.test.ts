// Staggered updates of slow personal states (src/model/cohorts.ts): one update every `every` weeks
// is worth `every` weekly updates, a person is updated only in their cohort's week, and the
// staggered model keeps the weekly model's everyday state.
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/analysis/student-t.js';
import { welchTest } from '../../src/analysis/ttest.js';
import { COHORT_RUN, cohortOf, overWeeks, weeksOf } from '../../src/model/cohorts.js';
import { createWorld, type IndicatorName, presetConfig } from '../../src/model/index.js';
import { culture } from '../../src/model/mechanisms/culture.js';
import { trust } from '../../src/model/mechanisms/trust.js';
import { turnover } from '../../src/model/mechanisms/turnover.js';
import { runMechanism, runReplicate } from '../../src/model/simulate.js';
import type { World } from '../../src/model/state.js';
import { small, withParams } from '../support/model.js';

const inCohort = (i: number, cohort: number, every: number): boolean => Math.floor(i / COHORT_RUN) % every === cohort;

describe('cohort arithmetic', () => {
  it('weeksOf is the sum of the first `every` powers of keep, exactly 1 for one week', () => {
    expect(weeksOf(0.9, 1)).toBe(1);
    expect(weeksOf(0.9, 4)).toBeCloseTo(1 + 0.9 + 0.81 + 0.729, 14);
    // k weeks of x ← x + (1 − keep)(x* − x) from x = 0 toward x* = 1 reach 1 − keep^k.
    expect((1 - 0.9) * weeksOf(0.9, 4)).toBeCloseTo(1 - 0.9 ** 4, 14);
    expect(weeksOf(1.2, 3)).toBe(3); // keep held in [0, 1]
    expect(weeksOf(-0.5, 3)).toBe(1);
  });

  it('overWeeks is the chance of at least one event, the weekly chance itself for one week', () => {
    expect(overWeeks(0.013, 1)).toBe(0.013);
    expect(overWeeks(0.1, 4)).toBeCloseTo(1 - 0.9 ** 4, 14);
  });

  it('the cohort of a week cycles through 0 … every − 1, spin-up weeks included', () => {
    expect([-5, -4, -1, 0, 1, 3, 4, 7].map((t) => cohortOf(t, 4))).toEqual([3, 0, 3, 0, 1, 3, 0, 3]);
    expect(cohortOf(-7, 1)).toBe(0);
  });
});

/**
 * One week of `m` at every = 4 against four weeks at every = 1, from the same world with the
 * inputs held (no other mechanism runs): the cohort of week 0 must end where the four weekly
 * updates put it, everyone else must be untouched.
 */
function compare(
  m: typeof culture | typeof trust | typeof turnover,
  patch: Record<string, number>,
  read: (w: World) => { readonly n: number; readonly arrays: readonly ArrayLike<number>[]; readonly stride: number },
  prepare: (w: World) => void = () => {},
) {
  const group = m.name as 'culture' | 'trust' | 'turnover';
  const make = (every: number) => {
    const w = createWorld(withParams(small(), group, { ...patch, every } as never), 5, 0);
    prepare(w);
    return w;
  };
  const weekly = make(1);
  const staggered = make(4);
  const before = read(make(4));
  for (let t = 0; t < 4; t++) runMechanism(m, weekly, t);
  runMechanism(m, staggered, 0);
  const a = read(weekly);
  const b = read(staggered);
  let updated = 0;
  let moved = 0;
  for (let i = 0; i < a.n; i++) {
    const mine = inCohort(i, 0, 4);
    if (mine) updated++;
    for (let k = 0; k < a.arrays.length; k++) {
      for (let s = 0; s < a.stride; s++) {
        const x = i * a.stride + s;
        if (mine) {
          expect(b.arrays[k]![x]).toBeCloseTo(a.arrays[k]![x]!, 12);
          if (Math.abs(b.arrays[k]![x]! - before.arrays[k]![x]!) > 1e-9) moved++;
        } else expect(b.arrays[k]![x]).toBe(before.arrays[k]![x]);
      }
    }
  }
  expect(updated).toBeGreaterThan(0.2 * a.n);
  expect(moved).toBeGreaterThan(0);
}

describe('one update every four weeks equals four weekly updates (inputs held)', () => {
  it('culture: practice logic, openness, fear and competence (no peer encounter)', () => {
    compare(culture, { peerRate: 0 }, (w) => ({
      n: w.staff.n,
      arrays: [w.staff.logic],
      stride: 3,
    }));
    compare(culture, { peerRate: 0 }, (w) => ({
      n: w.staff.n,
      arrays: [w.staff.openness, w.staff.fear, w.staff.competence],
      stride: 1,
    }));
  });

  it('turnover: burnout (under load and at rest), motivation and tenure (nobody leaves)', () => {
    // A new world has no workload yet (operations has not run): loads are 0.02–0.16, so a
    // threshold of 0.05 puts some people under load and others at rest.
    const patch = { leaveRate: 0, motivationBurnout: 0, stressThreshold: 0.05 };
    compare(turnover, patch, (w) => ({ n: w.staff.n, arrays: [w.staff.burnout, w.staff.motivation, w.staff.tenure], stride: 1 }));
    // Both sides of the threshold were exercised.
    const w = createWorld(withParams(small(), 'turnover', patch), 5, 0);
    const p = w.p.turnover as Record<string, number>;
    const st = w.staff;
    const loads = Array.from(
      { length: st.n },
      (_, i) =>
        w.units.workload[st.unit[i]!]! +
        (st.initiative[i]! >= 0 ? p.initiativeStress! : 0) +
        (st.enthusiast[i] === 1 ? p.enthusiastStress! : 0) +
        p.fearStress! * st.fear[i]!,
    );
    expect(loads.filter((l) => l > 0.05).length).toBeGreaterThan(0.1 * st.n);
    expect(loads.filter((l) => l <= 0.05).length).toBeGreaterThan(0.1 * st.n);
  });

  it("trust: staff's trust in their manager; citizens' trust and fatigue", () => {
    compare(trust, {}, (w) => ({ n: w.staff.n, arrays: [w.staff.trustMgr], stride: 1 }));
    compare(
      trust,
      {},
      (w) => ({ n: w.citizens.n, arrays: [w.citizens.trust, w.citizens.fatigue], stride: 1 }),
      (w) => {
        for (let c = 0; c < w.citizens.n; c++) w.citizens.fatigue[c] = (c % 7) / 7;
      },
    );
  });
});

describe('turnover over four weeks', () => {
  it('each employee leaves with the chance of leaving in one of the four weeks, in their cohort’s week only', () => {
    const leaveRate = 0.02;
    const cfg = withParams(small(), 'turnover', { leaveRate, burnoutUp: 0, burnoutDown: 0, motivationRate: 0, every: 4 });
    let left = 0;
    let expected = 0;
    let outside = 0;
    for (let rep = 0; rep < 40; rep++) {
      const w = createWorld(cfg, 30 + rep, 0);
      const p = w.p.turnover as Record<string, number>;
      const tenure = Int32Array.from(w.staff.tenure);
      for (let i = 0; i < w.staff.n; i++) {
        if (!inCohort(i, 1, 4)) continue;
        const weekly = leaveRate * (1 + p.leaveBurnout! * w.staff.burnout[i]! + p.leaveMotivation! * (1 - w.staff.motivation[i]!));
        expected += 1 - (1 - weekly) ** 4;
      }
      runMechanism(turnover, w, 1);
      for (let i = 0; i < w.staff.n; i++) {
        const gone = w.staff.tenure[i] === 0 && tenure[i] !== 0;
        if (gone && inCohort(i, 1, 4)) left++;
        else if (gone) outside++;
      }
    }
    expect(outside).toBe(0);
    // Poisson-binomial: the variance is below the mean, so 4 √mean bounds the deviation generously.
    expect(expected).toBeGreaterThan(200);
    expect(Math.abs(left - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

describe('the staggered model keeps the weekly model’s everyday state', () => {
  // Five-year means of the baseline (trends on), medium preset, every = 4 against every = 1 in
  // all three mechanisms: equivalence by two one-sided tests (the 90 % interval of the
  // difference inside ±5 % of the weekly level). Measured at 24 replicates (docs/model.md §7.10):
  // the largest difference among these was 0.6 %, the widest 95 % interval ±2.3 % (burnout).
  const names: readonly IndicatorName[] = [
    'practiceNPG',
    'openness',
    'fearOfError',
    'burnout',
    'motivation',
    'trustStaffManagement',
    'trustCitizens',
    'workload',
  ];
  const R = 12;
  const run = (every: number) => {
    const cfg = presetConfig('medium');
    const params = { ...cfg.params };
    for (const g of ['culture', 'turnover', 'trust'] as const) params[g] = { ...params[g], every } as never;
    const means = new Map<string, number[]>(names.map((n) => [n, []]));
    for (let r = 0; r < R; r++) {
      const res = runReplicate({ ...cfg, params }, 'cohorts', r, { indicators: names });
      const W = res.indicators.length;
      for (const n of names) {
        const c = res.indicators.indexOf(n);
        let s = 0;
        for (let t = 0; t < res.ticks; t++) s += res.data[t * W + c]!;
        means.get(n)!.push(s / res.ticks);
      }
    }
    return means;
  };
  it('five-year means within ±5 % (TOST, 12 replicates each)', { timeout: 120_000 }, () => {
    const weekly = run(1);
    const staggered = run(4);
    for (const n of names) {
      const t = welchTest(weekly.get(n)!, staggered.get(n)!);
      const half = studentTQuantile(0.95, t.df) * t.se;
      const margin = 0.05 * Math.abs(t.meanA);
      expect(Math.abs(t.diff) + half, n).toBeLessThan(margin);
    }
  });
});
