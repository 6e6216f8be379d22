/**
 * Process 12, burnout and turnover: overload (workload plus initiative work, fear and imposed
 * change) raises burnout, rest lowers it; burnout and low motivation raise the chance of leaving.
 * Leavers take their competence and ties; a replacement arrives in the same position with
 * baseline attributes and a few new ties in the team (MODEL.md §2 staff; 003 S5; 004).
 */
import type { Rng } from '../../engine/rng.js';
import { clamp01, mean } from '../../engine/stats.js';
import { COHORT_RUN, cohortOf, overWeeks, weeksOf } from '../cohorts.js';
import { removeMember } from '../initiatives.js';
import { indicator, mechanism } from '../mechanism.js';
import { clearTies } from '../network.js';
import { type GroupValues, param } from '../params/define.js';
import { drawNewcomer, linkNewcomer } from '../population.js';
import type { World } from '../state.js';
import { thinLogMiss } from '../thinning.js';

const params = {
  stressThreshold: param(1, [0, 2], 'Load above which burnout builds up', 'assumption'),
  burnoutUp: param(0.07, [0, 1], 'Weekly burnout added per unit of load above the threshold', '004; assumption'),
  burnoutDown: param(0.01, [0, 1], 'Weekly recovery from burnout below the threshold', 'assumption'),
  loadRecovery: param(
    1,
    [0, 1],
    'Share of the weekly recovery (burnoutDown) that goes on while load is above the threshold (0: none; 1: the same as below it)',
    'assumption (docs/model.md, known limitation 4)',
  ),
  initiativeStress: param(0.1, [0, 1], 'Extra load of working on an initiative on top of operations', '002 VF-10'),
  enthusiastStress: param(0.1, [0, 1], 'Extra load enthusiasts take on', '000 §4, 003 Wigan'),
  fearStress: param(0.1, [0, 1], 'Extra load per unit of fear of error', 'assumption'),
  changeStress: param(0.05, [0, 1], 'Extra load per imposed change per year', '003 S5'),
  motivationRate: param(0.02, [0, 1], 'Weekly drift of motivation toward its everyday level', 'assumption'),
  motivationBase: param(0.3, [0, 1], 'Everyday motivation under a controlling manager, full reporting and no experience', 'assumption'),
  motivationStyle: param(0.3, [0, 1], 'Everyday motivation added by a fully coaching manager', '002 §2.5.4; assumption'),
  motivationAutonomy: param(0.3, [0, 1], 'Everyday motivation added by autonomy (no reporting load)', '003 S4; assumption'),
  motivationExperience: param(0.1, [0, 1], 'Everyday motivation added by a positive co-creation experience', '002 VF-11; assumption'),
  motivationBurnout: param(0.5, [0, 1], 'Everyday motivation lost at full burnout', 'assumption'),
  leaveRate: param(
    0.06 / 52,
    [0, 0.05],
    'Weekly leaving probability of a rested, fully motivated employee (about 6 % a year)',
    'assumption',
  ),
  leaveBurnout: param(4, [0, 20], 'Leaving multiplier per unit of burnout', 'assumption'),
  leaveMotivation: param(1, [0, 20], 'Leaving multiplier per unit of missing motivation', 'assumption'),
  every: param(
    4,
    [1, 13],
    "Weeks between updates of a person's burnout, motivation and leaving: a 1/every share of the staff each week, each update worth every weeks (1: everyone weekly)",
    'numerical scheme, not a source (docs/model.md §7.12)',
    true,
  ),
};

export const turnover = mechanism({
  name: 'turnover',
  title: 'Overload builds burnout, rest lowers it; burnout and low motivation make staff leave and be replaced',
  process: 'turnover',
  sources: '004; 003 S5; 002 VF-10; 000 §4; 001',
  params,
  reads: [
    'org.enthusiasts',
    'staff.*',
    'units.workload',
    'units.firstStaff',
    'units.staff',
    'managers.style',
    'managers.firstStaff',
    'managers.staffCount',
    'org.reportingLoad',
    'org.changeBurden',
    'org.siloStrength',
  ],
  writes: ['staff.*', 'inits.team', 'inits.teamCount', 'inits.champion', 'ties', 'org.tugboats', 'org.enthusiasts'],
  flows: ['leavers'],
  indicators: {
    burnout: indicator('score', 'down', { en: 'Burnout', nb: 'Utbrenthet' }, 'Mean staff burnout'),
    turnover: indicator(
      'rate',
      'down',
      { en: 'Staff turnover (weekly)', nb: 'Turnover blant ansatte (per uke)' },
      'Share of staff who left this week',
    ),
    motivation: indicator('score', 'up', { en: 'Motivation', nb: 'Motivasjon' }, 'Mean staff motivation'),
  },
  run(w, tick, { p, rng: r, flows }) {
    // The per-staff loop is its own function: V8 compiles a hot loop on stack replacement before
    // the replacement call after it has run, and that code then bails out at the call every week.
    const leavers = w.scratch.staffList;
    const nLeave = burnoutAndLeaving(w, p, r, leavers, cohortOf(tick, p.every));
    replaceLeavers(w, leavers, nLeave, r);
    flows.leavers += nLeave;
  },
  observe(w, { flows }, set) {
    const { staff } = w;
    set('burnout', mean(staff.burnout, staff.n));
    set('turnover', flows.leavers / staff.n);
    set('motivation', mean(staff.motivation, staff.n));
  },
});

