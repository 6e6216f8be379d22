/** Levers on leadership and direction: top push, plans, missions, tugboats, leadership development, pace, trust reform, room to fail, portfolio, competence. */
import { reviseDocuments } from '../mechanisms/top.js';
import { addTie } from '../network.js';
import { param } from '../params/define.js';
import { add, inTargets, lever, set, targetUnits } from './lever.js';

/**
 * More plans and strategies (002 VF-1, S1): the council orders plans; top management writes them
 * at once, toward NPG, and they add reporting, with no signal, resources or design behind them:
 * "paper NPG".
 */
export const strategyPlans = lever({
  kind: 'strategy-plans',
  title: 'More plans and strategies',
  titleNb: 'Flere planer og strategier',
  changes:
    'plans ordered: top management rewrites the documents toward NPG at once; plans add reporting load; no signal, resources or design ("paper NPG")',
  source: '002 VF-1, S1, M34, M49',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 30,
    moneyPerWeek: 0,
    setupCost: 300_000,
    basis: 'assumption: planning staff keep the plans and their reporting; set-up is writing the plans',
  },
  claims: {
    channel: ['documentsNPG', 'up'],
    outcomes: [
      ['policyPracticeGap', 'up'],
      ['burnout', 'up'],
    ],
  },
  options: {},
  params: {
    planAmbition: param(1, [0, 5], 'Ambition ordered plans add (relative rise of the NPG weight in the documents)', '002 VF-1, M34'),
    planReporting: param(0.1, [0, 1], 'Reporting load added by more plans and strategies', '002 VF-1, S1, M34'),
  },
  modifiers: (_w, it, { p }) => [add('ambition', p.planAmbition * it.intensity), add('reportingLoad', p.planReporting * it.intensity)],
  begin(w) {
    reviseDocuments(w, 1);
  },
});

/**
 * Single top push (002 S14): top management commits strongly and says so: its push (the top
 * signal) rises and it rewrites the strategy at once; the push reaches staff only as far as the
 * layers relay it.
 */
export const topPush = lever({
  kind: 'top-push',
  title: 'Single top push',
  titleNb: 'Enkelt dytt fra toppen',
  changes: "top management's commitment and push (top signal) up; it rewrites the documents toward NPG at once",
  source: '002 S14',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 15,
    moneyPerWeek: 0,
    setupCost: 100_000,
    basis: 'assumption: top management’s time on visible commitment (meetings, visits, communication); set-up is the launch',
  },
  claims: {
    channel: ['signalReach', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['practiceNPG', 'up'],
      ['publicValue', 'up'],
    ],
  },
  options: {},
  params: { topPush: param(0.6, [0, 1], 'Top signal added by a single top push', '002 S14') },
  modifiers: (_w, it, { p }) => [add('topSignal', p.topPush * it.intensity)],
  begin(w) {
    reviseDocuments(w, 1);
  },
});

/** Mission orientation (004 lever 5): missions written into plans start aligned cross-unit initiatives. */
export const mission = lever({
  kind: 'mission',
  title: 'Mission orientation',
  titleNb: 'Misjonsorientering',
  changes: 'shared missions written into the plans start aligned, cross-unit, politically anchored initiatives',
  source: '004 lever 5',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 50,
    moneyPerWeek: 10_000,
    setupCost: 300_000,
    basis: 'assumption: mission leads and cross-unit meetings; set-up is the political process that adopts the missions',
  },
  claims: {
    channel: ['crossSiloCoCreation', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['transformationIndex', 'up'],
      ['publicValue', 'up'],
    ],
  },
  options: {
    perYear: { type: 'number', min: 0, max: 52, default: 12, doc: 'mission initiatives started per year at intensity 1' },
  },
  params: { missionAmbition: param(0.3, [0, 5], 'Ambition missions add to the plans (relative rise of their NPG weight)', '004 lever 5') },
  modifiers: (_w, it, { p }) => [
    add('ambition', p.missionAmbition * it.intensity),
    add('missionRate', (Number(it.options.perYear) / 52) * it.intensity),
  ],
  begin(w) {
    reviseDocuments(w, 1);
  },
});

/**
 * Tugboats (002 S13): a share of staff in the targeted units become change agents. They hear the
 * direction themselves and pass it to their ties (signals.ts). The end of the programme ends the role.
 */
