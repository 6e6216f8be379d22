/**
 * Process 10, culture: practice logic and openness drift slowly toward those of colleagues
 * (ties), toward the logic the steering systems reward, and toward NPG as far as the top
 * direction has been heard and co-creation has become routine in the unit (002 §8.2; 003 §2: the
 * logics layer on each other). Each update is a convex combination, so logic stays on the simplex.
 */
import type { Rng } from '../../engine/rng.js';
import { COHORT_RUN, cohortOf, weeksOf } from '../cohorts.js';
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { type GroupValues, param } from '../params/define.js';
import { NPG, NPM, OA, type World } from '../state.js';

export const culture = mechanism({
  name: 'culture',
  title: 'Practice logic, openness and fear of error drift toward colleagues, steering, the heard direction and routines',
  process: 'culture',
  sources: '002 §8.2, §4.3.3, M18, M22, §2.5.5, S12; 003 §2, S5, S6; 000 §4; 004',
  params: {
    peerRate: param(0.02, [0, 1], 'Weekly pull of practice logic and openness toward the mean of ties', '002 §4.3.3'),
    steeringPull: param(0.004, [0, 0.1], 'Weekly pull of practice logic toward the steering mix', '002 §8.2, 003 §2'),
    habitPull: param(
      0.01,
      [0, 0.1],
      "Weekly pull of practice logic back toward the professions' inherited practice mix",
      '003 §2, M22 (relapse); assumption',
    ),
    opennessHabit: param(
      0.02,
      [0, 0.1],
      "Weekly drift of a person's openness back toward what their profession and temperament give (enthusiasts higher)",
      'assumption',
    ),
    competenceFade: param(
      0.002,
      [0, 0.1],
      'Weekly fading of co-creation competence toward the staff baseline when not renewed',
      'assumption',
    ),
    signalPull: param(0.006, [0, 0.1], 'Weekly pull toward NPG at fully heard top direction', '002 M18'),
    routinePull: param(0.01, [0, 0.1], 'Weekly pull toward NPG when co-creation is routine throughout the unit', '000 §4'),
    routineHalf: param(3, [0.1, 100], 'Routines per 100 staff at which a unit is half saturated', 'assumption'),
    opennessSignal: param(0.004, [0, 0.1], 'Weekly rise of openness at fully heard top direction', '002 M22'),
    burnoutClosure: param(0.01, [0, 0.1], 'Weekly fall of openness at full burnout', '004; assumption'),
    changeFatigue: param(0.0003, [0, 0.1], 'Weekly fall of openness per imposed change per year (change fatigue)', '003 S5'),
    identityInertia: param(0.5, [0, 1], 'Share of peer influence resisted at full professional identity', '003 §2'),
    fearDrift: param(0.005, [0, 0.1], 'Weekly drift of fear of error toward what the climate supports', '002 §2.5.5'),
    fearBase: param(
      0.255,
      [0, 1],
      'Fear of error the climate supports without budget pressure, legal uncertainty or room to fail',
      'assumption',
    ),
    legalFear: param(0.25, [0, 1], 'Fear of error added per unit of internal legal strictness of the unit’s field', '002 M40, M43'),
    pressureFear: param(0.3, [0, 1], 'Fear of error added per unit of budget pressure', '002 S12, 003 S6'),
    safetyRelief: param(0.2, [0, 1], 'Fear of error removed at full room to fail', '002 §2.5.5, 003'),
    every: param(
      4,
      [1, 13],
      "Weeks between updates of a person's practice, openness, fear and competence: a 1/every share of the staff each week, each update worth every weeks (1: everyone weekly)",
      'numerical scheme, not a source (docs/model.md §7.10)',
      true,
    ),
  },
  reads: [
    'staff.*',
    'ties',
    'units.routines',
    'units.staff',
    'units.legal',
    'units.internalLegal',
    'org.steering',
    'org.changeBurden',
    'org.budgetPressure',
    'org.roomToFail',
  ],
  writes: ['staff.logic', 'staff.openness', 'staff.fear', 'staff.competence', 'units.npgPractice'],
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
  run(w, tick, { p, rng: r }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      every,
      burnoutClosure,
      changeFatigue,
      fearDrift,
      identityInertia,
      opennessSignal,
      peerRate,
      routineHalf,
      routinePull,
      signalPull,
      steeringPull,
      habitPull,
      competenceFade,
      opennessHabit,
    } = p;
    const { units, org } = w;
    const dens = w.scratch.a;
    for (let u = 0; u < units.n; u++) {
      const r = units.routines[u]!;
      dens[u] = r / (r + (routineHalf * units.staff[u]!) / 100);
    }
    // Practice is pulled toward what the steering systems reward and back toward the professions'
    // inherited practice (the old logics stay: 003 §2; relapse to existing practice: 003 M22).
    const habit = w.orgConfig.logic.practice;
    const anchor = steeringPull + habitPull;
    const s0 = anchor > 0 ? (steeringPull * org.steering[0]! + habitPull * habit[0]) / anchor : 0;
    const s1 = anchor > 0 ? (steeringPull * org.steering[1]! + habitPull * habit[1]) / anchor : 0;
    const s2 = anchor > 0 ? (steeringPull * org.steering[2]! + habitPull * habit[2]) / anchor : 0;
    const ip = w.p.init as { competence: number; openness: number; enthusiastOpenness: number };
    const skill = ip.competence;
    const open0 = ip.openness;
    const keen = ip.enthusiastOpenness;
    const fatigue = changeFatigue * org.changeBurden;
    // The fear of error the climate supports: budget pressure, legal uncertainty in the unit's field
    // (its internal, interpretive part: 002 M40, M43), and room to fail.
    const fearTarget = w.scratch.b;
    for (let u = 0; u < units.n; u++) fearTarget[u] = climateFear(w, p, u);
    practiceLoop(w, r, dens, fearTarget, {
      cohort: cohortOf(tick, every),
      every,
      anchor,
      s0,
      s1,
      s2,
      open0,
      keen,
      skill,
      fatigue,
      peerRate,
      identityInertia,
      signalPull,
      routinePull,
      opennessSignal,
      burnoutClosure,
      opennessHabit,
      fearDrift: weeksOf(1 - fearDrift, every) * fearDrift,
      competenceFade: weeksOf(1 - competenceFade, every) * competenceFade,
    });
    unitMeans(w);
  },
  observe(w, _ctx, set) {
    const { staff, org } = w;
    const n = staff.n;
    // One pass for the five means, each summed in staff order.
    const L = staff.logic;
    const { openness, fear } = staff;
    let oa = 0;
    let npm = 0;
    let sumNpg = 0;
    let open = 0;
    let afraid = 0;
    for (let i = 0; i < n; i++) {
      oa += L[i * 3 + OA]!;
      npm += L[i * 3 + NPM]!;
      sumNpg += L[i * 3 + NPG]!;
      open += openness[i]!;
      afraid += fear[i]!;
    }
    const npg = sumNpg / n;
    set('practiceOA', oa / n);
    set('practiceNPM', npm / n);
    set('practiceNPG', npg);
    set('documentsOA', org.documents[OA]!);
    set('documentsNPM', org.documents[NPM]!);
    set('documentsNPG', org.documents[NPG]!);
    set('steeringOA', org.steering[OA]!);
    set('steeringNPM', org.steering[NPM]!);
    set('steeringNPG', org.steering[NPG]!);
    set('policyPracticeGap', org.documents[NPG]! - npg);
    set('openness', open / n);
    set('fearOfError', afraid / n);
  },
});

