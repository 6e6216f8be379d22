/**
 * Process 2, operations: each unit's demand against its staff capacity gives workload; budget
 * pressure, imposed changes and reporting raise it; free time for development is what remains
 * (004: the "service factory" leaves no capacity to change; 002 VF-10 time crowding-out).
 * Process 1 (at the start of each budget year): demand for services grows (004: more needed for
 * the same welfare).
 */
import { clamp01 } from '../../engine/stats.js';
import { choice, indicator, mechanism } from '../mechanism.js';
import { scaleQuantity } from '../modifiers.js';
import { param } from '../params/define.js';
import type { World } from '../state.js';

export const operations = mechanism({
  name: 'operations',
  title: 'Workload from demand against capacity; free time for development is what remains',
  process: 'operations',
  sources: '004; 002 VF-10, S12, S19; 003 S4, S5, S7',
  params: {
    pressureLoad: param(0.12, [0, 1], 'Extra workload per unit of budget pressure', '002 S12, 003 S6'),
    reportingCost: param(0.08, [0, 0.5], 'Share of working time taken by reporting at full reporting load', '003 S4 (trust reform)'),
    changeCost: param(0.02, [0, 0.2], 'Share of working time taken by each imposed change per year', '003 S5, 004 lever 1'),
    volunteerShare: param(0.08, [0, 0.5], 'Share of operations time that volunteers can take over at full relief', '003 S7 (Wigan)'),
    projectTime: param(0.5, [0, 2], 'Free time created per unit of project budget share', '002 S2b'),
    burnoutAbsence: param(0.3, [0, 1], 'Capacity lost per unit of mean burnout in the unit (sick leave)', 'assumption'),
  },
  choices: {
    pace: choice(
      ['slow-is-fast', 'led-to-ground'],
      'slow-is-fast',
      'Whether fast imposed change strains staff in full, or only as far as leaders at the ground do not carry it',
      '003 S5 ("work slowly to work fast") vs Wigan 003 §6.2; MODEL.md §6',
      {
        'slow-is-fast': 'every imposed change costs time and strain in full',
        'led-to-ground': 'imposed change costs only what coaching first-line managers do not carry',
      },
    ),
  },
  reads: [
    'units.demand',
    'units.staff',
    'staff.burnout',
    'staff.unit',
    'org.budgetPressure',
    'org.volunteerRelief',
    'org.reportingLoad',
    'org.imposedChanges',
    'org.projectBudgetShare',
    'managers.style',
    'managers.removed',
    'managers.staffCount',
  ],
  writes: ['units.workload', 'org.changeBurden', 'staff.freeTime'],
  indicators: {
    workload: indicator(
      'share',
      'down',
      { en: 'Workload', nb: 'Arbeidsbelastning' },
      'Mean workload: operational demand over capacity (1 = fully loaded)',
    ),
    freeTime: indicator('share', 'up', { en: 'Free time', nb: 'Fri tid' }, 'Mean free time for development work, share of working time'),
  },
  run(w, _tick, { p, choice }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const { burnoutAbsence, changeCost, pressureLoad, projectTime, reportingCost, volunteerShare } = p;
    const { units, staff, org } = w;
    const meanBurn = w.scratch.a;
    meanBurn.fill(0, 0, units.n);
    for (let i = 0; i < staff.n; i++) meanBurn[staff.unit[i]!] = meanBurn[staff.unit[i]!]! + staff.burnout[i]!;
    const relief = 1 - org.volunteerRelief * volunteerShare;
    for (let u = 0; u < units.n; u++) {
      const capacity = 1 - burnoutAbsence * (meanBurn[u]! / Math.max(1, units.staff[u]!));
      units.workload[u] = (units.demand[u]! * (1 + pressureLoad * org.budgetPressure) * relief) / capacity;
    }
    org.changeBurden = changeBurden(w, choice.pace);
    const overhead = org.reportingLoad * reportingCost + org.changeBurden * changeCost - org.projectBudgetShare * projectTime;
    for (let i = 0; i < staff.n; i++) {
      // Initiative work is done in this free time; its extra strain shows up as burnout (turnover.ts).
      staff.freeTime[i] = clamp01(1 - units.workload[staff.unit[i]!]! - overhead);
    }
  },
  observe(w, _ctx, set) {
    const { staff, units } = w;
    let work = 0;
    let free = 0;
    for (let i = 0; i < staff.n; i++) {
      work += units.workload[staff.unit[i]!]!;
      free += staff.freeTime[i]!;
    }
    set('workload', work / staff.n);
    set('freeTime', free / staff.n);
  },
});

/** Process 1, at the start of a budget year: demand grows by the yearly trend. */
export const demandGrowth = mechanism({
  name: 'demand',
  title: 'Yearly growth of demand for services',
  process: 'calendar',
  when: 'year-start',
  order: 1,
  sources: '004 (more needed for the same welfare)',
  params: {},
  reads: ['org.demandGrowth'],
  writes: ['units.demand'],
  run(w) {
    const { units, org } = w;
    for (let u = 0; u < units.n; u++) scaleQuantity(w, { indexed: 'demand', index: u }, 1 + org.demandGrowth);
  },
});

/**
 * Strain of imposed change. Where the sources disagree (MODEL.md §6): "work slowly to work fast"
 * (003) charges every imposed change in full; "led to the ground" (Wigan, 003 §6.2) charges only
 * what leaders at the ground do not carry, measured as the mean coaching style of first-line
 * managers (the managers who translate a change into the team's daily work).
 */
export function changeBurden(w: World, pace: string): number {
  const { org, managers: m } = w;
  if (pace === 'slow-is-fast') return org.imposedChanges;
  let carried = 0;
  let n = 0;
  for (let k = 0; k < m.n; k++) {
    if (m.removed[k] === 1 || m.staffCount[k] === 0) continue;
    carried += m.style[k]!;
    n++;
  }
  return org.imposedChanges * (1 - (n > 0 ? carried / n : 0));
}