export const tugboats = lever({
  kind: 'tugboats',
  title: 'Tugboats (change agents)',
  titleNb: 'Slepebåter (endringsagenter)',
  changes: 'makes a share of staff distributed change agents who pass the direction to their ties, bypassing layers',
  source: '002 S13',
  scope: 'unit',
  reversible: true,
  effort: {
    staffHoursPerWeek: 100,
    moneyPerWeek: 5000,
    setupCost: 200_000,
    basis: 'assumption: about 50 change agents (tugboats) spend 2 hours a week; set-up is their recruitment and training',
  },
  claims: {
    channel: ['signalReach', 'up'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['practiceNPG', 'up'],
      ['publicValue', 'up'],
    ],
  },
  options: {
    share: { type: 'number', min: 0, max: 0.2, default: 0.03, doc: 'share of staff made tugboats at intensity 1' },
  },
  params: {
    tugboatBrokerTies: param(2, [0, 10], 'Cross-unit ties each tugboat makes as a broker across silos', '002 S13', true),
    tugboatOpenness: param(0.7, [0, 1], 'Openness a tugboat has at least (chosen for their readiness)', '002 S13; assumption'),
  },
  begin(w, it, { p, rng: r }) {
    const { staff, units } = w;
    const share = Number(it.options.share) * it.intensity;
    const chosen: number[] = [];
    for (const u of targetUnits(w, it)) {
      const first = units.firstStaff[u]!;
      for (let i = first; i < first + units.staff[u]!; i++) {
        if (staff.tugboat[i] === 0 && r.bernoulli(share)) {
          staff.tugboat[i] = 1;
          staff.openness[i] = Math.max(staff.openness[i]!, p.tugboatOpenness);
          chosen.push(i);
          // Change agents are brokers: they reach across the silo walls.
          for (let k = 0; k < p.tugboatBrokerTies; k++) {
            let v = r.int(units.n - 1);
            if (v >= u) v++;
            if (units.n > 1) addTie(w, i, units.firstStaff[v]! + r.int(units.staff[v]!));
          }
        }
      }
    }
    w.org.tugboats += chosen.length;
    return chosen;
  },
  end(w, _it, _ctx, chosen) {
    for (const i of chosen) {
      if (w.staff.tugboat[i] === 1) {
        w.staff.tugboat[i] = 0;
        w.org.tugboats--;
      }
    }
  },
});

/** Leadership development (002 S5, 004): managers move weekly toward coaching; relay up, insecurity down. */
export const leadershipDevelopment = lever({
  kind: 'leadership-development',
  title: 'Leadership development',
  titleNb: 'Lederutvikling',
  changes: 'middle managers move weekly toward coach/facilitator style; relay probability up; insecurity down',
  source: '002 S5, 004 (adaptive leadership)',
  scope: 'unit',
  reversible: false,
  effort: {
    staffHoursPerWeek: 80,
    moneyPerWeek: 25_000,
    setupCost: 400_000,
    basis: 'assumption: about 40 middle managers spend 2 hours a week in the programme; an external programme of about NOK 1.3 M a year',
  },
  claims: {
    channel: ['coachingStyle', 'up'],
    outcomes: [
      ['practiceNPG', 'up'],
      ['publicValue', 'up'],
      ['trustStaffManagement', 'up'],
    ],
  },
  options: {
    rate: {
      type: 'number',
      min: 0,
      max: 0.2,
      default: 0.01,
      doc: 'weekly share of the distance to full coaching covered at intensity 1',
    },
  },
  params: {
    leadershipRelay: param(0.5, [0, 2], 'Weekly relay gain relative to the style gain in leadership development', '002 S5; assumption'),
  },
  weekly(w, it, { p }) {
    const m = w.managers;
    const rate = Number(it.options.rate) * it.intensity;
    for (let k = 0; k < m.n; k++) {
      if (m.removed[k] === 1 || !inTargets(it, m.unit[k]!)) continue;
      m.style[k] = m.style[k]! + rate * (1 - m.style[k]!);
      m.relay[k] = m.relay[k]! + p.leadershipRelay * rate * (1 - m.relay[k]!);
      m.insecurity[k] = m.insecurity[k]! * (1 - rate);
    }
  },
});

/**
 * Pace of change (003 S5 "work slowly to work fast"; 004 lever 1; Wigan 003 §6.2): rapid adds
 * imposed changes and a stronger push; slow removes imposed changes. Which of the two works is
 * the `pace` mechanism choice (operations).
 */
export const paceOfChange = lever({
  kind: 'pace-of-change',
  title: 'Pace of change',
  titleNb: 'Endringstempo',
  changes: 'rapid: many imposed changes (strain, time) with a stronger push; slow: fewer imposed changes ("work slowly to work fast")',
  source: '003 S5, 004 lever 1',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 0,
    moneyPerWeek: 0,
    setupCost: 0,
    basis: 'a choice of pace for other changes; its own cost lies in those changes',
  },
  claims: {
    channel: ['burnout', 'up'],
    outcomes: [
      ['trustStaffManagement', 'down'],
      ['publicValue', 'down'],
    ],
  },
  options: {
    mode: { type: 'enum', values: ['rapid', 'slow'], default: 'rapid', doc: 'many rapid imposed changes, or deliberately slow' },
  },
  params: {
    rapidChanges: param(4, [0, 20], 'Imposed changes per year added by a rapid pace of change', '003 S5, 004 lever 1'),
    rapidPush: param(0.3, [0, 1], 'Top signal added by a rapid pace of change', '003 §6.2 (Wigan)'),
    slowRelief: param(1, [0, 20], 'Imposed changes per year removed by a deliberately slow pace', '003 S5'),
  },
  modifiers: (_w, it, { p }) =>
    it.options.mode === 'slow'
      ? [add('imposedChanges', -p.slowRelief * it.intensity)]
      : [add('imposedChanges', p.rapidChanges * it.intensity), add('topSignal', p.rapidPush * it.intensity)],
});

