/**
 * Process 9, institutionalisation: a successful initiative becomes routine practice only when the
 * line takes it over (budget, mandate); then it survives its champion and, through culture, shifts
 * practice toward NPG. Otherwise it decays, fast once its enthusiast burns out or leaves (000 §4
 * "fra ildsjeler til institusjonalisering"; Tolbert & Zucker's stages; 004 levers 4, 6).
 */
import { EVENT } from '../events.js';
import { closeInitiative } from '../initiatives.js';
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import { NPG, PHASE, type World } from '../state.js';
import { meanBacking } from './politics.js';

export const institutions = mechanism({
  name: 'institutions',
  title: 'The line takes successful results over as routines, or they decay, fast once their champion is gone',
  process: 'institutions',
  sources: '000 §4; 004 levers 4, 6; Tolbert & Zucker',
  params: {
    takeoverRate: param(0.03, [0, 1], 'Weekly probability that the line takes over a success under full support', '000 §4'),
    fadeRate: param(0.01, [0, 1], 'Weekly decay of an implemented, not institutionalised result while its champion carries it', '000 §4'),
    orphanDecay: param(0.1, [0, 1], 'Weekly decay once the champion has left or burned out', '000 §4, SF9'),
    championBurnout: param(0.6, [0, 1], 'Burnout above which a champion can no longer carry a result', '003 Wigan; assumption'),
    routineDecay: param(
      0.01,
      [0, 0.1],
      'Weekly probability that an institutionalised routine lapses back to the old practice (mean life about two years)',
      '003 M22 (relapse), 000 §4; Tolbert & Zucker; assumption',
    ),
    implementedValue: param(0.01, [0, 1], 'Weekly public value of a result carried by its champion', 'assumption'),
    routineValue: param(0.02, [0, 1], 'Weekly public value of an institutionalised routine', '002 §6; assumption'),
    supportBase: param(0.3, [0, 2], 'Line support of a fully controlling unit head (rises by 1 per unit of coaching style)', 'assumption'),
    moneyBase: param(0.4, [0, 2], 'Money for taking over results in the line without project budgets', 'assumption'),
    moneyTransfer: param(1, [0, 5], 'Money added at full budget transfer to projects', '002 S2b; assumption'),
    moneyProject: param(3, [0, 20], 'Money added per unit of project budget share', '002 S2b; assumption'),
    moneyPortfolio: param(0.5, [0, 5], 'Money added at full portfolio management', '004 levers 4, 6; assumption'),
    moneyCrossBudget: param(0.3, [0, 5], 'Money added at full cross-sector budgeting', '003 S12; assumption'),
    moneyCap: param(1.5, [0.1, 10], 'Most that money can add to line support', 'assumption'),
    backingFloor: param(
      0.5,
      [0, 2],
      'Line support factor without political backing (rises by 1 per unit of backing)',
      '004 lever 1; assumption',
    ),
    pressureSupport: param(0.5, [0, 1], 'Line support lost at full budget pressure', '002 S12; assumption'),
    steeringFloor: param(0.5, [0, 2], 'Line support factor with no NPG in steering (rises by 1 per unit)', '002 §8.2; assumption'),
  },
  reads: ['inits.*', 'staff.burnout', 'managers.style', 'units.head', 'units.routines', 'org.*', 'pols.backing'],
  writes: ['inits.*', 'units.routines'],
  flows: ['institutionalised', 'decayed', 'enthusiastDecayed', 'carriedWeeks', 'carriedDecays', 'orphanWeeks', 'orphanDecays', 'value'],
  indicators: {
    initiativesInstitutionalised: indicator(
      'count',
      'up',
      { en: 'Initiatives institutionalised', nb: 'Initiativer institusjonalisert' },
      'Results taken over by the line as routines this week',
    ),
    initiativesDecayed: indicator(
      'count',
      'down',
      { en: 'Routines decayed', nb: 'Rutiner forvitret' },
      'Results that decayed without being taken over this week',
    ),
    routines: indicator(
      'routines',
      'up',
      { en: 'Institutionalised routines', nb: 'Institusjonaliserte rutiner' },
      'Co-created routines institutionalised in the line (number)',
    ),
  },
  run(w, _tick, { p, rng: r, flows }) {
    const s = w.inits;
    const { staff, units } = w;
    const backing = meanBacking(w);
    for (let id = 0; id < s.cap; id++) {
      if (s.phase[id] !== PHASE.implemented) continue;
      const champ = s.champion[id]!;
      if (r.bernoulli(Math.min(1, p.takeoverRate * lineSupport(w, s.owner[id]!, backing)))) {
        units.routines[s.owner[id]!] = units.routines[s.owner[id]!]! + 1;
        flows.institutionalised++;
        w.log?.event(s.serial[id]!, EVENT.institutionalised, 0, -1, s.owner[id]!);
        closeInitiative(w, id);
        continue;
      }
      const orphan = champ < 0 || staff.burnout[champ]! > p.championBurnout;
      if (orphan) flows.orphanWeeks++;
      else flows.carriedWeeks++;
      if (r.bernoulli(orphan ? p.orphanDecay : p.fadeRate)) {
        if (orphan) flows.orphanDecays++;
        else flows.carriedDecays++;
        flows.decayed++;
        if (s.enthusiastLed[id]) flows.enthusiastDecayed++;
        w.log?.event(s.serial[id]!, EVENT.decayed, 0, -1, orphan ? 1 : 0);
        closeInitiative(w, id);
        continue;
      }
      flows.value += p.implementedValue;
    }
    for (let u = 0; u < units.n; u++) {
      let kept = 0;
      for (let k = 0; k < units.routines[u]!; k++) if (!r.bernoulli(p.routineDecay)) kept++;
      units.routines[u] = kept;
      flows.value += kept * p.routineValue;
    }
  },
  observe(w, { flows }, set) {
    set('initiativesInstitutionalised', flows.institutionalised);
    set('initiativesDecayed', flows.decayed);
    let routines = 0;
    for (let u = 0; u < w.units.n; u++) routines += w.units.routines[u]!;
    set('routines', routines);
  },
});

/** Line support for taking over a result: coaching head, project money, portfolio, political backing. */
export function lineSupport(w: World, unit: number, backing: number): number {
  const p = paramsOf(w, institutions);
  const { org, managers, units } = w;
  const money =
    p.moneyBase +
    p.moneyTransfer * org.budgetTransfer +
    p.moneyProject * org.projectBudgetShare +
    p.moneyPortfolio * org.portfolio +
    p.moneyCrossBudget * org.crossBudget;
  return (
    (p.supportBase + managers.style[units.head[unit]!]!) *
    Math.min(p.moneyCap, money) *
    (p.backingFloor + backing) *
    (1 - p.pressureSupport * org.budgetPressure) *
    (p.steeringFloor + org.steering[NPG]!)
  );
}
