/**
 * Process 5, team formation: initiatives recruit staff along network ties; crossing a unit
 * boundary needs a tie across the silo and the consent of a line manager attached to own budget
 * (002 M60-62); matrix organisation recruits across units directly and creates such ties (002 S2,
 * 003 Asker). Citizens are recruited by segment propensity; targeted outreach and anchor
 * institutions widen who takes part (003 §3.6, §6, S8). Partners join by engagement (003 Wigan).
 */
import { repairOrder } from '../../engine/sorted-order.js';
import { giniSorted } from '../../engine/stats.js';
import { EVENT } from '../events.js';
import { addCitizen, addMember, addPartner } from '../initiatives.js';
import { choice, indicator, mechanism, paramsOf } from '../mechanism.js';
import { addTie } from '../network.js';
import { type GroupValues, param } from '../params/define.js';
import { PHASE, PROBLEM, SEGMENTS, type World } from '../state.js';
import { partnerStrain } from './partners.js';

const params = {
  formingWeeks: param(6, [1, 52], 'Weeks an initiative spends recruiting before it runs', 'assumption', true),
  staffDraws: param(2, [0, 10], 'Recruitment attempts along ties per forming initiative per week', 'assumption', true),
  networkStaffDraws: param(2, [0, 10], 'Multiplier on staff recruitment attempts for network initiatives', '002 §3; assumption'),
  crossResistance: param(0.6, [0, 1], 'How strongly a line manager attached to own budget refuses to lend staff', '002 M60-62'),
  matrixRecruit: param(1, [0, 10], 'Weekly cross-unit recruits per forming initiative at full matrix degree', '002 S2, 003 Asker'),
  recruitBurnout: param(0.8, [0, 1], 'Burnout above which a person cannot be recruited to an initiative', 'assumption'),
  readinessStyle: param(
    0.5,
    [0, 1],
    'Weight of coaching style (rest: staff trust) in culture readiness for a matrix',
    '002 §8.7; assumption',
  ),
  citizenDraws: param(3, [0, 20], 'Citizen recruitment attempts per forming initiative per week', '002 §5.4'),
  citizensNetwork: param(0.5, [0, 5], 'Multiplier on citizen recruitment for network initiatives', '002 §3; assumption'),
  citizensLivingLab: param(2, [0, 5], 'Multiplier on citizen recruitment for living labs', '002 §2.4.3; assumption'),
  citizensUtopia: param(2, [0, 5], 'Multiplier on citizen recruitment for utopia workshops', '002 §2.4.4; assumption'),
  citizensServiceDesign: param(1.5, [0, 5], 'Multiplier on citizen recruitment for service design', '002 §2.4.2; assumption'),
  citizensTrainingLab: param(0.5, [0, 5], 'Multiplier on citizen recruitment for training labs', '002 §4.2; assumption'),
  citizenTrustWeight: param(0.5, [0, 1], "Weight of a citizen's trust in accepting (0: trust does not matter)", '001; assumption'),
  citizenRoleBase: param(
    0.8,
    [0, 2],
    'Acceptance factor of a citizen who expects to be a customer (role 0); +role for co-creators',
    '003 §2; assumption',
  ),
  outreachGain: param(3, [0, 10], 'Multiplier on the acceptance of non-core segments at full outreach', '003 §6, S8'),
  anchorGain: param(1, [0, 5], 'Extra acceptance of families and youth when an anchor institution takes part', '003 §6'),
  partnerDraws: param(1, [0, 5], 'Partner recruitment attempts per forming initiative per week', '003 Wigan'),
  freeTimeRef: param(0.06, [0.01, 1], 'Development time at which time stops limiting acceptance', '002 VF-10, M22'),
  activityWeeks: param(
    52,
    [1, 520],
    'Mean life of a citizen’s recent participation (what participation inequality measures)',
    'assumption',
  ),
  returnShare: param(
    0.5,
    [0, 1],
    'Share of citizen recruitment that reaches earlier participants, without outreach',
    '002 VF-13, 003 §3.6',
  ),
} as const;
type Params = GroupValues<typeof params>;

const FAMILIES = 1;
const YOUTH = 2;
const ANCHOR = 3;
const NETWORK = 0;
/** Recent participation that counts as having taken part (a join decays below this in about two mean lives). */
const ACTIVE = 0.1;
const SEGMENT_COLUMNS = ['shareEngagedCore', 'shareBusyFamilies', 'shareYouth', 'shareElderly', 'shareHardToReach'] as const;

