/**
 * Process 8, outcomes: success adds public value and positive experience (openness rises, 002
 * VF-11) and builds trust slowly; failure costs trust fast and raises fear of error unless the
 * culture gives room to fail, where it mostly produces learning (002, 003). Co-creation that is a
 * sham (blocked after citizens took part: detached from decisions) or an end in itself (abandoned
 * without results) erodes citizen trust and causes fatigue (003 traps).
 */
import { clamp01 } from '../../engine/stats.js';
import { EVENT } from '../events.js';
import { closeInitiative, releaseTeam } from '../initiatives.js';
import { type Context, indicator, mechanism, paramsOf } from '../mechanism.js';
import { param } from '../params/define.js';
import { METHODS, NPG, OUTCOME, PHASE, PROBLEM, type World } from '../state.js';
import { trust, trustDown, trustUp } from './trust.js';

const params = {
  opennessGain: param(0.1, [0, 1], 'Share of the distance to full openness gained from a success', '002 VF-11'),
  competenceGain: param(0.05, [0, 1], 'Competence gained from taking part in a finished initiative', '004 lever 8'),
  onTheJobFactor: param(2, [0, 10], 'Multiplier on competence gains with competence-on-the-job', '004 lever 8'),
  logicNudge: param(0.05, [0, 1], "Move of a participant's practice logic toward NPG after a success", '002 VF-11, 003 §2'),
  fearGain: param(0.15, [0, 1], 'Rise in fear of error after a failure without room to fail', '002 §2.5.5'),
  blockFear: param(0.3, [0, 1], 'Rise in fear of error after a block, relative to a failure', 'assumption'),
  fearRelief: param(0.2, [0, 1], 'Share of fear of error removed by a success', '002 §2.5.5'),
  failShield: param(0.7, [0, 1], 'Share of trust loss and fear avoided at full room to fail', '002, 003 (room to fail)'),
  learnGain: param(0.06, [0, 1], 'Competence gained from a failure at full room to fail', '002 §2.5.5 (learning culture)'),
  citizenFatigue: param(0.15, [0, 1], 'Fatigue added to a citizen by a sham or fruitless process', '003 traps'),
  heardGain: param(
    0.5,
    [0, 2],
    'Trust step (in good experiences) of citizens and partners whose input reached a decision, success or not',
    '003 M31 (user involvement → relevant services → trust), 002 M25',
  ),
  failureLoss: param(
    0.3,
    [0, 1],
    'Share of a full bad experience that a genuine failure costs citizens and partners (learning visible; blocks and shams cost it in full)',
    '002 M53, 003 traps; assumption',
  ),
  citizenRoleGain: param(
    0.1,
    [0, 1],
    "Share of the distance to a co-creator's role a citizen covers after a success",
    '003 §2; assumption',
  ),
  partnerEngagementGain: param(
    0.05,
    [0, 1],
    'Share of the distance to full engagement a partner covers after a success',
    '003 Wigan; assumption',
  ),
  relevanceScale: param(
    0.0003,
    [0.00003, 0.003],
    'Weekly value of co-created successes per staff member at which services count as fully renewed with citizens',
    '003 M31; assumption (scale chosen so the status quo sits near 0.2)',
  ),
  relevanceMemory: param(52, [13, 260], 'Weeks over which citizens remember renewed services (moving-average span)', 'assumption'),
  valuePerDepth: param(0.5, [0, 10], 'Public value of a success per step of co-creation depth (plus one)', '002 §6; assumption'),
  authorityValue: param(0.5, [0, 1], 'Value of a success on an authority problem relative to others', '002 Fig. 13; assumption'),
  noCitizenValue: param(0.5, [0, 1], 'Value of a success without citizens taking part relative to one with', '002 §2.3; assumption'),
  motivationGain: param(0.05, [0, 1], 'Motivation gained by a team from a success', '001, 002 §2.5.4'),
  politicalShare: param(0.25, [0, 1], 'Share of a trust step politicians take from an initiative they decided on', '002 §5.2; assumption'),
  politicalBackingGain: param(
    0.01,
    [0, 1],
    'Share of the distance to full backing politicians cover after a success they decided on',
    'assumption',
  ),
  earlyBacking: param(
    2,
    [0, 10],
    'Extra backing gain from a success co-created before the resolution, at full early co-creation',
    '002 S10, M32; assumption',
  ),
  politicalUnderstandingGain: param(
    0.01,
    [0, 1],
    'Share of the distance to full understanding politicians cover after such a success',
    '003; assumption',
  ),
  trainingLabFactor: param(2, [1, 10], 'Competence gain multiplier for members of a training lab', '002 §4.2'),
} as const;
type Ctx = Context<typeof params, Record<never, never>, Flow, undefined>;
type Flow =
  | 'succeeded'
  | 'failed'
  | 'blocked'
  | 'blockedLegal'
  | 'blockedSpending'
  | 'blockedPolitical'
  | 'value'
  | 'wickedSucceeded'
  | 'wickedJudged'
  | 'enthusiastSucceeded'
  | 'citizenValue';