type CultureParams = GroupValues<typeof culture.params>;

/**
 * The fear of error the climate of unit `u` supports: budget pressure, legal uncertainty in the
 * unit's field (its internal, interpretive part: 002 M40, M43), and room to fail.
 */
function climateFear(w: World, p: CultureParams, u: number): number {
  const t =
    p.fearBase +
    p.pressureFear * w.org.budgetPressure +
    p.legalFear * w.units.legal[u]! * w.units.internalLegal[u]! -
    p.safetyRelief * w.org.roomToFail;
  return Math.min(1, Math.max(0, t));
}

/**
 * The first staff have worked under their unit's climate for their tenure before the spin-up
 * begins: with `init.fearHistory` h > 0, the fear each drew has already drifted toward the
 * climate's for h × tenure weeks, at the weekly rate the culture mechanism uses (`fearDrift`).
 * Newcomers keep the drawn fear: they bring it from elsewhere. The default is h = 1 (model 0.3.2);
 * at h = 0 the drawn fear stays as drawn.
 */
export function ageFirstStaffFear(w: World, history: number): void {
  if (history <= 0) return;
  const p = paramsOf(w, culture);
  const { fear, tenure, unit } = w.staff;
  for (let i = 0; i < w.staff.n; i++) {
    const target = climateFear(w, p, unit[i]!);
    fear[i] = target + (fear[i]! - target) * (1 - p.fearDrift) ** (history * tenure[i]!);
  }
}

