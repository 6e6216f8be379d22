/**
 * With the named exogenous trends off (demand growth 0, no election), the baseline starts from its
 * everyday state and stays there: for each key indicator, the 95 % interval of the change from
 * year 1 to year 5 (over 32 replicates) lies within ±10 % of its year-1 level, ±25 % for small
 * counts and shares (an equivalence test, so drift or a warm-up left in the run fails it). With the trends on, the same check shows
 * demand growth at work (workload rises; 16 replicates suffice for that).
 *
 * Power: routines (about 9 per replicate) and cross-silo co-creation vary most from year to year;
 * at 16 replicates their intervals reached 24 % and 20 % of the level, too close to the 25 % bound
 * for a check meant to catch drift rather than noise. At 32 they reach 18 % and 20 %.
 *
 * Flat within these bounds is not flat within noise: fear of error (+4 %), practice (+2 %), burnout
 * (+9 %) and citizens' trust (+1 %) still relax after the 104-week spin-up, with intervals that
 * exclude zero (docs/model.md 0.3-1 gives the figures and why).
 */
import { describe, expect, it } from 'vitest';
import { oneSampleTest } from '../../src/analysis/ttest.js';
import { runReplicates } from '../../src/batch/replicates.js';
import { INDICATORS, type IndicatorName } from '../../src/model/index.js';
import { baseConfig, meanOver, withOrg } from '../../src/validation/design.js';

/** Small counts and shares are noisy: their bound is 25 % of the level; scores' is 10 %. */
const NOISY: IndicatorName[] = ['coCreationActual', 'crossSiloCoCreation', 'initiativesActive', 'routines', 'burnout'];
const KEY: IndicatorName[] = [
  ...NOISY,
  'transformationIndex',
  'practiceNPG',
  'workload',
  'freeTime',
  'trustStaffManagement',
  'trustCitizens',
  'openness',
  'fearOfError',
  'coachingStyle',
];

async function drift(trends: boolean, R: number) {
  const base = baseConfig('medium');
  const config = trends ? base : withOrg(base, { demandGrowth: 0 });
  const tasks = Array.from({ length: R }, (_, r) => ({ config, interventions: [], elections: trends, seed: 'flat', replicate: r }));
  const runs = await runReplicates(tasks, 2);
  return Object.fromEntries(
    KEY.map((n) => {
      const y1 = runs.map((x) => meanOver(x, n, 0, 52));
      const change = runs.map((x, i) => meanOver(x, n, 208, 260) - y1[i]!);
      const level = y1.reduce((a, b) => a + b, 0) / R;
      return [n, { level, t: oneSampleTest(change, 0) }];
    }),
  );
}

describe('the baseline without trends is flat', () => {
  it('every key indicator changes by less than 10 % (25 % if noisy) of its level from year 1 to year 5 (95 % interval)', {
    timeout: 300_000,
  }, async () => {
    expect(KEY.every((n) => INDICATORS.includes(n))).toBe(true);
    const d = await drift(false, 32);
    for (const n of KEY) {
      const { level, t } = d[n]!;
      const tol = (NOISY.includes(n) ? 0.25 : 0.1) * Math.abs(level);
      expect([t.ciLow, t.ciHigh], `${n}: level ${level}, change ${t.diff} [${t.ciLow}, ${t.ciHigh}]`).toSatisfy(
        ([lo, hi]: number[]) => lo! > -tol && hi! < tol,
      );
    }
  });

  it('with demand growth on, workload rises (the trend is what moves the baseline)', { timeout: 300_000 }, async () => {
    const d = await drift(true, 16);
    expect(d.workload!.t.ciLow).toBeGreaterThan(0);
  });
});