const TRAINING_LAB = METHODS.indexOf('training-lab');

export const outcomes = mechanism({
  name: 'outcomes',
  title: 'Successes, failures and blocks change experience, openness, fear, competence, trust and value',
  process: 'outcomes',
  sources: '002 VF-11, §2.5.5, §5.2, §6, Fig. 13; 003 traps, §2; 004 lever 8; 001',
  params,
  reads: [
    'inits.*',
    'org.onTheJob',
    'org.roomToFail',
    'org.earlyCoCreation',
    'org.relevance',
    'staff.*',
    'citizens.*',
    'partners.*',
    'pols.*',
  ],
  writes: [
    'inits.*',
    'staff.*',
    'citizens.trust',
    'citizens.role',
    'citizens.fatigue',
    'citizens.current',
    'partners.*',
    'pols.*',
    'org.relevance',
  ],
  flows: [
    'succeeded',
    'failed',
    'blocked',
    'blockedLegal',
    'blockedSpending',
    'blockedPolitical',
    'value',
    'wickedSucceeded',
    'wickedJudged',
    'enthusiastSucceeded',
    'citizenValue',
  ],
  indicators: {
    initiativesSucceeded: indicator(
      'count',
      'up',
      { en: 'Initiatives succeeded', nb: 'Vellykkede initiativer' },
      'Initiatives that succeeded this week',
    ),
    initiativesFailed: indicator(
      'count',
      'down',
      { en: 'Initiatives failed', nb: 'Mislykkede initiativer' },
      'Initiatives that failed or were abandoned this week',
    ),
    initiativesBlocked: indicator(
      'count',
      'down',
      { en: 'Initiatives blocked', nb: 'Stoppede initiativer' },
      'Initiatives blocked at a gate this week',
    ),
    blockedLegal: indicator(
      'count',
      'down',
      { en: 'Blocked by the legal gate', nb: 'Stoppet av juridisk port' },
      'Initiatives blocked at the legal gate this week',
    ),
    blockedSpending: indicator(
      'count',
      'down',
      { en: 'Blocked by the spending gate', nb: 'Stoppet av budsjettport' },
      'Initiatives blocked at the spending gate this week',
    ),
    blockedPolitical: indicator(
      'count',
      'down',
      { en: 'Blocked by the political gate', nb: 'Stoppet av politisk port' },
      'Initiatives blocked at the political gate this week',
    ),
    publicValue: indicator(
      'value',
      'up',
      { en: 'Public value (cumulative)', nb: 'Offentlig verdi (akkumulert)' },
      'Public value created so far (cumulative, in model units)',
    ),
    competence: indicator('score', 'up', { en: 'Competence', nb: 'Kompetanse' }, 'Mean co-creation competence of staff'),
  },
  run(w, tick, ctx) {
    const { flows } = ctx;
    const s = w.inits;
    for (let id = 0; id < s.cap; id++) {
      const o = s.outcome[id]!;
      if (o === OUTCOME.none) continue;
      s.outcome[id] = OUTCOME.none;
      if (s.problem[id] === PROBLEM.wicked && (o === OUTCOME.success || o === OUTCOME.failure)) {
        flows.wickedJudged++;
        if (o === OUTCOME.success) flows.wickedSucceeded++;
      }
      if (o === OUTCOME.success) {
        succeed(w, id, tick, ctx);
        continue;
      }
      if (o === OUTCOME.failure || o === OUTCOME.abandoned) {
        fail(w, id, o === OUTCOME.abandoned, ctx);
        flows.failed++;
        w.log?.event(s.serial[id]!, o === OUTCOME.failure ? EVENT.failed : EVENT.abandoned);
      } else {
        block(w, id, ctx);
        flows.blocked++;
        if (o === OUTCOME.blockedLegal) flows.blockedLegal++;
        else if (o === OUTCOME.blockedSpending) flows.blockedSpending++;
        else flows.blockedPolitical++;
      }
      closeInitiative(w, id);
    }
    // Services renewed with citizens stay visible for a while (003 M31: user involvement → relevant
    // services → trust); citizens' everyday trust reads this (trust.ts).
    const renewed = Math.min(1, flows.citizenValue / Math.max(1, w.staff.n) / ctx.p.relevanceScale);
    w.org.relevance += (renewed - w.org.relevance) / ctx.p.relevanceMemory;
  },
  observe(w, { flows }, set) {
    set('initiativesSucceeded', flows.succeeded);
    set('initiativesFailed', flows.failed);
    set('initiativesBlocked', flows.blocked);
    set('blockedLegal', flows.blockedLegal);
    set('blockedSpending', flows.blockedSpending);
    set('blockedPolitical', flows.blockedPolitical);
    w.publicValue += flows.value;
    set('publicValue', w.publicValue);
    let comp = 0;
    for (let i = 0; i < w.staff.n; i++) comp += w.staff.competence[i]!;
    set('competence', comp / w.staff.n);
  },
});

