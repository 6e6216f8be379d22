/**
 * Process 9, institutionalisation: a successful initiative becomes routine practice only when the
 * line takes it over (budget, mandate); then it survives its champion and, through culture, shifts
 * practice toward NPG. Otherwise it decays, fast once its enthusiast burns out or leaves (000 §4
 * "fra ildsjeler til institusjonalisering"; Tolbert & Zucker's stages; 004 levers 4, 6).
 */
import { closeInitiative } from '../initiatives.js';
import { type GroupValues, param } from '../params/define.js';
import { NPG, PHASE, type World } from '../state.js';
import { meanBacking } from './politics.js';

export const institutionsParams = {
  takeoverRate: param(0.03, [0, 1], 'Weekly probability that the line takes over a success under full support', '000 §4'),
  fadeRate: param(0.01, [0, 1], 'Weekly decay of an implemented, not institutionalised result while its champion carries it', '000 §4'),
  orphanDecay: param(0.1, [0, 1], 'Weekly decay once the champion has left or burned out', '000 §4, SF9'),
  championBurnout: param(0.6, [0, 1], 'Burnout above which a champion can no longer carry a result', '003 Wigan; assumption'),
  routineDecay: param(0.001, [0, 0.1], 'Weekly probability that an institutionalised routine is lost', 'Tolbert & Zucker; assumption'),
  implementedValue: param(0.01, [0, 1], 'Weekly public value of a result carried by its champion', 'assumption'),
  routineValue: param(0.02, [0, 1], 'Weekly public value of an institutionalised routine', '002 §6; assumption'),
} as const;
export type InstitutionsParams = GroupValues<typeof institutionsParams>;

/** Line support for taking over a result: coaching head, project money, portfolio, political backing. */
export function lineSupport(w: World, unit: number, backing: number): number {
  const { org, managers, units } = w;
  const money = 0.4 + org.budgetTransfer + 3 * org.projectBudgetShare + 0.5 * org.portfolio + 0.3 * org.crossBudget;
  return (
    (0.3 + managers.style[units.head[unit]!]!) *
    Math.min(1.5, money) *
    (0.5 + backing) *
    (1 - 0.5 * org.budgetPressure) *
    (0.5 + org.steering[NPG]!)
  );
}

export function institutions(w: World): void {
  const p = w.p.institutions;
  const s = w.inits;
  const { staff, units } = w;
  const r = w.rng.institutions;
  const backing = meanBacking(w);
  for (let id = 0; id < s.cap; id++) {
    if (s.phase[id] !== PHASE.implemented) continue;
    const champ = s.champion[id]!;
    if (r.bernoulli(Math.min(1, p.takeoverRate * lineSupport(w, s.owner[id]!, backing)))) {
      units.routines[s.owner[id]!] = units.routines[s.owner[id]!]! + 1;
      w.flows.institutionalised++;
      closeInitiative(w, id);
      continue;
    }
    const orphan = champ < 0 || staff.burnout[champ]! > p.championBurnout;
    if (orphan) w.flows.orphanWeeks++;
    else w.flows.carriedWeeks++;
    if (r.bernoulli(orphan ? p.orphanDecay : p.fadeRate)) {
      if (orphan) w.flows.orphanDecays++;
      else w.flows.carriedDecays++;
      w.flows.decayed++;
      if (s.enthusiastLed[id]) w.flows.enthusiastDecayed++;
      closeInitiative(w, id);
      continue;
    }
    w.flows.value += p.implementedValue;
  }
  for (let u = 0; u < units.n; u++) {
    let kept = 0;
    for (let k = 0; k < units.routines[u]!; k++) if (!r.bernoulli(p.routineDecay)) kept++;
    units.routines[u] = kept;
    w.flows.value += kept * p.routineValue;
  }
}
