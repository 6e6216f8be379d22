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
 * Flat within these bounds is not flat within noise: burnout (−9 %) and practice (+2 %) still
 * move after the 78-week spin-up from the aged start, with intervals that exclude zero, and partners'
 * trust (not a key indicator) falls about 14 % (docs/model.md 0.3-1 gives the figures and why).
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/model/index.js';
import { baseConfig } from '../../src/validation/design.js';
import { DRIFT_KEY, drift } from '../../src/validation/drift.js';

const baseline = (trends: boolean, replicates: number) =>
  drift({ config: baseConfig('medium'), interventions: [], elections: true, seed: 'flat', replicates, threads: 2, trends });

describe('the baseline without trends is flat', () => {
  it('every key indicator changes by less than 10 % (25 % if noisy) of its level from year 1 to year 5 (95 % interval)', {
    timeout: 300_000,
  }, async () => {
    expect(DRIFT_KEY.every((n) => INDICATORS.includes(n))).toBe(true);
    for (const r of await baseline(false, 32)) {
      expect([r.ciLow, r.ciHigh], `${r.indicator}: level ${r.level}, change ${r.change} [${r.ciLow}, ${r.ciHigh}]`).toSatisfy(
        ([lo, hi]: number[]) => lo! > -r.bound && hi! < r.bound,
      );
    }
  });

  it('with demand growth on, workload rises (the trend is what moves the baseline)', { timeout: 300_000 }, async () => {
    const rows = await baseline(true, 16);
    expect(rows.find((r) => r.indicator === 'workload')!.ciLow).toBeGreaterThan(0);
  });
});
