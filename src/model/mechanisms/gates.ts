/**
 * Process 7, gates, in order: the legal check (strictness x problem type; a legal-room review
 * lowers the internal, interpretive part, not the state's: 003 "local interpretation matters as
 * much as the law", 002 S7), the management spending gate (NPM weight in steering, fear of cost,
 * budget pressure; sheltered by project budgets, 002 S2b), and the political decision (override
 * probability; lower with the cogwheel interface, trust and understanding, and when co-creation
 * comes before the political resolution, 002 S8, S10, 003 S9). A finished initiative that passes
 * all gates succeeds with a probability given by its quality.
 */
import { EVENT } from '../events.js';
import { unitCount } from '../initiatives.js';
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import { NPM, OUTCOME, PHASE, PROBLEM, SEGMENTS, type World } from '../state.js';
import { overload } from './progress.js';

const LEGAL = 0;
const SPENDING = 1;
const POLITICAL = 2;

export const gates = mechanism({
  name: 'gates',
  title: 'Finished initiatives pass the legal, spending and political gates, then succeed by their quality',
  process: 'gates',
  sources: '002 §2.4, §4.3.4, §5.2, §5.9, Fig. 13, S2b, S7, S8, S10, S12, VF-11; 003 S6, S9, S10; 000 §2; 004 levers 1, 8',
  params: {
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
    transferShelter: param(0.5, [0, 2], 'Protection from the spending gate at full budget transfer to projects', '002 S2b'),
    crossBudgetShelter: param(0.3, [0, 2], 'Protection from the spending gate at full cross-sector budgeting', '003 S12'),
    pressureSpend: param(0.3, [0, 1], 'Extra spending-gate blocking at full budget pressure', '002 S12, 003 S6'),
    riskAversion: param(0.5, [0, 1], "Weight of top management's legal-risk and control-loss fears on the gates", '002 §2.4, §4.3.4'),
    centralSpend: param(0.5, [0, 2], 'Extra spending-gate blocking per unit of centralisation above centralPivot', '002 §4.3.4'),
    centralPivot: param(0.5, [0, 1], 'Centralisation at which it neither adds nor removes spending-gate blocking', 'assumption'),
    spendDepthBase: param(0.4, [0, 1], 'Spending-gate exposure of a consultation (depth 0)', 'assumption'),
    spendDepthStep: param(0.3, [0, 1], 'Extra spending-gate exposure per step of co-creation depth', '002 §5.4; assumption'),
    missionSpend: param(
      0.5,
      [0, 1],
      'Spending-gate exposure of a mission relative to other initiatives (missions have a budget)',
      '004 lever 5',
    ),
    politicalScale: param(
      0.5,
      [0, 1],
      'Override probability of a decision-maker politician with no trust or understanding',
      '002 §5.2, 003',
    ),
    overrideRole: param(0.6, [0, 1], 'Override removed in an interactive political leader (role 1)', '002 §5.2'),
    overrideUnderstanding: param(0.5, [0, 1], 'Override removed by full understanding of co-creation', '003'),
    overrideTrust: param(0.4, [0, 1], 'Override removed by full trust in the administration', '002 §5.2'),
    overrideBacking: param(0.5, [0, 1], 'Override removed by full backing of the transformation', '004 lever 1'),
    cogwheelRelief: param(0.5, [0, 1], 'Reduction of override with the cogwheel interface', '002 §5.9, S8'),
    earlyRelief: param(0.5, [0, 1], 'Reduction of override when co-creation comes before the resolution', '002 S10'),
    qualityBase: param(0.55, [0, 1], 'Success probability of a finished initiative of average quality', 'assumption'),
    qualityCompetence: param(0.3, [0, 1], 'Success added per unit of team competence above 0.5', '004 lever 8'),
    qualityCitizens: param(0.1, [0, 1], 'Success added when citizens took part', '002 VF-11'),
    qualityBreadth: param(
      0.15,
      [0, 1],
      'Success added when the citizens taking part come from every segment rather than one',
      '003 §3.6 (the dark side), S8',
    ),
    qualityDiversity: param(
      0.15,
      [0, 1],
      'Success added per additional unit on a wicked problem (up to qualityDiversityUnits)',
      '000 §2, 002 §2.5.3',
    ),
    qualityDiversityUnits: param(2, [1, 30], 'Additional units beyond which diversity adds no quality', 'assumption', true),
    siloIntegration: param(
      0.6,
      [0, 1],
      'Share of the diversity bonus lost at full silo strength (members stay loyal to their line)',
      '002 §4.3.5',
    ),
    wickedPenalty: param(0.2, [0, 1], 'Success lost by a wicked problem handled inside one silo', '000 §2'),
    authorityFit: param(0.15, [0, 1], 'Success lost on authority problems, where co-creation helps least', '002 Fig. 13'),
    qualityOverload: param(0.25, [0, 1], 'Success lost per unit of initiative overload above capacity', '004 lever 1'),
  },
  reads: ['inits.*', 'units.legal', 'units.internalLegal', 'org.*', 'top.*', 'pols.*', 'staff.competence', 'citizens.segment'],
  writes: ['inits.outcome'],
  indicators: {
    politicalOverride: indicator(
      'share',
      'down',
      { en: 'Political override', nb: 'Politisk overstyring' },
      'Probability that the council overrides a co-created proposal',
    ),
  },
  run(w, _tick, { p, rng: r }) {
    const s = w.inits;
    const { units, org, top, staff, log } = w;
    const shelter = Math.max(
      0,
      1 - p.budgetShelter * org.projectBudgetShare - p.transferShelter * org.budgetTransfer - p.crossBudgetShelter * org.crossBudget,
    );
    const spend = Math.min(
      1,
      (p.spendScale * org.steering[NPM]! * 2 * top.fearCost * shelter + p.pressureSpend * org.budgetPressure * shelter) *
        (1 + p.centralSpend * (org.centralisation - p.centralPivot)),
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
        log?.event(s.serial[id]!, EVENT['gate-blocked'], 0, -1, LEGAL);
        continue;
      }
      log?.event(s.serial[id]!, EVENT['gate-passed'], 0, -1, LEGAL);
      const depth = s.depth[id]!;
      // Deeper co-creation costs more, and a radical partnership means sharing control.
      const depthCost = p.spendDepthBase + p.spendDepthStep * depth;
      if (r.bernoulli(spend * depthCost * (depth === 3 ? controlFear : 1) * (s.mission[id] ? p.missionSpend : 1))) {
        s.outcome[id] = OUTCOME.blockedSpending;
        log?.event(s.serial[id]!, EVENT['gate-blocked'], 0, -1, SPENDING);
        continue;
      }
      log?.event(s.serial[id]!, EVENT['gate-passed'], 0, -1, SPENDING);
      // Deep co-creation (radical problem or partnership) and missions need a political decision.
      if (depth >= 2 || s.mission[id]) {
        if (r.bernoulli(political)) {
          s.outcome[id] = OUTCOME.blockedPolitical;
          log?.event(s.serial[id]!, EVENT['gate-blocked'], 0, -1, POLITICAL);
          continue;
        }
        log?.event(s.serial[id]!, EVENT['gate-passed'], 0, -1, POLITICAL);
      }
      let comp = 0;
      const n = s.teamCount[id]!;
      for (let k = 0; k < n; k++) comp += staff.competence[s.team[id * s.maxTeam + k]!]!;
      const nu = unitCount(w, id);
      let q = p.qualityBase + p.qualityCompetence * (comp / Math.max(1, n) - 0.5) - p.qualityOverload * over;
      if (s.actual[id]) q += p.qualityCitizens + p.qualityBreadth * segmentBreadth(w, id);
      if (problem === PROBLEM.wicked) {
        q +=
          nu > 1
            ? p.qualityDiversity * Math.min(p.qualityDiversityUnits, nu - 1) * (1 - p.siloIntegration * org.siloStrength)
            : -p.wickedPenalty;
      }
      if (problem === PROBLEM.authority) q -= p.authorityFit;
      s.outcome[id] = r.bernoulli(q) ? OUTCOME.success : OUTCOME.failure;
    }
  },
  observe(w, _ctx, set) {
    set('politicalOverride', politicalOverride(w));
  },
});

