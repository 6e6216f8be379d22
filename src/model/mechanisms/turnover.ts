/**
 * Process 12, burnout and turnover: overload (workload plus initiative work, fear and imposed
 * change) raises burnout, rest lowers it; burnout and low motivation raise the chance of leaving.
 * Leavers take their competence and ties; a replacement arrives in the same position with
 * baseline attributes and a few new ties in the team (MODEL.md §2 staff; 003 S5; 004).
 */
import { clamp01 } from '../../engine/stats.js';
import { drawNewcomer, linkNewcomer } from '../init.js';
import { removeMember } from '../initiatives.js';
import { clearTies } from '../network.js';
import { type GroupValues, param } from '../params/define.js';
import type { World } from '../state.js';

export const turnoverParams = {
  stressThreshold: param(1, [0, 2], 'Load above which burnout builds up', 'assumption'),
  burnoutUp: param(0.04, [0, 1], 'Weekly burnout added per unit of load above the threshold', '004; assumption'),
  burnoutDown: param(0.01, [0, 1], 'Weekly recovery from burnout below the threshold', 'assumption'),
  initiativeStress: param(0.1, [0, 1], 'Extra load of working on an initiative on top of operations', '002 VF-10'),
  enthusiastStress: param(0.1, [0, 1], 'Extra load enthusiasts take on', '000 §4, 003 Wigan'),
  fearStress: param(0.1, [0, 1], 'Extra load per unit of fear of error', 'assumption'),
  changeStress: param(0.05, [0, 1], 'Extra load per imposed change per year', '003 S5'),
  motivationRate: param(0.02, [0, 1], 'Weekly drift of motivation toward its everyday level', 'assumption'),
  leaveRate: param(
    0.06 / 52,
    [0, 0.05],
    'Weekly leaving probability of a rested, fully motivated employee (about 6 % a year)',
    'assumption',
  ),
  leaveBurnout: param(4, [0, 20], 'Leaving multiplier per unit of burnout', 'assumption'),
  leaveMotivation: param(1, [0, 20], 'Leaving multiplier per unit of missing motivation', 'assumption'),
} as const;
export type TurnoverParams = GroupValues<typeof turnoverParams>;

export function turnover(w: World): void {
  const p = w.p.turnover;
  const { staff, units, org, managers } = w;
  const r = w.rng.turnover;
  const autonomy = 1 - org.reportingLoad;
  const change = p.changeStress * org.changeBurden;
  for (let i = 0; i < staff.n; i++) {
    const load =
      units.workload[staff.unit[i]!]! +
      (staff.initiative[i]! >= 0 ? p.initiativeStress : 0) +
      (staff.enthusiast[i] === 1 ? p.enthusiastStress : 0) +
      p.fearStress * staff.fear[i]! +
      change;
    const over = load - p.stressThreshold;
    const b = staff.burnout[i]!;
    staff.burnout[i] = clamp01(over > 0 ? b + p.burnoutUp * over * (1 - b) : b - p.burnoutDown * b);
    const target = clamp01(
      0.3 + 0.3 * managers.style[staff.manager[i]!]! + 0.3 * autonomy + 0.1 * Math.min(1, staff.experience[i]!) - 0.5 * staff.burnout[i]!,
    );
    staff.motivation[i] = staff.motivation[i]! + p.motivationRate * (target - staff.motivation[i]!);
    staff.tenure[i] = staff.tenure[i]! + 1;
    const leave = p.leaveRate * (1 + p.leaveBurnout * staff.burnout[i]! + p.leaveMotivation * (1 - staff.motivation[i]!));
    if (!r.bernoulli(leave)) continue;
    w.flows.leavers++;
    removeMember(w, i);
    clearTies(w, i);
    drawNewcomer(w, i, r);
    linkNewcomer(w, i, r);
  }
}

/**
 * Partners: volunteers who carry tasks shifted to them, on top of their projects, burn out when
 * overloaded and then engage less (003 S7, Wigan); rested partners recover.
 */
export function partnerStrain(w: World): void {
  const { partners, org } = w;
  const relief = org.volunteerRelief;
  for (let q = 0; q < partners.n; q++) {
    const extra = partners.type[q] === VOLUNTARY ? 3 * relief : 0;
    const strain = (partners.load[q]! + extra) / (1 + 4 * partners.capacity[q]!) - 0.8;
    const b = partners.burnout[q]!;
    partners.burnout[q] = clamp01(strain > 0 ? b + 0.03 * strain * (1 - b) : b * 0.98);
    partners.engagement[q] = clamp01(partners.engagement[q]! + 0.01 * (0.5 - partners.burnout[q]! - partners.engagement[q]!));
  }
}
const VOLUNTARY = 1;