export const teams = mechanism({
  name: 'teams',
  title: 'Forming initiatives recruit staff along ties and across units, then citizens and partners',
  process: 'teams',
  sources: '002 M60-62, S2, §3, §5.4, VF-10; 003 Asker, §3.6, §6, S8, Wigan',
  params,
  choices: {
    matrixEffect: choice(
      ['structure-first', 'culture-first'],
      'structure-first',
      'Whether a matrix recruits across units on its own, or only as far as coaching leaders and trust carry it',
      '002 §8.7; MODEL.md §6',
      {
        'structure-first': 'matrix teams recruit across units at the full matrix degree',
        'culture-first': "matrix recruitment is scaled by culture readiness (managers' coaching style and staff trust)",
      },
    ),
  },
  reads: ['inits.*', 'staff.*', 'ties', 'managers.budgetAttachment', 'units.*', 'org.*', 'citizens.*', 'partners.*'],
  writes: [
    'inits.*',
    'staff.initiative',
    'citizens.current',
    'citizens.participations',
    'citizens.activity',
    'citizens.past',
    'citizens.pastN',
    'ties',
  ],
  indicators: {
    initiativesActive: indicator(
      'count',
      'up',
      { en: 'Active initiatives', nb: 'Aktive initiativer' },
      'Initiatives forming, running or with a result still carried',
    ),
    crossSiloCoCreation: indicator(
      'share',
      'up',
      { en: 'Cross-silo co-creation (share of staff)', nb: 'Samskaping på tvers av siloer (andel ansatte)' },
      'Share of staff working in forming or running initiatives whose team spans two or more units',
    ),
    coCreationActual: indicator(
      'share',
      'up',
      { en: 'Actual co-creation (share of staff)', nb: 'Faktisk samskaping (andel ansatte)' },
      'Share of staff in initiatives where citizens actually take part (depth above consultation)',
    ),
    coCreationReported: indicator(
      'share',
      'none',
      { en: 'Reported co-creation (share of staff)', nb: 'Rapportert samskaping (andel ansatte)' },
      'Share of staff in initiatives labelled co-creation',
    ),
  },
  run(w, tick, { p, rng: r, choice }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      anchorGain,
      citizenDraws,
      citizenRoleBase,
      citizenTrustWeight,
      citizensLivingLab,
      citizensNetwork,
      citizensServiceDesign,
      citizensTrainingLab,
      citizensUtopia,
      crossResistance,
      formingWeeks,
      freeTimeRef,
      matrixRecruit,
      networkStaffDraws,
      outreachGain,
      activityWeeks,
      partnerDraws,
      recruitBurnout,
      returnShare,
      staffDraws,
    } = p;
    const s = w.inits;
    const { staff, ties, units, citizens, partners, org } = w;
    const fade = 1 - 1 / activityWeeks;
    for (let c = 0; c < citizens.n; c++) citizens.activity[c] = citizens.activity[c]! * fade;
    const matrixAccept = choice.matrixEffect === 'structure-first' ? 1 : cultureReadiness(w, p);
    const capScale = paramsOf(w, partnerStrain).capacityScale;
    const methodCitizens = w.scratch.b;
    methodCitizens[0] = citizensNetwork;
    methodCitizens[1] = citizensLivingLab;
    methodCitizens[2] = citizensUtopia;
    methodCitizens[3] = citizensServiceDesign;
    methodCitizens[4] = citizensTrainingLab;
    for (let id = 0; id < s.cap; id++) {
      if (s.phase[id] !== PHASE.forming) continue;
      if (tick - s.phaseStart[id]! >= formingWeeks) {
        s.phase[id] = PHASE.running;
        s.phaseStart[id] = tick;
        w.log?.event(s.serial[id]!, EVENT.running);
        continue;
      }
      const owner = s.owner[id]!;
      const method = s.method[id]!;
      // Staff along ties.
      const draws = staffDraws * (method === NETWORK ? networkStaffDraws : 1);
      for (let k = 0; k < draws && s.teamCount[id]! > 0; k++) {
        const m = s.team[id * s.maxTeam + r.int(s.teamCount[id]!)]!;
        const d = ties.degree[m]!;
        if (d === 0) continue;
        const j = ties.neighbors[ties.offsets[m]! + r.int(d)]!;
        if (staff.initiative[j]! >= 0 || staff.burnout[j]! > recruitBurnout) continue;
        if (r.bernoulli(acceptance(w, j, owner, freeTimeRef, crossResistance, org.siloStrength))) addMember(w, id, j);
      }
      // Matrix: cross-unit recruits without an existing tie; the team creates the tie.
      let mx = units.n > 1 ? org.matrixDegree * matrixRecruit * matrixAccept : 0;
      while (mx > 0) {
        if (!r.bernoulli(Math.min(1, mx))) break;
        mx -= 1;
        let u = r.int(units.n - 1);
        if (u >= owner) u++;
        const j = units.firstStaff[u]! + r.int(units.staff[u]!);
        if (staff.initiative[j]! >= 0 || staff.burnout[j]! > recruitBurnout) continue;
        // A matrix invitation needs no tie, but the person must have the time and the interest,
        // and the line manager who lends them must agree: the matrix's own price, line resistance
        // (002 M60-62), falls here, on the matrix's own channel.
        const acc = acceptance(w, j, owner, freeTimeRef, crossResistance, 1);
        const champ = s.champion[id]!;
        if (r.bernoulli(acc) && addMember(w, id, j) && champ >= 0) addTie(w, champ, j);
      }
      if (s.problem[id] === PROBLEM.authority && s.depth[id] === 0) continue;
      // Partners, then citizens (anchor institutions open doors to families and youth).
      let anchor = 0;
      for (let k = 0; k < s.partnerCount[id]!; k++) {
        if (partners.type[s.partnerIds[id * s.maxPartners + k]!] === ANCHOR) anchor = 1;
      }
      for (let k = 0; k < partnerDraws && partners.n > 0; k++) {
        const q = r.int(partners.n);
        const spare = Math.max(0, 1 - partners.load[q]! / (1 + capScale * partners.capacity[q]!));
        if (r.bernoulli(partners.engagement[q]! * (1 - partners.burnout[q]!) * spare)) addPartner(w, id, q);
      }
      const cd = citizenDraws * methodCitizens[method]!;
      // The same engaged core returns (002 VF-13): part of the recruitment reaches people who took
      // part before, through their contacts with the municipality; outreach widens it (003 S8).
      const returning = returnShare * (1 - org.outreach);
      for (let k = 0; k < cd; k++) {
        const fromPast = citizens.pastN > 0 && r.bernoulli(returning);
        const c = fromPast ? citizens.past[r.int(citizens.pastN)]! : r.int(citizens.n);
        // Those who took part recently return; former participants who dropped away do not.
        if (citizens.current[c]! >= 0 || (fromPast && citizens.activity[c]! < ACTIVE)) continue;
        const seg = citizens.segment[c]!;
        let boost = seg === 0 ? 1 : 1 + outreachGain * org.outreach;
        if (seg === FAMILIES || seg === YOUTH) boost += anchorGain * Math.max(anchor, org.anchor);
        // Citizens who expect to co-create rather than be served join more readily (003 §2).
        const acc =
          citizens.propensity[c]! *
          (1 - citizens.fatigue[c]!) *
          (1 - citizenTrustWeight + citizenTrustWeight * citizens.trust[c]!) *
          (citizenRoleBase + citizens.role[c]!) *
          boost;
        if (r.bernoulli(acc)) addCitizen(w, id, c);
      }
    }
  },
  observe(w, _ctx, set) {
    const { staff, inits: s } = w;
    set('initiativesActive', s.active);
    // Cross-silo co-creation: staff in initiatives whose current team spans units (practice, not structure).
    let cross = 0;
    let inActual = 0;
    let inReported = 0;
    const { phase, teamCount, team, actual, depth, labelled, maxTeam } = s;
    const unit = staff.unit;
    for (let id = 0; id < s.cap; id++) {
      const ph = phase[id]!;
      if (ph !== PHASE.forming && ph !== PHASE.running) continue;
      const n = teamCount[id]!;
      const base = id * maxTeam;
      const first = n > 0 ? unit[team[base]!]! : -1;
      for (let a = 1; a < n; a++) {
        if (unit[team[base + a]!] !== first) {
          cross += n;
          break;
        }
      }
      if (actual[id] && depth[id]! >= 1) inActual += n;
      if (labelled[id]) inReported += n;
    }
    set('crossSiloCoCreation', cross / staff.n);
    set('coCreationActual', inActual / staff.n);
    set('coCreationReported', inReported / staff.n);
  },
});