function succeed(w: World, id: number, tick: number, { p, flows }: Ctx): void {
  const g = paramsOf(w, trust).gain;
  const s = w.inits;
  const { staff, citizens, partners, pols, org } = w;
  const comp = p.competenceGain * (1 + p.onTheJobFactor * org.onTheJob) * (s.method[id] === TRAINING_LAB ? p.trainingLabFactor : 1);
  forTeam(w, id, (j) => {
    staff.experience[j] = staff.experience[j]! + 1;
    staff.openness[j] = staff.openness[j]! + p.opennessGain * (1 - staff.openness[j]!);
    staff.competence[j] = staff.competence[j]! + comp * (1 - staff.competence[j]!);
    staff.fear[j] = staff.fear[j]! * (1 - p.fearRelief);
    staff.motivation[j] = staff.motivation[j]! + p.motivationGain * (1 - staff.motivation[j]!);
    staff.trustMgr[j] = trustUp(staff.trustMgr[j]!, g);
    nudgeLogic(staff.logic, j, p.logicNudge);
  });
  forCitizens(w, id, (c) => {
    citizens.trust[c] = trustUp(citizens.trust[c]!, g * (1 + p.heardGain));
    citizens.role[c] = citizens.role[c]! + p.citizenRoleGain * (1 - citizens.role[c]!);
  });
  forPartners(w, id, (q) => {
    partners.trust[q] = trustUp(partners.trust[q]!, g * (1 + p.heardGain));
    partners.engagement[q] = partners.engagement[q]! + p.partnerEngagementGain * (1 - partners.engagement[q]!);
  });
  // Politicians who decided on it see a result: trust, understanding and backing grow a little,
  // more when they were part of it before their resolution (002 S10, M32).
  if (s.depth[id]! >= 2 || s.mission[id]) {
    const backingGain = p.politicalBackingGain * (1 + p.earlyBacking * org.earlyCoCreation);
    for (let i = 0; i < pols.n; i++) {
      pols.trustAdmin[i] = trustUp(pols.trustAdmin[i]!, g * p.politicalShare);
      pols.backing[i] = pols.backing[i]! + backingGain * (1 - pols.backing[i]!);
      pols.understanding[i] = pols.understanding[i]! + p.politicalUnderstandingGain * (1 - pols.understanding[i]!);
    }
  }
  const value = successValue(w, id);
  flows.value += value;
  if (s.actual[id]) flows.citizenValue += value;
  flows.succeeded++;
  if (s.enthusiastLed[id]) flows.enthusiastSucceeded++;
  w.log?.event(s.serial[id]!, EVENT.succeeded);
  s.phase[id] = PHASE.implemented;
  s.phaseStart[id] = tick;
  releaseTeam(w, id, true);
}