/**
 * Burnout, motivation and leaving of this week's cohort of staff (cohorts.ts), each by `every`
 * weeks' worth at this week's load; writes the leavers to `leavers`, returns their count.
 */
function burnoutAndLeaving(w: World, p: GroupValues<typeof params>, r: Rng, leavers: Int32Array, cohort: number): number {
  // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
  const {
    burnoutDown,
    burnoutUp,
    every,
    changeStress,
    enthusiastStress,
    fearStress,
    initiativeStress,
    leaveBurnout,
    leaveMotivation,
    leaveRate,
    loadRecovery,
    motivationAutonomy,
    motivationBase,
    motivationBurnout,
    motivationExperience,
    motivationRate,
    motivationStyle,
    stressThreshold,
  } = p;
  const { staff, units, org, managers } = w;
  const underLoad = burnoutDown * loadRecovery;
  // `every` weeks' worth of the pulls that do not depend on the person (exactly the weekly rates at every = 1).
  const rest = weeksOf(1 - burnoutDown, every) * burnoutDown;
  const drift = weeksOf(1 - motivationRate, every) * motivationRate;
  const autonomy = 1 - org.reportingLoad;
  const change = changeStress * org.changeBurden;
  // Typed arrays as locals (the loop calls the random stream; V8 cannot hoist property loads).
  const { unit, initiative, enthusiast, fear, burnout, manager, experience, motivation, tenure } = staff;
  const { workload } = units;
  const style = managers.style;
  const n = staff.n;
  // Few leave in a week: candidates by thinning (thinning.ts) at the highest leaving probability
  // (full burnout, no motivation) over `every` weeks; candidates count the cohort's members (q).
  const bound = overWeeks(leaveRate * (1 + leaveBurnout + leaveMotivation), every);
  const logMiss = thinLogMiss(bound);
  let candidate = r.gap(logMiss);
  let nLeave = 0;
  let q = -1;
  for (let start = cohort * COHORT_RUN; start < n; start += every * COHORT_RUN) {
    const end = start + COHORT_RUN < n ? start + COHORT_RUN : n;
    for (let i = start; i < end; i++) {
      q++;
      const load =
        workload[unit[i]!]! +
        (initiative[i]! >= 0 ? initiativeStress : 0) +
        (enthusiast[i] === 1 ? enthusiastStress : 0) +
        fearStress * fear[i]! +
        change;
      const over = load - stressThreshold;
      const b = burnout[i]!;
      // Under load, recovery goes on at `loadRecovery` of its rate (1 by default: as below the threshold).
      let nb: number;
      if (over > 0) {
        const g = weeksOf(1 - burnoutUp * over - underLoad, every);
        nb = clamp01(b + g * burnoutUp * over * (1 - b) - g * underLoad * b);
      } else nb = clamp01(b - rest * b);
      burnout[i] = nb;
      const e = experience[i]!;
      const target = clamp01(
        motivationBase +
          motivationStyle * style[manager[i]!]! +
          motivationAutonomy * autonomy +
          motivationExperience * (e < 1 ? e : 1) -
          motivationBurnout * nb,
      );
      const m = motivation[i]! + drift * (target - motivation[i]!);
      motivation[i] = m;
      tenure[i] = tenure[i]! + every;
      if (q !== candidate) continue;
      candidate += 1 + r.gap(logMiss);
      const leave = overWeeks(leaveRate * (1 + leaveBurnout * nb + leaveMotivation * (1 - m)), every);
      if (r.bernoulli(logMiss < 0 ? leave / bound : leave)) leavers[nLeave++] = i;
    }
  }
  return nLeave;
}

/** Each leaver leaves their initiative and ties; a newcomer takes the position. */
function replaceLeavers(w: World, leavers: Int32Array, count: number, r: Rng): void {
  for (let k = 0; k < count; k++) {
    const i = leavers[k]!;
    removeMember(w, i);
    clearTies(w, i);
    drawNewcomer(w, i, r);
    linkNewcomer(w, i, r);
  }
}