/**
 * Who takes part (observation only): participation rate, the segments' shares of participants and
 * the participation Ginis, from the citizens' memberships and recent activity that the teams
 * mechanism keeps. Apart from teams so that a run that observes only some indicators (a
 * calibration's data targets) skips the Ginis' sorted order when it reads none of these.
 */
export const participation = mechanism({
  name: 'participation',
  title: 'Who takes part: participation rate, segment shares and participation inequality',
  process: 'teams',
  sources: '002 VF-13; 003 §3.6, §6',
  params: {},
  reads: ['citizens.current', 'citizens.segment', 'citizens.activity'],
  writes: [],
  // Citizens in ascending order of recent activity, repaired each week for the participation Ginis.
  init: (w: World) => ({ byActivity: Int32Array.from({ length: w.citizens.n }, (_, c) => c), lifted: new Int32Array(w.citizens.n) }),
  indicators: {
    participationGini: indicator(
      'share',
      'down',
      { en: 'Participation inequality (Gini)', nb: 'Ulikhet i deltakelse (Gini)' },
      'Gini of recent participation (about the last year) among citizens who have taken part recently: high when the same engaged core returns',
    ),
    populationParticipationGini: indicator(
      'share',
      'down',
      { en: 'Participation inequality, whole population (Gini)', nb: 'Ulikhet i deltakelse, hele befolkningen (Gini)' },
      'Gini of participation counts across the whole citizen sample',
    ),
    participationRate: indicator(
      'share',
      'up',
      { en: 'Participation rate', nb: 'Deltakelsesrate' },
      'Share of citizens taking part in an initiative this week',
    ),
    shareEngagedCore: indicator(
      'share',
      'none',
      { en: 'Engaged core', nb: 'Engasjert kjerne' },
      'Share of current participants from the engaged core',
    ),
    shareBusyFamilies: indicator(
      'share',
      'none',
      { en: 'Busy families', nb: 'Travle familier' },
      'Share of current participants from busy families',
    ),
    shareYouth: indicator('share', 'none', { en: 'Youth', nb: 'Unge' }, 'Share of current participants who are young'),
    shareElderly: indicator('share', 'none', { en: 'Elderly', nb: 'Eldre' }, 'Share of current participants who are elderly'),
    shareHardToReach: indicator(
      'share',
      'up',
      { en: 'Hard to reach', nb: 'Vanskelig å nå' },
      'Share of current participants from the hard to reach',
    ),
  },
  observe(w, { state: { byActivity, lifted } }, set) {
    const { citizens } = w;
    let part = 0;
    const seg = w.scratch.b;
    seg.fill(0, 0, SEGMENTS.length);
    const { current, segment } = citizens;
    for (let c = 0; c < citizens.n; c++) {
      if (current[c]! >= 0) {
        part++;
        seg[segment[c]!] = seg[segment[c]!]! + 1;
      }
    }
    // Recent participation (about the last year), among those who took part recently (MODEL.md §5)
    // and across the whole population sample: the Ginis need the activities in ascending order.
    // Fading keeps that order and only joiners move up, so last week's order is repaired rather
    // than every activity sorted again (engine/sorted-order.ts); the sorted values are the same.
    const activity = citizens.activity;
    repairOrder(byActivity, activity, citizens.n, lifted);
    const buf = w.scratch.citizens;
    let zeros = 0;
    while (zeros < citizens.n && activity[byActivity[zeros]!]! <= 0) zeros++;
    let faded = 0;
    for (let c = zeros; c < citizens.n; c++) {
      const a = activity[byActivity[c]!]!;
      buf[c - zeros] = a;
      if (a < ACTIVE) faded++;
    }
    const k = citizens.n - zeros - faded;
    set('participationGini', giniSorted(buf.subarray(faded, faded + k), k));
    // Across the whole sample: the faded, the recently active, and those never active (zeros).
    set('populationParticipationGini', giniSorted(buf, faded + k, zeros));
    set('participationRate', part / Math.max(1, citizens.n));
    for (let k = 0; k < SEGMENTS.length; k++) set(SEGMENT_COLUMNS[k]!, part > 0 ? seg[k]! / part : Number.NaN);
  },
});

