/** Levers on leadership and direction: top push, plans, missions, tugboats, leadership development, pace, trust reform, room to fail, portfolio, competence. */
import { moveMixBase } from '../modifiers.js';
import { addTie } from '../network.js';
import { param } from '../params/define.js';
import { NPG } from '../state.js';
import { add, inTargets, lever, leverParams, set, targetUnits, toward } from './lever.js';

const documentParams = {
  documentsShift: param(0.6, [0, 1], 'Share of the distance to pure NPG that documents move at a top push or with more plans', '002 VF-1'),
} as const;

/**
 * More plans and strategies (002 VF-1, S1): the documents turn toward NPG (at once, and they stay
 * written) and the plans add reporting, with no signal, resources or design behind them: "paper NPG".
 */
export const strategyPlans = lever({
  kind: 'strategy-plans',
  title: 'More plans and strategies',
  titleNb: 'Flere planer og strategier',
  changes: 'documents turn toward NPG and plans add reporting load; no signal, resources or design ("paper NPG")',
  source: '002 VF-1, S1',
  scope: 'org',
  reversible: true,
  options: {},
  params: { planReporting: param(0.1, [0, 1], 'Reporting load added by more plans and strategies', '002 VF-1, S1') },
  begin(w, it) {
    moveMixBase(w, 'documents', NPG, leverParams(w, documentParams).documentsShift * it.intensity);
  },
  modifiers: (_w, it, { p }) => [add('reportingLoad', p.planReporting * it.intensity)],
});

/** Single top push (002 S14): a strong signal at the top only; the documents turn at once. */
export const topPush = lever({
  kind: 'top-push',
  title: 'Single top push',
  titleNb: 'Enkelt dytt fra toppen',
  changes: 'top signal strength up; documents turn toward NPG at once',
  source: '002 S14',
  scope: 'org',
  reversible: true,
  options: {},
  params: { topPush: param(0.6, [0, 1], 'Top signal added by a single top push', '002 S14'), ...documentParams },
  begin(w, it, { p }) {
    moveMixBase(w, 'documents', NPG, p.documentsShift * it.intensity);
  },
  modifiers: (_w, it, { p }) => [add('topSignal', p.topPush * it.intensity)],
});

/** Mission orientation (004 lever 5): missions written into plans start aligned cross-unit initiatives. */
export const mission = lever({
  kind: 'mission',
  title: 'Mission orientation',
  titleNb: 'Misjonsorientering',
  changes: 'shared missions start aligned, cross-unit, politically anchored initiatives',
  source: '004 lever 5',
  scope: 'org',
  reversible: true,
  options: {
    perYear: { type: 'number', min: 0, max: 52, default: 12, doc: 'mission initiatives started per year at intensity 1' },
  },
  params: { missionDocuments: param(0.2, [0, 1], 'Share of the distance to pure NPG that documents move with missions', '004 lever 5') },
  begin(w, it, { p }) {
    moveMixBase(w, 'documents', NPG, p.missionDocuments * it.intensity);
  },
  modifiers: (_w, it) => [add('missionRate', (Number(it.options.perYear) / 52) * it.intensity)],
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
  options: {
    clearMandates: { type: 'boolean', default: true, doc: 'whether mandates are clarified along with the reform' },
  },
  params: {
    reportingCut: param(0.5, [0, 1], 'Reporting load removed by a trust reform', '003 S4'),
    steeringShift: param(0.3, [0, 1], 'Share of the distance to NPG steering covered by a trust reform', '003 S4'),
  },
  modifiers: (_w, it, { p }) => [
    add('reportingLoad', -p.reportingCut * it.intensity),
    add('autonomy', it.intensity),
    // Steering by trust rather than control: the steering mix moves toward NPG (003 S4).
    toward('steering', NPG, p.steeringShift * it.intensity),
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
  options: {},
  params: {
    onTheJobWeekly: param(0.003, [0, 0.1], 'Weekly competence gain of initiative members with competence on the job', '004 lever 8'),
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