/** Trust reform (003 S4, SF-19): less reporting, more autonomy; it helps only with clear mandates. */
export const trustReform = lever({
  kind: 'trust-reform',
  title: 'Trust reform',
  titleNb: 'Tillitsreform',
  changes:
    'reporting load down, autonomy up, steering toward trust (NPG); autonomy speeds work only with clear mandates and slows it without',
  source: '003 S4, 003 SF-19',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 60,
    moneyPerWeek: 5000,
    setupCost: 500_000,
    basis:
      'assumption: regular dialogue meetings between managers and staff (about 1.5 posts net of reporting saved); set-up is the reform process with the unions',
  },
  claims: {
    channel: ['trustStaffManagement', 'up'],
    outcomes: [
      ['practiceNPG', 'up'],
      ['burnout', 'down'],
      ['publicValue', 'up'],
    ],
  },
  options: {
    clearMandates: { type: 'boolean', default: true, doc: 'whether mandates are clarified along with the reform' },
  },
  params: {
    reportingCut: param(0.5, [0, 1], 'Reporting load removed by a trust reform', '003 S4'),
  },
  modifiers: (_w, it, { p }) => [
    add('reportingLoad', -p.reportingCut * it.intensity),
    add('autonomy', it.intensity),
    set('mandateClarity', it.options.clearMandates === false ? 0 : 1),
  ],
});

/** Room to fail (002 §2.5.5, 003): failures cost less trust and fear, teach more; more proposals. */
export const roomToFail = lever({
  kind: 'room-to-fail',
  title: 'Room to fail',
  titleNb: 'Rom for å feile',
  changes: 'failures raise fear and cost trust less and produce learning; more proposals',
  source: '002 §2.5.5, 003',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 10,
    moneyPerWeek: 0,
    setupCost: 150_000,
    basis: 'assumption: a few hours a week of management attention to learning reviews; set-up is leadership seminars',
  },
  claims: {
    channel: ['fearOfError', 'down'],
    outcomes: [
      ['coCreationActual', 'up'],
      ['publicValue', 'up'],
      ['transformationIndex', 'up'],
    ],
  },
  options: {},
  params: {},
  modifiers: (_w, it) => [add('roomToFail', it.intensity)],
});

/** Portfolio management (004 levers 4, 6): filter, coordinate, and spread what works across units. */
export const portfolio = lever({
  kind: 'portfolio',
  title: 'Portfolio management',
  titleNb: 'Porteføljestyring',
  changes: 'stops proposals without value, coordinates (more attention capacity), supports take-over, spreads routines across units',
  source: '004 levers 4, 6',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 40,
    moneyPerWeek: 0,
    setupCost: 300_000,
    basis: 'assumption: a portfolio office of about one full-time post; set-up is the portfolio method and tool',
  },
  claims: {
    channel: ['routines', 'up'],
    outcomes: [
      ['practiceNPG', 'up'],
      ['burnout', 'down'],
    ],
  },
  options: {},
  params: {
    portfolioSpread: param(
      0.002,
      [0, 0.1],
      'Weekly probability that a routine spreads to another unit under portfolio management',
      '004 lever 6',
    ),
  },
  modifiers: (_w, it) => [add('portfolio', it.intensity)],
  weekly(w, it, { p, rng: r }) {
    const { units } = w;
    if (units.n < 2) return;
    const q = p.portfolioSpread * it.intensity;
    for (let u = 0; u < units.n; u++) {
      const n = units.routines[u]!;
      for (let k = 0; k < n; k++) {
        if (!r.bernoulli(q)) continue;
        let v = r.int(units.n - 1);
        if (v >= u) v++;
        units.routines[v] = units.routines[v]! + 1;
      }
    }
  },
});

/** Competence on the job (004 lever 8): members of running initiatives learn by doing, every week. */
export const competenceOnTheJob = lever({
  kind: 'competence-on-the-job',
  title: 'Competence on the job',
  titleNb: 'Kompetanse i arbeidet',
  changes: 'competence grows through practice in initiatives, not courses',
  source: '004 lever 8',
  scope: 'org',
  reversible: true,
  effort: {
    staffHoursPerWeek: 40,
    moneyPerWeek: 0,
    setupCost: 100_000,
    basis: 'assumption: mentors’ time in initiatives; set-up is the mentoring scheme',
  },
  claims: {
    channel: ['competence', 'up'],
    outcomes: [
      ['publicValue', 'up'],
      ['practiceNPG', 'up'],
    ],
  },
  options: {},
  params: {
    onTheJobWeekly: param(0.008, [0, 0.1], 'Weekly competence gain of initiative members with competence on the job', '004 lever 8'),
  },
  modifiers: (_w, it) => [add('onTheJob', it.intensity)],
  weekly(w, it, { p }) {
    const { staff } = w;
    const g = p.onTheJobWeekly * it.intensity;
    for (let i = 0; i < staff.n; i++) {
      if (staff.initiative[i]! >= 0) staff.competence[i] = staff.competence[i]! + g * (1 - staff.competence[i]!);
    }
  },
});