/**
 * Will staff member j join an initiative of unit `owner`? Interest (openness) and time, and, across
 * a unit boundary, the consent of a line manager attached to own budget (002 M60-62), which silos
 * make harder (`silo` = silo strength for recruits along ties; 1 for matrix invitations, which
 * always cross the line).
 */
function acceptance(w: World, j: number, owner: number, freeTimeRef: number, crossResistance: number, silo: number): number {
  const { staff, managers, units, org } = w;
  let acc = staff.openness[j]! * Math.min(1, staff.freeTime[j]! / freeTimeRef);
  const ju = staff.unit[j]!;
  if (ju !== owner) {
    const attached = Math.min(1, Math.max(0, managers.budgetAttachment[units.head[ju]!]! + org.lineResistance));
    acc *= 1 - silo * crossResistance * attached;
  }
  return acc;
}

/** Culture-first regime (002 §8.7): a matrix works only as far as coaching leaders and trust carry it. */
export function cultureReadiness(w: World, p: Pick<Params, 'readinessStyle'>): number {
  const { managers, staff } = w;
  let style = 0;
  let m = 0;
  for (let k = 0; k < managers.n; k++) {
    if (managers.removed[k] === 1) continue;
    style += managers.style[k]!;
    m++;
  }
  let trust = 0;
  for (let i = 0; i < staff.n; i++) trust += staff.trustMgr[i]!;
  return p.readinessStyle * (style / Math.max(1, m)) + (1 - p.readinessStyle) * (trust / Math.max(1, staff.n));
}