/**
 * The first staff's practice has lived under the weekly pulls that have no partner in the drawn
 * start: toward the steering mix and the professions' habit (`steeringPull`, `habitPull`) and
 * toward NPG as far as co-creation is routine in their unit (`routinePull`). With
 * `init.practiceHistory` h > 0, each first employee's drawn logic has already moved toward the
 * fixed point of those pulls for h × tenure weeks, at their weekly rate. Left out: the pull of
 * colleagues (toward logics that are aged the same way) and of the heard top signal (nobody has
 * heard one before the spin-up). Convex combinations, so the logic stays on the simplex. The
 * default is h = 1 (model 0.3.2); at h = 0 the drawn logic stays as drawn.
 */
export function ageFirstStaffPractice(w: World, history: number): void {
  if (history <= 0) return;
  const p = paramsOf(w, culture);
  const { units, org, staff } = w;
  const habit = w.orgConfig.logic.practice;
  const L = staff.logic;
  for (let i = 0; i < staff.n; i++) {
    const u = staff.unit[i]!;
    const r = units.routines[u]!;
    const routine = p.routinePull * (r / (r + (p.routineHalf * units.staff[u]!) / 100) || 0);
    const rate = p.steeringPull + p.habitPull + routine;
    if (rate <= 0) continue;
    const keep = Math.max(0, 1 - rate) ** (history * staff.tenure[i]!);
    for (let k = 0; k < 3; k++) {
      const fixed = (p.steeringPull * org.steering[k]! + p.habitPull * habit[k]! + (k === NPG ? routine : 0)) / rate;
      L[i * 3 + k] = fixed + (L[i * 3 + k]! - fixed) * keep;
    }
  }
}

/** Each unit's mean NPG in practice, over all its staff (a separate function keeps the hot loop's tail out of it). */
function unitMeans(w: World): void {
  const { units, staff } = w;
  const sum = units.npgPractice;
  const L = staff.logic;
  const unit = staff.unit;
  sum.fill(0);
  // A unit's staff are consecutive, so its sum stays in a local until the unit changes; then it is
  // stored and the next unit's resumed: the same additions, in the same order, as into the array.
  let u = staff.n > 0 ? unit[0]! : 0;
  let acc = 0;
  for (let i = 0; i < staff.n; i++) {
    if (unit[i] !== u) {
      sum[u] = acc;
      u = unit[i]!;
      acc = sum[u]!;
    }
    acc += L[i * 3 + NPG]!;
  }
  if (staff.n > 0) sum[u] = acc;
  for (let k = 0; k < units.n; k++) sum[k] = sum[k]! / Math.max(1, units.staff[k]!);
}

