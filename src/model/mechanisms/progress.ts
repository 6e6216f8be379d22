/**
 * Process 6, progress: the rate rises with team free time, competence, trust, manager support,
 * citizen engagement and, for wicked problems, the diversity of units involved; it falls with
 * coordination cost across units, matrix role ambiguity ("the problems change form", 003
 * L3295), reporting load, budget pressure and too many initiatives at once (004 lever 1).
 */
import { unitCount } from '../initiatives.js';
import { mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import { METHODS, OUTCOME, PHASE, PROBLEM, type World } from '../state.js';

const TRAINING_LAB = METHODS.indexOf('training-lab');

export const progress = mechanism({
  name: 'progress',
  title: 'Running initiatives progress at a rate set by their team, their unit mix and the organisation',
  process: 'progress',
  sources: '002 VF-10, §2.3, §2.5.3, §4.3.5, S12, §4.2; 003 L3295, S4, SF-19, traps; 000 §2; 004 levers 1, 4, 6',
  params: {
    baseRate: param(1 / 15, [0, 1], 'Weekly progress of a team in ideal conditions (15 weeks to finish)', 'assumption'),
    freeTimeRef: param(0.1, [0.01, 1], 'Team free time at which time stops limiting progress', '002 VF-10'),
    freeTimeCap: param(1.5, [1, 5], 'Largest speed-up from team free time above the reference', 'assumption'),
    competenceFloor: param(
      0.5,
      [0, 2],
      'Progress factor of a team without competence (rises by 1 per unit of mean competence)',
      'assumption',
    ),
    trustFloor: param(0.5, [0, 2], 'Progress factor of a team without trust in its managers (rises by 1 per unit)', 'assumption'),
    supportFloor: param(
      0.5,
      [0, 2],
      'Progress factor of a team whose managers control rather than coach (rises by 1 per unit of style)',
      'assumption',
    ),
    citizenBoost: param(0.3, [0, 2], 'Extra progress with citizens taking part', '002 §2.3'),
    diversityBoost: param(
      0.4,
      [0, 2],
      'Extra progress on wicked problems per additional unit (up to diversityUnits)',
      '000 §2, 002 §2.5.3',
    ),
    diversityUnits: param(3, [1, 31], 'Units beyond which more diversity adds no progress', 'assumption', true),
    coordinationCost: param(0.25, [0, 2], 'Slowdown per additional unit, scaled by silo strength', '002 §4.3.5'),
    roleAmbiguity: param(0.3, [0, 1], 'Slowdown of cross-unit teams at full matrix degree from ambiguous roles', '003 L3295'),
    reportingDrag: param(0.3, [0, 1], 'Slowdown at full reporting load', '003 S4'),
    budgetDrag: param(0.3, [0, 1], 'Slowdown at full budget pressure', '002 S12'),
    attentionPer1000: param(40, [0.1, 100], 'Initiatives per 1,000 staff the organisation can attend to before overload', '004 lever 1'),
    overloadShape: param(2, [1, 4], 'Exponent of overload in the attention lost: attention = 1 / (1 + overload^shape)', 'assumption'),
    maxWeeks: param(104, [10, 520], 'Weeks after which an unfinished initiative is abandoned (process without results)', '003 traps'),
    noise: param(0.3, [0, 1], 'Relative weekly noise of progress', 'assumption'),
    autonomyEffect: param(0.3, [0, 1], 'Speed-up from full autonomy with clear mandates (slow-down with unclear ones)', '003 SF-19'),
    portfolioAttention: param(0.5, [0, 2], 'Extra attention capacity under full portfolio management', '004 levers 4, 6'),
    trainingLabWeekly: param(0.004, [0, 0.1], 'Weekly competence gain of members of a training lab while it runs', '002 §4.2'),
  },
  reads: ['inits.*', 'staff.freeTime', 'staff.competence', 'staff.trustMgr', 'staff.manager', 'managers.style', 'org.*'],
  writes: ['inits.progress', 'inits.outcome', 'staff.competence'],
  run(w, tick, { p, rng: r }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      autonomyEffect,
      baseRate,
      budgetDrag,
      citizenBoost,
      competenceFloor,
      coordinationCost,
      diversityBoost,
      diversityUnits,
      freeTimeCap,
      freeTimeRef,
      maxWeeks,
      noise,
      overloadShape,
      reportingDrag,
      roleAmbiguity,
      supportFloor,
      trainingLabWeekly,
      trustFloor,
    } = p;
    const s = w.inits;
    const { staff, managers, org } = w;
    const load = overload(w);
    const attention = 1 / (1 + load ** overloadShape);
    const mandate = 1 + autonomyEffect * org.autonomy * (2 * org.mandateClarity - 1);
    const common = baseRate * attention * mandate * (1 - reportingDrag * org.reportingLoad) * (1 - budgetDrag * org.budgetPressure);
    for (let id = 0; id < s.cap; id++) {
      if (s.phase[id] !== PHASE.running || s.progress[id]! >= 1) continue;
      const n = s.teamCount[id]!;
      if (n === 0 || tick - s.start[id]! > maxWeeks) {
        s.outcome[id] = OUTCOME.abandoned;
        continue;
      }
      const lab = s.method[id] === TRAINING_LAB ? trainingLabWeekly : 0;
      let free = 0;
      let comp = 0;
      let trust = 0;
      let support = 0;
      const base = id * s.maxTeam;
      for (let k = 0; k < n; k++) {
        const j = s.team[base + k]!;
        if (lab > 0) staff.competence[j] = staff.competence[j]! + lab * (1 - staff.competence[j]!);
        free += staff.freeTime[j]!;
        comp += staff.competence[j]!;
        trust += staff.trustMgr[j]!;
        support += managers.style[staff.manager[j]!]!;
      }
      const units = unitCount(w, id);
      const extra = Math.min(diversityUnits, units) - 1;
      let rate =
        common *
        Math.min(freeTimeCap, free / n / freeTimeRef) *
        (competenceFloor + comp / n) *
        (trustFloor + trust / n) *
        (supportFloor + support / n);
      if (s.citizenCount[id]! > 0) rate *= 1 + citizenBoost;
      if (s.problem[id] === PROBLEM.wicked) rate *= 1 + diversityBoost * extra;
      rate /= 1 + coordinationCost * org.siloStrength * (units - 1);
      // Dual accountability blurs roles only where the team crosses the line (003 L3295).
      if (units > 1) rate *= 1 - roleAmbiguity * org.matrixDegree;
      s.progress[id] = s.progress[id]! + Math.max(0, rate * (1 + noise * r.normal()));
    }
  },
});

/** Overload: attention and manager support are split over active initiatives (004 lever 1). */
export function overload(w: World): number {
  const p = paramsOf(w, progress);
  const cap = ((p.attentionPer1000 * w.staff.n) / 1000) * (1 + p.portfolioAttention * w.org.portfolio);
  return w.inits.active / cap;
}