/** Mean probability that the council overrides a co-created proposal. */
export function politicalOverride(w: World): number {
  const p = paramsOf(w, gates);
  const { pols, org } = w;
  let sum = 0;
  for (let i = 0; i < pols.n; i++) {
    sum +=
      (1 - p.overrideRole * pols.role[i]!) *
      (1 - p.overrideUnderstanding * pols.understanding[i]!) *
      (1 - p.overrideTrust * pols.trustAdmin[i]!) *
      (1 - p.overrideBacking * pols.backing[i]!);
  }
  const mean = pols.n > 0 ? sum / pols.n : 0;
  return p.politicalScale * mean * (1 - p.cogwheelRelief * org.cogwheel) * (1 - p.earlyRelief * org.earlyCoCreation);
}

/** How many citizen segments take part in an initiative, from 0 (one segment) to 1 (all five). */
export function segmentBreadth(w: World, id: number): number {
  const s = w.inits;
  let mask = 0;
  const base = id * s.maxCitizens;
  for (let k = 0; k < s.citizenCount[id]!; k++) mask |= 1 << w.citizens.segment[s.citizenIds[base + k]!]!;
  let n = 0;
  while (mask) {
    mask &= mask - 1;
    n++;
  }
  return n > 0 ? (n - 1) / (SEGMENTS.length - 1) : 0;
}
