/**
 * Process 13, observation: the indicators of MODEL.md §5, recorded every tick into the
 * preallocated recorder, and the composite transformation index with its time-to-turn.
 */
import { countGini } from '../engine/stats.js';
import { politicalOverride } from './mechanisms/gates.js';
import { meanBacking } from './mechanisms/politics.js';
import { crossTieShare } from './network.js';
import { type GroupValues, param } from './params/define.js';
import { NPG, NPM, OA, PHASE, SEGMENTS, type World } from './state.js';

export const INDICATORS = [
  'initiativesActive',
  'initiativesStarted',
  'initiativesSucceeded',
  'initiativesFailed',
  'initiativesBlocked',
  'blockedLegal',
  'blockedSpending',
  'blockedPolitical',
  'initiativesInstitutionalised',
  'initiativesDecayed',
  'routines',
  'proposals',
  'crossSiloShare',
  'crossUnitTieShare',
  'coCreationActual',
  'coCreationReported',
  'publicValue',
  'documentsOA',
  'documentsNPM',
  'documentsNPG',
  'steeringOA',
  'steeringNPM',
  'steeringNPG',
  'practiceOA',
  'practiceNPM',
  'practiceNPG',
  'policyPracticeGap',
  'trustStaffManagement',
  'trustPoliticiansAdministration',
  'trustCitizens',
  'trustPartners',
  'participationGini',
  'populationParticipationGini',
  'participationRate',
  'shareEngagedCore',
  'shareBusyFamilies',
  'shareYouth',
  'shareElderly',
  'shareHardToReach',
  'workload',
  'freeTime',
  'burnout',
  'turnover',
  'fearOfError',
  'openness',
  'competence',
  'motivation',
  'signalReach',
  'politicalBacking',
  'politicalOverride',
  'partnerBurnout',
  'transformationIndex',
] as const;
export type IndicatorName = (typeof INDICATORS)[number];

export const indexParams = {
  turnThreshold: param(0.45, [0, 1], 'Transformation index at which the tanker counts as turned', 'assumption'),
  weightPractice: param(0.3, [0, 1], 'Index weight of NPG in practice', 'MODEL.md §5; assumption'),
  weightCoCreation: param(0.25, [0, 1], 'Index weight of actual co-creation', 'MODEL.md §5; assumption'),
  weightRoutines: param(0.25, [0, 1], 'Index weight of institutionalised routines', '000 §4; assumption'),
  weightCrossSilo: param(0.1, [0, 1], 'Index weight of the cross-silo share of initiative teams', 'MODEL.md §5; assumption'),
  weightTrust: param(0.1, [0, 1], 'Index weight of mean trust', 'MODEL.md §5; assumption'),
  actualRef: param(0.1, [0.001, 1], 'Share of staff in actual co-creation that counts as full co-creation', 'assumption'),
  routineHalf: param(3, [0.1, 100], 'Routines per 100 staff at which institutionalisation counts as half done', 'assumption'),
} as const;
export type IndexParams = GroupValues<typeof indexParams>;

const SEGMENT_COLUMNS: readonly IndicatorName[] = [
  'shareEngagedCore',
  'shareBusyFamilies',
  'shareYouth',
  'shareElderly',
  'shareHardToReach',
];

/** Columns are resolved once; the recorder stores them in INDICATORS order. */
const COL = Object.fromEntries(INDICATORS.map((n, i) => [n, i])) as Record<IndicatorName, number>;

