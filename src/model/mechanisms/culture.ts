/**
 * Process 10, culture: practice logic and openness drift slowly toward those of colleagues
 * (ties), toward the logic the steering systems reward, and toward NPG as far as the top
 * direction has been heard and co-creation has become routine in the unit (002 §8.2; 003 §2: the
 * logics layer on each other). Each update is a convex combination, so logic stays on the simplex.
 */
import { mean, strideMean } from '../../engine/stats.js';
import { indicator, mechanism } from '../mechanism.js';
import { param } from '../params/define.js';
import { NPG, NPM, OA, type World } from '../state.js';

export const culture = mechanism({
  name: 'culture',
  title: 'Practice logic, openness and fear of error drift toward colleagues, steering, the heard direction and routines',
  process: 'culture',
  sources: '002 §8.2, §4.3.3, M18, M22, §2.5.5, S12; 003 §2, S5, S6; 000 §4; 004',
  params: {
    peerRate: param(0.02, [0, 1], 'Weekly pull of practice logic and openness toward the mean of ties', '002 §4.3.3'),
    steeringPull: param(0.004, [0, 0.1], 'Weekly pull of practice logic toward the steering mix', '002 §8.2, 003 §2'),
    signalPull: param(0.006, [0, 0.1], 'Weekly pull toward NPG at fully heard top direction', '002 M18'),
    routinePull: param(0.01, [0, 0.1], 'Weekly pull toward NPG when co-creation is routine throughout the unit', '000 §4'),
    routineHalf: param(3, [0.1, 100], 'Routines per 100 staff at which a unit is half saturated', 'assumption'),
    opennessSignal: param(0.004, [0, 0.1], 'Weekly rise of openness at fully heard top direction', '002 M22'),
    burnoutClosure: param(0.01, [0, 0.1], 'Weekly fall of openness at full burnout', '004; assumption'),
    changeFatigue: param(0.0003, [0, 0.1], 'Weekly fall of openness per imposed change per year (change fatigue)', '003 S5'),
    identityInertia: param(0.5, [0, 1], 'Share of peer influence resisted at full professional identity', '003 §2'),
    fearDrift: param(0.005, [0, 0.1], 'Weekly drift of fear of error toward what the climate supports', '002 §2.5.5'),
    fearBase: param(0.31, [0, 1], 'Fear of error the climate supports without budget pressure or room to fail', 'assumption'),
    pressureFear: param(0.3, [0, 1], 'Fear of error added per unit of budget pressure', '002 S12, 003 S6'),
    safetyRelief: param(0.2, [0, 1], 'Fear of error removed at full room to fail', '002 §2.5.5, 003'),
  },
  reads: ['staff.*', 'ties', 'units.routines', 'units.staff', 'org.steering', 'org.changeBurden', 'org.budgetPressure', 'org.roomToFail'],
  writes: ['staff.logic', 'staff.openness', 'staff.fear', 'units.npgPractice'],
  indicators: {
    practiceOA: indicator(
      'share',
      'none',
      { en: 'Bureaucracy in practice', nb: 'Byråkrati i praksis' },
      'Bureaucracy (OA) in practice: mean weight in staff logic',
    ),
    practiceNPM: indicator('share', 'none', { en: 'NPM in practice', nb: 'NPM i praksis' }, 'NPM in practice: mean weight in staff logic'),
    practiceNPG: indicator(
      'share',
      'up',
      { en: 'NPG in practice', nb: 'NPG i praksis' },
      'NPG (co-creation) in practice: mean weight in staff logic',
    ),
    documentsOA: indicator(
      'share',
      'none',
      { en: 'Bureaucracy in documents', nb: 'Byråkrati i dokumenter' },
      'Bureaucracy (OA) in plans and documents',
    ),
    documentsNPM: indicator('share', 'none', { en: 'NPM in documents', nb: 'NPM i dokumenter' }, 'NPM in plans and documents'),
    documentsNPG: indicator('share', 'none', { en: 'NPG in documents', nb: 'NPG i dokumenter' }, 'NPG in plans and documents'),
    steeringOA: indicator(
      'share',
      'none',
      { en: 'Bureaucracy in steering', nb: 'Byråkrati i styring' },
      'Bureaucracy (OA) in steering systems',
    ),
    steeringNPM: indicator('share', 'none', { en: 'NPM in steering', nb: 'NPM i styring' }, 'NPM in steering systems'),
    steeringNPG: indicator('share', 'up', { en: 'NPG in steering', nb: 'NPG i styring' }, 'NPG in steering systems'),
    policyPracticeGap: indicator(
      'share',
      'down',
      { en: 'Policy-practice gap', nb: 'Gap mellom dokumenter og praksis' },
      'NPG in documents minus NPG in practice',
    ),
    openness: indicator('score', 'up', { en: 'Openness', nb: 'Åpenhet' }, 'Mean staff openness to co-creation'),
    fearOfError: indicator('score', 'down', { en: 'Fear of error', nb: 'Frykt for å feile' }, 'Mean staff fear of error'),
  },
  run(w, _tick, { p, rng: r }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      burnoutClosure,
      changeFatigue,
      fearBase,
      fearDrift,
      identityInertia,
      opennessSignal,
      peerRate,
      pressureFear,
      routineHalf,
      routinePull,
      safetyRelief,
      signalPull,
      steeringPull,
    } = p;
    const { staff, units, org, ties } = w;
    const { offsets, degree, neighbors } = ties;
    const L = staff.logic;
    const dens = w.scratch.a;
    for (let u = 0; u < units.n; u++) {
      const r = units.routines[u]!;
      dens[u] = r / (r + (routineHalf * units.staff[u]!) / 100);
      units.npgPractice[u] = 0;
    }
    const s0 = org.steering[0]!;
    const s1 = org.steering[1]!;
    const s2 = org.steering[2]!;
    const fatigue = changeFatigue * org.changeBurden;
    const fearTarget = Math.min(1, Math.max(0, fearBase + pressureFear * org.budgetPressure - safetyRelief * org.roomToFail));
    for (let i = 0; i < staff.n; i++) {
      const d = degree[i]!;
      const b = i * 3;
      const u = staff.unit[i]!;
      // One encounter with a random tie per week: in expectation the pull toward the mean of ties,
      // at O(agents) rather than O(ties) per tick.
      const j = d > 0 ? neighbors[offsets[i]! + r.int(d)]! : i;
      const m0 = L[j * 3]!;
      const m1 = L[j * 3 + 1]!;
      const m2 = L[j * 3 + 2]!;
      const mo = staff.openness[j]!;
      const a = d > 0 ? peerRate * (1 - identityInertia * staff.identity[i]!) : 0;
      let c = signalPull * staff.heard[i]! + routinePull * dens[u]!;
      let sp = steeringPull;
      let ap = a;
      const total = ap + sp + c;
      if (total > 1) {
        ap /= total;
        sp /= total;
        c /= total;
      }
      const keep = 1 - ap - sp - c;
      L[b] = keep * L[b]! + ap * m0 + sp * s0;
      L[b + 1] = keep * L[b + 1]! + ap * m1 + sp * s1;
      L[b + 2] = keep * L[b + 2]! + ap * m2 + sp * s2 + c;
      const op = staff.openness[i]!;
      staff.openness[i] = Math.min(
        1,
        Math.max(0, op + a * (mo - op) + opennessSignal * staff.heard[i]! * (1 - op) - (burnoutClosure * staff.burnout[i]! + fatigue) * op),
      );
      staff.fear[i] = staff.fear[i]! + fearDrift * (fearTarget - staff.fear[i]!);
      units.npgPractice[u] = units.npgPractice[u]! + L[b + NPG]!;
    }
    unitMeans(units);
  },
  observe(w, _ctx, set) {
    const { staff, org } = w;
    const n = staff.n;
    const npg = strideMean(staff.logic, n, 3, NPG);
    set('practiceOA', strideMean(staff.logic, n, 3, OA));
    set('practiceNPM', strideMean(staff.logic, n, 3, NPM));
    set('practiceNPG', npg);
    set('documentsOA', org.documents[OA]!);
    set('documentsNPM', org.documents[NPM]!);
    set('documentsNPG', org.documents[NPG]!);
    set('steeringOA', org.steering[OA]!);
    set('steeringNPM', org.steering[NPM]!);
    set('steeringNPG', org.steering[NPG]!);
    set('policyPracticeGap', org.documents[NPG]! - npg);
    set('openness', mean(staff.openness, n));
    set('fearOfError', mean(staff.fear, n));
  },
});

/** The per-unit sums of NPG in practice become means (a separate function keeps the hot loop's tail out of it). */
function unitMeans(units: World['units']): void {
  for (let u = 0; u < units.n; u++) units.npgPractice[u] = units.npgPractice[u]! / Math.max(1, units.staff[u]!);
}
