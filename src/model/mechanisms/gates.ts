/**
 * Process 7, gates, in order: the legal check (strictness x problem type; a legal-room review
 * lowers the internal, interpretive part, not the state's: 003 "local interpretation matters as
 * much as the law", 002 S7), the management spending gate (NPM weight in steering, fear of cost,
 * budget pressure; sheltered by project budgets, 002 S2b), and the political decision (override
 * probability; lower with the cogwheel interface, trust and understanding, and when co-creation
 * comes before the political resolution, 002 S8, S10, 003 S9). A finished initiative that passes
 * all gates succeeds with a probability given by its quality.
 */
import { unitCount } from '../initiatives.js';
import { type GroupValues, param } from '../params/define.js';
import { NPM, OUTCOME, PHASE, PROBLEM, type World } from '../state.js';
import { overload } from './progress.js';

export const gatesParams = {
  legalScale: param(0.5, [0, 1], 'Block probability at full strictness for an authority problem', '002 §2.4, 003 S10'),
  legalWicked: param(0.4, [0, 1], 'Legal exposure of wicked problems relative to authority problems', '002 Fig. 13'),
  legalRoutine: param(0.2, [0, 1], 'Legal exposure of routine problems relative to authority problems', '002 Fig. 13'),
  stateLegalShare: param(
    0.5,
    [0, 1],
    'Share of legal friction set by the state, which a local review cannot lower',
    '003 (local interpretation)',
  ),
  spendScale: param(0.5, [0, 1], 'Block probability at the spending gate at full NPM steering and fear of cost', '002 §4.3.4'),
  budgetShelter: param(3, [0, 10], 'Protection from the spending gate per unit of project budget share', '002 S2b'),
  pressureSpend: param(0.3, [0, 1], 'Extra spending-gate blocking at full budget pressure', '002 S12, 003 S6'),
  riskAversion: param(0.5, [0, 1], "Weight of top management's legal-risk and control-loss fears on the gates", '002 §2.4, §4.3.4'),
  centralSpend: param(0.5, [0, 2], 'Extra spending-gate blocking per unit of centralisation', '002 §4.3.4'),
  politicalScale: param(0.5, [0, 1], 'Override probability of a decision-maker politician with no trust or understanding', '002 §5.2, 003'),
  cogwheelRelief: param(0.5, [0, 1], 'Reduction of override with the cogwheel interface', '002 §5.9, S8'),
  earlyRelief: param(0.5, [0, 1], 'Reduction of override when co-creation comes before the resolution', '002 S10'),
  qualityBase: param(0.55, [0, 1], 'Success probability of a finished initiative of average quality', 'assumption'),
  qualityCompetence: param(0.3, [0, 1], 'Success added per unit of team competence above 0.5', '004 lever 8'),
  qualityCitizens: param(0.1, [0, 1], 'Success added when citizens took part', '002 VF-11'),
  qualityDiversity: param(0.15, [0, 1], 'Success added per additional unit on a wicked problem (up to two)', '000 §2, 002 §2.5.3'),
  siloIntegration: param(
    0.6,
    [0, 1],
    'Share of the diversity bonus lost at full silo strength (members stay loyal to their line)',
    '002 §4.3.5',
  ),
  wickedPenalty: param(0.2, [0, 1], 'Success lost by a wicked problem handled inside one silo', '000 §2'),
  authorityFit: param(0.15, [0, 1], 'Success lost on authority problems, where co-creation helps least', '002 Fig. 13'),
  qualityOverload: param(0.25, [0, 1], 'Success lost per unit of initiative overload above capacity', '004 lever 1'),
} as const;
export type GatesParams = GroupValues<typeof gatesParams>;

/** Mean probability that the council overrides a co-created proposal. */
export function politicalOverride(w: World): number {
  const p = w.p.gates;
  const { pols, org } = w;
  let sum = 0;
  for (let i = 0; i < pols.n; i++) {
    sum += (1 - 0.6 * pols.role[i]!) * (1 - 0.5 * pols.understanding[i]!) * (1 - 0.4 * pols.trustAdmin[i]!) * (1 - 0.5 * pols.backing[i]!);
  }
  const mean = pols.n > 0 ? sum / pols.n : 0;
  return p.politicalScale * mean * (1 - p.cogwheelRelief * org.cogwheel) * (1 - p.earlyRelief * org.earlyCoCreation);
}

export function gates(w: World): void {
  const p = w.p.gates;
  const s = w.inits;
  const { units, org, top, staff } = w;
  const r = w.rng.gates;
  const shelter = Math.max(0, 1 - p.budgetShelter * org.projectBudgetShare - 0.5 * org.budgetTransfer - 0.3 * org.crossBudget);
  const spend = Math.min(
    1,
    (p.spendScale * org.steering[NPM]! * 2 * top.fearCost * shelter + p.pressureSpend * org.budgetPressure * shelter) *
      (1 + p.centralSpend * (org.centralisation - 0.5)),
  );
  // Top management's fears scale the gates around their defaults (0.5 leaves them unchanged).
  const legalFear = 1 + p.riskAversion * (2 * top.legalRisk - 1);
  const controlFear = 1 + p.riskAversion * (2 * top.controlLoss - 1);
  const political = politicalOverride(w);
  const over = Math.max(0, overload(w) - 1);
  for (let id = 0; id < s.cap; id++) {
    if (s.phase[id] !== PHASE.running || s.outcome[id] !== OUTCOME.none || s.progress[id]! < 1) continue;
    const problem = s.problem[id]!;
    const exposure = problem === PROBLEM.authority ? 1 : problem === PROBLEM.wicked ? p.legalWicked : p.legalRoutine;
    const u = s.owner[id]!;
    const internal = p.stateLegalShare + (1 - p.stateLegalShare) * units.internalLegal[u]!;
    if (r.bernoulli(p.legalScale * units.legal[u]! * exposure * internal * legalFear)) {
      s.outcome[id] = OUTCOME.blockedLegal;
      continue;
    }
    const depth = s.depth[id]!;
    // Deeper co-creation costs more, and a radical partnership means sharing control.
    if (r.bernoulli(spend * (0.4 + 0.3 * depth) * (depth === 3 ? controlFear : 1) * (s.mission[id] ? 0.5 : 1))) {
      s.outcome[id] = OUTCOME.blockedSpending;
      continue;
    }
    // Deep co-creation (radical problem or partnership) and missions need a political decision.
    if ((depth >= 2 || s.mission[id]) && r.bernoulli(political)) {
      s.outcome[id] = OUTCOME.blockedPolitical;
      continue;
    }
    let comp = 0;
    const n = s.teamCount[id]!;
    for (let k = 0; k < n; k++) comp += staff.competence[s.team[id * s.maxTeam + k]!]!;
    const nu = unitCount(w, id);
    let q = p.qualityBase + p.qualityCompetence * (comp / Math.max(1, n) - 0.5) - p.qualityOverload * over;
    if (s.actual[id]) q += p.qualityCitizens;
    if (problem === PROBLEM.wicked) {
      q += nu > 1 ? p.qualityDiversity * Math.min(2, nu - 1) * (1 - p.siloIntegration * org.siloStrength) : -p.wickedPenalty;
    }
    if (problem === PROBLEM.authority) q -= p.authorityFit;
    s.outcome[id] = r.bernoulli(q) ? OUTCOME.success : OUTCOME.failure;
  }
}