interface LoopConstants {
  /** The cohort updated this week (cohorts.ts) and the weeks between a person's updates. */
  readonly cohort: number;
  readonly every: number;
  readonly anchor: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
  readonly open0: number;
  readonly keen: number;
  readonly skill: number;
  readonly fatigue: number;
  readonly peerRate: number;
  readonly identityInertia: number;
  readonly signalPull: number;
  readonly routinePull: number;
  readonly opennessSignal: number;
  readonly burnoutClosure: number;
  readonly opennessHabit: number;
  /** `every` weeks' worth of the weekly rate (cohorts.ts). */
  readonly fearDrift: number;
  /** `every` weeks' worth of the weekly rate. */
  readonly competenceFade: number;
}

/**
 * The update of this week's cohort of staff, each by `every` weeks' worth of the weekly pulls at
 * this week's inputs (cohorts.ts), one encounter with a random tie standing for those weeks'
 * encounters. A function of its own: V8 optimises a hot loop while
 * it runs (on-stack replacement) and throws that code away at the first statement after the loop
 * that never ran, every week, if the loop shares its function with other code.
 */
function practiceLoop(w: World, r: Rng, dens: Float64Array, fearTarget: Float64Array, k: LoopConstants): void {
  const {
    cohort,
    every,
    anchor,
    s0,
    s1,
    s2,
    open0,
    keen,
    skill,
    fatigue,
    peerRate,
    identityInertia,
    signalPull,
    routinePull,
    opennessSignal,
    burnoutClosure,
    opennessHabit,
    fearDrift,
    competenceFade,
  } = k;
  const { staff, ties } = w;
  const { offsets, degree, neighbors } = ties;
  const L = staff.logic;
  // Typed arrays as locals: the loop calls the random stream, so V8 cannot hoist property loads.
  const unit = staff.unit;
  const identity = staff.identity;
  const heard = staff.heard;
  const openness = staff.openness;
  const burnout = staff.burnout;
  const enthusiast = staff.enthusiast;
  const fear = staff.fear;
  const competence = staff.competence;
  const n = staff.n;
  for (let start = cohort * COHORT_RUN; start < n; start += every * COHORT_RUN) {
    const end = start + COHORT_RUN < n ? start + COHORT_RUN : n;
    for (let i = start; i < end; i++) {
      const d = degree[i]!;
      const b = i * 3;
      const u = unit[i]!;
      // One encounter with a random tie per update: in expectation the pull toward the mean of
      // ties, at O(agents) rather than O(ties) per tick.
      const j = d > 0 ? neighbors[offsets[i]! + r.int(d)]! : i;
      const a = d > 0 ? peerRate * (1 - identityInertia * identity[i]!) : 0;
      const h = heard[i]!;
      let c = signalPull * h + routinePull * dens[u]!;
      let sp = anchor;
      let ap = a;
      const total = ap + sp + c;
      if (total > 1) {
        ap /= total;
        sp /= total;
        c /= total;
      }
      // `every` weeks of the same convex combination: the pulls scaled by 1 + keep + … (exactly 1 weekly).
      const g = weeksOf(1 - ap - sp - c, every);
      ap *= g;
      sp *= g;
      c *= g;
      const keep = 1 - ap - sp - c;
      L[b] = keep * L[b]! + ap * L[j * 3]! + sp * s0;
      L[b + 1] = keep * L[b + 1]! + ap * L[j * 3 + 1]! + sp * s1;
      L[b + 2] = keep * L[b + 2]! + ap * L[j * 3 + 2]! + sp * s2 + c;
      const op = openness[i]!;
      const closing = burnoutClosure * burnout[i]! + fatigue;
      const go = weeksOf(1 - a - opennessSignal * h - closing - opennessHabit, every);
      const next =
        op +
        go * a * (openness[j]! - op) +
        go * opennessSignal * h * (1 - op) -
        go * closing * op +
        go * opennessHabit * ((enthusiast[i] === 1 ? keen : open0) - op);
      openness[i] = next < 0 ? 0 : next > 1 ? 1 : next;
      fear[i] = fear[i]! + fearDrift * (fearTarget[u]! - fear[i]!);
      competence[i] = competence[i]! + competenceFade * (skill - competence[i]!);
    }
  }
}