/** Value of a success: deeper co-creation creates more; authority work and no citizens less (002 Fig. 13). */
export function successValue(w: World, id: number): number {
  const p = paramsOf(w, outcomes);
  const s = w.inits;
  let v = p.valuePerDepth * (1 + s.depth[id]!);
  if (s.problem[id] === PROBLEM.authority) v *= p.authorityValue;
  if (!s.actual[id]) v *= p.noCitizenValue;
  return v;
}

function fail(w: World, id: number, fruitless: boolean, { p }: Ctx): void {
  const { gain, asymmetry } = paramsOf(w, trust);
  const { staff, citizens, partners, org } = w;
  const shield = 1 - p.failShield * org.roomToFail;
  forTeam(w, id, (j) => {
    staff.trustMgr[j] = trustDown(staff.trustMgr[j]!, gain * shield, asymmetry);
    staff.fear[j] = clamp01(staff.fear[j]! + p.fearGain * shield * (1 - staff.fear[j]!));
    staff.competence[j] = staff.competence[j]! + p.learnGain * org.roomToFail * (1 - staff.competence[j]!);
  });
  // A genuine failure: the input was heard and the learning is visible, so it costs a share of a
  // full bad experience (less still with room to fail); a process without results (abandoned) is
  // the "end in itself" trap and costs in full, with fatigue (003 traps).
  const loss = fruitless ? 1 : p.failureLoss * shield;
  forCitizens(w, id, (c) => {
    if (!fruitless) citizens.trust[c] = trustUp(citizens.trust[c]!, gain * p.heardGain);
    citizens.trust[c] = trustDown(citizens.trust[c]!, gain * loss, asymmetry);
    if (fruitless) citizens.fatigue[c] = clamp01(citizens.fatigue[c]! + p.citizenFatigue);
  });
  forPartners(w, id, (q) => {
    if (!fruitless) partners.trust[q] = trustUp(partners.trust[q]!, gain * p.heardGain);
    partners.trust[q] = trustDown(partners.trust[q]!, gain * loss, asymmetry);
  });
  // Politicians who decided on it see it fail: trust in the administration falls (fast).
  const s = w.inits;
  if (s.depth[id]! >= 2 || s.mission[id]) {
    const { pols } = w;
    for (let i = 0; i < pols.n; i++) pols.trustAdmin[i] = trustDown(pols.trustAdmin[i]!, gain * p.politicalShare, asymmetry);
  }
}

/** Blocked at a gate: the team is discouraged; citizens who took part were asked in vain (a sham). */
function block(w: World, id: number, { p }: Ctx): void {
  const { gain, asymmetry } = paramsOf(w, trust);
  const { staff, citizens, partners } = w;
  forTeam(w, id, (j) => {
    staff.motivation[j] = staff.motivation[j]! * (1 - p.motivationGain);
    staff.fear[j] = clamp01(staff.fear[j]! + p.blockFear * p.fearGain * (1 - staff.fear[j]!));
  });
  forCitizens(w, id, (c) => {
    citizens.trust[c] = trustDown(citizens.trust[c]!, gain, asymmetry);
    citizens.fatigue[c] = clamp01(citizens.fatigue[c]! + p.citizenFatigue);
  });
  forPartners(w, id, (q) => {
    partners.trust[q] = trustDown(partners.trust[q]!, gain, asymmetry);
  });
}

/** Move a point of the logic simplex toward the NPG vertex (a convex step keeps it on the simplex). */
export function nudgeLogic(logic: Float64Array, i: number, step: number): void {
  const b = i * 3;
  logic[b] = logic[b]! * (1 - step);
  logic[b + 1] = logic[b + 1]! * (1 - step);
  logic[b + NPG] = 1 - logic[b]! - logic[b + 1]!;
}

function forTeam(w: World, id: number, f: (j: number) => void): void {
  const s = w.inits;
  const base = id * s.maxTeam;
  for (let k = 0; k < s.teamCount[id]!; k++) f(s.team[base + k]!);
}
function forCitizens(w: World, id: number, f: (c: number) => void): void {
  const s = w.inits;
  const base = id * s.maxCitizens;
  for (let k = 0; k < s.citizenCount[id]!; k++) f(s.citizenIds[base + k]!);
}
function forPartners(w: World, id: number, f: (q: number) => void): void {
  const s = w.inits;
  const base = id * s.maxPartners;
  for (let k = 0; k < s.partnerCount[id]!; k++) f(s.partnerIds[base + k]!);
}
