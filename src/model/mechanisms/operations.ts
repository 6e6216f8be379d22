/**
 * Process 2, operations: each unit's demand against its staff capacity gives workload; budget
 * pressure, imposed changes and reporting raise it; free time for development is what remains
 * (004: the "service factory" leaves no capacity to change; 002 VF-10 time crowding-out).
 */
import { clamp01 } from '../../engine/stats.js';
import { type GroupValues, param } from '../params/define.js';
import type { World } from '../state.js';

export const operationsParams = {
  pressureLoad: param(0.12, [0, 1], 'Extra workload per unit of budget pressure', '002 S12, 003 S6'),
  reportingCost: param(0.08, [0, 0.5], 'Share of working time taken by reporting at full reporting load', '003 S4 (trust reform)'),
  changeCost: param(0.02, [0, 0.2], 'Share of working time taken by each imposed change per year', '003 S5, 004 lever 1'),
  volunteerShare: param(0.08, [0, 0.5], 'Share of operations time that volunteers can take over at full relief', '003 S7 (Wigan)'),
  projectTime: param(0.5, [0, 2], 'Free time created per unit of project budget share', '002 S2b'),
  burnoutAbsence: param(0.3, [0, 1], 'Capacity lost per unit of mean burnout in the unit (sick leave)', 'assumption'),
} as const;
export type OperationsParams = GroupValues<typeof operationsParams>;

export function operations(w: World): void {
  const p = w.p.operations;
  const { units, staff, org } = w;
  const meanBurn = w.scratch.a;
  meanBurn.fill(0, 0, units.n);
  for (let i = 0; i < staff.n; i++) meanBurn[staff.unit[i]!] = meanBurn[staff.unit[i]!]! + staff.burnout[i]!;
  const relief = 1 - org.volunteerRelief * p.volunteerShare;
  for (let u = 0; u < units.n; u++) {
    const capacity = 1 - p.burnoutAbsence * (meanBurn[u]! / Math.max(1, units.staff[u]!));
    units.workload[u] = (units.demand[u]! * (1 + p.pressureLoad * org.budgetPressure) * relief) / capacity;
  }
  org.changeBurden = changeBurden(w);
  const overhead = org.reportingLoad * p.reportingCost + org.changeBurden * p.changeCost - org.projectBudgetShare * p.projectTime;
  for (let i = 0; i < staff.n; i++) {
    // Initiative work is done in this free time; its extra strain shows up as burnout (turnover.ts).
    staff.freeTime[i] = clamp01(1 - units.workload[staff.unit[i]!]! - overhead);
  }
}

/** Yearly budget (process 1): demand for services grows (004: more needed for the same welfare). */
export function yearlyBudget(w: World): void {
  const { units, org } = w;
  for (let u = 0; u < units.n; u++) units.demand[u] = units.demand[u]! * (1 + org.demandGrowth);
}

/**
 * Strain of imposed change. Where the sources disagree (MODEL.md §6): "work slowly to work fast"
 * (003) charges every imposed change in full; "led to the ground" (Wigan, 003 §6.2) charges only
 * what leaders at the ground do not carry, measured as the mean coaching style of first-line
 * managers (the managers who translate a change into the team's daily work).
 */
export function changeBurden(w: World): number {
  const { org, managers: m } = w;
  if (w.mech.pace === 'slow-is-fast') return org.imposedChanges;
  let carried = 0;
  let n = 0;
  for (let k = 0; k < m.n; k++) {
    if (m.removed[k] === 1 || m.staffCount[k] === 0) continue;
    carried += m.style[k]!;
    n++;
  }
  return org.imposedChanges * (1 - (n > 0 ? carried / n : 0));
}