export function observe(w: World, tick: number): void {
  const { rec, staff, units, inits: s, citizens, partners, pols, flows, org } = w;
  const set = (name: IndicatorName, v: number) => rec.set(tick, COL[name], v);
  set('initiativesActive', s.active);
  set('initiativesStarted', flows.started);
  set('initiativesSucceeded', flows.succeeded);
  set('initiativesFailed', flows.failed);
  set('initiativesBlocked', flows.blocked);
  set('blockedLegal', flows.blockedLegal);
  set('blockedSpending', flows.blockedSpending);
  set('blockedPolitical', flows.blockedPolitical);
  set('initiativesInstitutionalised', flows.institutionalised);
  set('initiativesDecayed', flows.decayed);
  set('proposals', flows.proposals);
  set('turnover', flows.leavers / staff.n);
  w.publicValue += flows.value;
  set('publicValue', w.publicValue);

  let routines = 0;
  let routineCoverage = 0;
  for (let u = 0; u < units.n; u++) {
    routines += units.routines[u]!;
    const rr = units.routines[u]!;
    routineCoverage += (units.staff[u]! * rr) / (rr + (w.p.index.routineHalf * units.staff[u]!) / 100);
  }
  routineCoverage /= staff.n;
  set('routines', routines);

  // Cross-silo share of initiative ties: member pairs from different units over all pairs.
  let pairs = 0;
  let cross = 0;
  let inActual = 0;
  let inReported = 0;
  for (let id = 0; id < s.cap; id++) {
    const ph = s.phase[id]!;
    if (ph !== PHASE.forming && ph !== PHASE.running) continue;
    const n = s.teamCount[id]!;
    const base = id * s.maxTeam;
    for (let a = 0; a < n; a++) {
      const ua = staff.unit[s.team[base + a]!]!;
      for (let b = a + 1; b < n; b++) if (staff.unit[s.team[base + b]!] !== ua) cross++;
    }
    pairs += (n * (n - 1)) / 2;
    if (s.actual[id] && s.depth[id]! >= 1) inActual += n;
    if (s.labelled[id]) inReported += n;
  }
  const crossShare = pairs > 0 ? cross / pairs : 0;
  set('crossSiloShare', crossShare);
  set('coCreationActual', inActual / staff.n);
  set('coCreationReported', inReported / staff.n);

  let oa = 0;
  let npm = 0;
  let npg = 0;
  let trustMgr = 0;
  let work = 0;
  let free = 0;
  let burn = 0;
  let fear = 0;
  let open = 0;
  let comp = 0;
  let mot = 0;
  let heard = 0;
  for (let i = 0; i < staff.n; i++) {
    const u = staff.unit[i]!;
    oa += staff.logic[i * 3 + OA]!;
    npm += staff.logic[i * 3 + NPM]!;
    npg += staff.logic[i * 3 + NPG]!;
    trustMgr += staff.trustMgr[i]!;
    work += units.workload[u]!;
    free += staff.freeTime[i]!;
    burn += staff.burnout[i]!;
    fear += staff.fear[i]!;
    open += staff.openness[i]!;
    comp += staff.competence[i]!;
    mot += staff.motivation[i]!;
    heard += staff.heard[i]!;
  }
  const n = staff.n;
  set('crossUnitTieShare', crossTieShare(w));
  set('documentsOA', org.documents[OA]!);
  set('documentsNPM', org.documents[NPM]!);
  set('documentsNPG', org.documents[NPG]!);
  set('steeringOA', org.steering[OA]!);
  set('steeringNPM', org.steering[NPM]!);
  set('steeringNPG', org.steering[NPG]!);
  set('practiceOA', oa / n);
  set('practiceNPM', npm / n);
  set('practiceNPG', npg / n);
  set('policyPracticeGap', org.documents[NPG]! - npg / n);
  set('workload', work / n);
  set('freeTime', free / n);
  set('burnout', burn / n);
  set('fearOfError', fear / n);
  set('openness', open / n);
  set('competence', comp / n);
  set('motivation', mot / n);
  set('signalReach', heard / n);

  let polTrust = 0;
  for (let i = 0; i < pols.n; i++) polTrust += pols.trustAdmin[i]!;
  polTrust /= Math.max(1, pols.n);
  let citTrust = 0;
  let part = 0;
  const seg = w.scratch.b;
  seg.fill(0, 0, SEGMENTS.length);
  let maxP = 0;
  for (let c = 0; c < citizens.n; c++) {
    citTrust += citizens.trust[c]!;
    if (citizens.current[c]! >= 0) {
      part++;
      seg[citizens.segment[c]!] = seg[citizens.segment[c]!]! + 1;
    }
    if (citizens.participations[c]! > maxP) maxP = citizens.participations[c]!;
  }
  citTrust /= Math.max(1, citizens.n);
  if (maxP >= w.scratch.hist.length) w.scratch.hist = new Int32Array(2 * maxP + 1);
  // Among citizens who have taken part (MODEL.md §5), and across the whole population sample.
  set('participationGini', countGini(citizens.participations, citizens.n, w.scratch.hist, 1));
  set('populationParticipationGini', countGini(citizens.participations, citizens.n, w.scratch.hist));
  set('participationRate', part / Math.max(1, citizens.n));
  for (let k = 0; k < SEGMENTS.length; k++) set(SEGMENT_COLUMNS[k]!, part > 0 ? seg[k]! / part : Number.NaN);
  let parTrust = 0;
  let parBurn = 0;
  for (let q = 0; q < partners.n; q++) {
    parTrust += partners.trust[q]!;
    parBurn += partners.burnout[q]!;
  }
  parTrust = partners.n > 0 ? parTrust / partners.n : 0;
  set('trustStaffManagement', trustMgr / n);
  set('trustPoliticiansAdministration', polTrust);
  set('trustCitizens', citTrust);
  set('trustPartners', parTrust);
  set('partnerBurnout', partners.n > 0 ? parBurn / partners.n : 0);
  set('politicalBacking', meanBacking(w));
  set('politicalOverride', politicalOverride(w));

  const trustAll = (trustMgr / n + polTrust + citTrust + parTrust) / 4;
  const ip = w.p.index;
  // Weighted mean of five components in [0,1]; weights are normalised so the index stays in [0,1].
  const wsum = ip.weightPractice + ip.weightCoCreation + ip.weightRoutines + ip.weightCrossSilo + ip.weightTrust;
  const idx =
    wsum > 0
      ? (ip.weightPractice * (npg / n) +
          ip.weightCoCreation * Math.min(1, inActual / n / ip.actualRef) +
          ip.weightRoutines * routineCoverage +
          ip.weightCrossSilo * crossShare +
          ip.weightTrust * trustAll) /
        wsum
      : 0;
  set('transformationIndex', idx);
  if (w.turnTick < 0 && idx >= ip.turnThreshold) w.turnTick = tick;
}
