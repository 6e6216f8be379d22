/**
 * Process 4, initiative generation: staff, above all enthusiasts, propose initiatives with a
 * probability rising with openness, free time, manager encouragement (coach style and the top
 * signal heard) and room to fail, and falling with fear of error (002 M22: understanding x time x
 * encouragement; 000 §4 on enthusiasts). Missions (004 lever 5) and method pushes from the top
 * (002 §3: living labs, utopia workshops, service design, training labs) also start initiatives.
 */
import type { Rng } from '../../engine/rng.js';
import { addMember, openInitiative } from '../initiatives.js';
import { indicator, mechanism, paramsOf } from '../mechanism.js';
import { addTie } from '../network.js';
import { type GroupValues, param } from '../params/define.js';
import { METHODS, NPG, PROBLEM, type World } from '../state.js';
import { thinLogMiss } from '../thinning.js';
import { teams } from './teams.js';

const params = {
  proposeRate: param(0.004, [0, 0.1], 'Weekly proposal probability of a fully open, free and encouraged staff member', '002 M22'),
  freeTimeRef: param(0.06, [0.01, 1], 'Development time at which time stops limiting proposals', '002 M22, VF-10'),
  understandFloor: param(
    0.5,
    [0, 2],
    'Understanding of co-creation without competence (rises by 1 per unit of competence)',
    '002 M22; assumption',
  ),
  encourageBase: param(0.2, [0, 1], 'Encouragement without a coaching manager or a heard signal', 'assumption'),
  encourageStyle: param(0.5, [0, 2], 'Encouragement from a coaching manager', '002 M22, 003 tactical level'),
  encourageSignal: param(1.5, [0, 5], 'Encouragement from the top signal heard', '002 M18, M22'),
  fearWeight: param(0.8, [0, 1], 'How strongly fear of error suppresses proposals', '002 §2.5.5'),
  roomToFailBoost: param(0.5, [0, 2], 'Extra proposals at full room to fail', '002, 003 (room to fail)'),
  enthusiastFactor: param(4, [1, 20], 'Proposal multiplier for enthusiasts', '000 §4'),
  wickedShare: param(0.35, [0, 1], 'Share of wicked problems among proposals in service units', '000 §2; assumption'),
  serviceAuthorityShare: param(0.05, [0, 1], 'Share of authority problems among proposals in service units', 'assumption'),
  authorityAuthorityShare: param(0.6, [0, 1], 'Share of authority problems among proposals in authority units', '002 Fig. 13; assumption'),
  authorityRoutineShare: param(0.2, [0, 1], 'Share of routine problems among proposals in authority units', 'assumption'),
  communityWickedShare: param(0.6, [0, 1], 'Share of wicked problems among proposals in community-development units', '000 §2; assumption'),
  depthConservative: param(0.4, [0, 5], 'Weight of conservative co-creation (consultation has weight 1) at no NPG', '002 §5.4; assumption'),
  depthConservativeNpg: param(1, [0, 5], 'Extra weight of conservative co-creation per unit of NPG in practice', '002 §5.4; assumption'),
  depthRadical: param(0.1, [0, 5], 'Weight of radical problem co-creation at no NPG', '002 §5.4; assumption'),
  depthRadicalNpg: param(0.8, [0, 5], 'Extra weight of radical problem co-creation per unit of NPG', '002 §5.4; assumption'),
  depthPartnership: param(0.05, [0, 5], 'Weight of radical partnership at no NPG', '002 §5.4; assumption'),
  depthPartnershipNpg: param(0.5, [0, 5], 'Extra weight of radical partnership per unit of NPG', '002 §5.4; assumption'),
  labelShallow: param(0.5, [0, 1], 'Probability that a consultation is labelled co-creation', '002 VF-5; assumption'),
  labelBreadth: param(0.45, [0, 1], 'Change of that probability per unit of concept breadth (+ broadened, − clarified)', '002 S6, VF-5'),
  portfolioFilter: param(0.5, [0, 1], 'Share of proposals without value that full portfolio management stops', '004 levers 4, 6'),
  missionStaffPull: param(3, [0, 10], 'Cross-unit members pre-recruited to a mission initiative', '004 lever 5'),
} as const;
type Params = GroupValues<typeof params>;

const KIND_AUTHORITY = 1;
const KIND_COMMUNITY = 2;
/** Depth of initiatives the top starts (002 §5.4): missions are radical problems; per method (network … training lab). */
const MISSION_DEPTH = 2;
const METHOD_DEPTH = [1, 3, 2, 1, 1] as const;

export const generation = mechanism({
  name: 'generation',
  title: 'Staff propose initiatives; missions and method pushes from the top start more',
  process: 'generation',
  sources: '002 M22, §3, §5.4, S6, VF-5; 000 §4; 004 levers 4, 5, 6',
  params,
  reads: [
    'staff.*',
    'managers.style',
    'units.kind',
    'units.firstStaff',
    'units.staff',
    'org.roomToFail',
    'org.portfolio',
    'org.conceptBreadth',
    'org.missionRate',
    'org.methodPush',
  ],
  writes: ['inits.*', 'staff.initiative', 'ties'],
  flows: ['started', 'proposals'],
  indicators: {
    initiativesStarted: indicator('count', 'up', { en: 'Initiatives started', nb: 'Initiativer startet' }, 'Initiatives started this week'),
    proposals: indicator(
      'count',
      'up',
      { en: 'Proposals', nb: 'Forslag' },
      'Proposals made this week (including those stopped or without a free slot)',
    ),
  },
  run(w, tick, { p, rng: r, flows }) {
    // Parameters as locals: loads from the group object cannot be hoisted out of loops that call.
    const {
      encourageBase,
      encourageSignal,
      encourageStyle,
      enthusiastFactor,
      fearWeight,
      freeTimeRef,
      portfolioFilter,
      proposeRate,
      roomToFailBoost,
      understandFloor,
    } = p;
    const { staff, units, managers, org } = w;
    const w4 = w.scratch.a;
    const base = proposeRate * (1 + roomToFailBoost * org.roomToFail);
    const filter = 1 - portfolioFilter * org.portfolio;
    // Start at a random person each week so that, when the pool is nearly full, no unit always
    // gets the free slots first.
    const offset = r.int(staff.n);
    // Typed arrays as locals (the loop calls the random stream; V8 cannot hoist property loads).
    const { initiative, freeTime, manager, heard, openness, competence, fear, enthusiast } = staff;
    const style = managers.style;
    const n = staff.n;
    // Few staff propose in a week: candidates by thinning (thinning.ts), in two streams with bounds
    // of their own, since enthusiasts propose `enthusiastFactor` times as often as the others: the
    // others' candidates come at the others' bound among all positions (an enthusiast's position
    // is passed over), the enthusiasts' at theirs among the enthusiasts. The two are merged in
    // position order from the week's offset, so proposals come in the order of a single stream.
    const boundOther = proposalBound(p, false);
    const missOther = thinLogMiss(boundOther);
    const bound = proposalBound(p, true);
    const missKeen = thinLogMiss(bound);
    const keen = w.scratch.staffList; // the enthusiasts' positions (k), ascending
    let nKeen = 0;
    for (let i = offset; i < n; i++) if (enthusiast[i] === 1) keen[nKeen++] = i - offset;
    for (let i = 0; i < offset; i++) if (enthusiast[i] === 1) keen[nKeen++] = i - offset + n;
    let kOther = r.gap(missOther);
    let e = r.gap(missKeen);
    for (;;) {
      // The next candidate: the nearer of the two streams' (an enthusiast's position in the others' stream is passed over).
      while (kOther < n && enthusiast[kOther + offset < n ? kOther + offset : kOther + offset - n] === 1) kOther += 1 + r.gap(missOther);
      const kKeen = e < nKeen ? keen[e]! : n;
      if (kOther >= n && kKeen >= n) break;
      const fromKeen = kKeen < kOther;
      const k = fromKeen ? kKeen : kOther;
      if (fromKeen) e += 1 + r.gap(missKeen);
      else kOther += 1 + r.gap(missOther);
      const i = k + offset < n ? k + offset : k + offset - n;
      const b = fromKeen ? bound : boundOther;
      const logMiss = fromKeen ? missKeen : missOther;
      if (initiative[i]! >= 0) continue;
      const ft = freeTime[i]! / freeTimeRef;
      const time = ft < 1 ? ft : 1;
      if (time <= 0) continue;
      const enc = encourageBase + encourageStyle * style[manager[i]!]! + encourageSignal * heard[i]!;
      // Understanding × time × encouragement (002 M22): understanding grows with competence.
      let prob = base * openness[i]! * (understandFloor + competence[i]!) * time * enc * (1 - fearWeight * fear[i]!);
      if (enthusiast[i] === 1) prob *= enthusiastFactor;
      if (!r.bernoulli(logMiss < 0 ? prob / b : prob)) continue;
      flows.proposals++;
      // Portfolio management stops proposals without value before they take resources (004 lever 4).
      if (!r.bernoulli(filter + (1 - filter) * staff.competence[i]!)) continue;
      if (w.inits.freeTop === 0) continue; // pool full: the proposal is counted but cannot start
      const u = staff.unit[i]!;
      const id = openInitiative(
        w,
        tick,
        u,
        i,
        drawProblem(r, units.kind[u]!, p),
        drawDepth(r, staff.logic[i * 3 + NPG]!, w4, p),
        r.int(METHODS.length),
      );
      label(w, id, r, p);
      flows.started++;
    }
    startTopInitiatives(w, tick, org.missionRate, true, -1, r, p, flows);
    for (let m = 0; m < org.methodPush.length; m++) startTopInitiatives(w, tick, org.methodPush[m]!, false, m, r, p, flows);
  },
  observe(_w, { flows }, set) {
    set('initiativesStarted', flows.started);
    set('proposals', flows.proposals);
  },
});

/**
 * The highest weekly proposal probability the parameters allow an enthusiast (`keen`) or anyone
 * else: every factor at its maximum (openness, competence, style, the signal heard, room to fail
 * and free time at 1, no fear).
 */
export function proposalBound(p: Params, keen: boolean): number {
  return (
    p.proposeRate *
    (1 + p.roomToFailBoost) *
    (p.understandFloor + 1) *
    (p.encourageBase + p.encourageStyle + p.encourageSignal) *
    (keen ? Math.max(1, p.enthusiastFactor) : 1)
  );
}

function drawProblem(r: Rng, kind: number, p: Params): number {
  const x = r.next();
  if (kind === KIND_AUTHORITY) {
    return x < p.authorityAuthorityShare
      ? PROBLEM.authority
      : x < p.authorityAuthorityShare + p.authorityRoutineShare
        ? PROBLEM.routine
        : PROBLEM.wicked;
  }
  if (kind === KIND_COMMUNITY) return x < p.communityWickedShare ? PROBLEM.wicked : PROBLEM.routine;
  return x < p.wickedShare ? PROBLEM.wicked : x < 1 - p.serviceAuthorityShare ? PROBLEM.routine : PROBLEM.authority;
}

/** Depth of co-creation (002 §5.4): more NPG in the proposer's logic makes deeper forms likelier. */
function drawDepth(r: Rng, npg: number, w4: Float64Array, p: Params): number {
  w4[0] = 1;
  w4[1] = p.depthConservative + p.depthConservativeNpg * npg;
  w4[2] = p.depthRadical + p.depthRadicalNpg * npg;
  w4[3] = p.depthPartnership + p.depthPartnershipNpg * npg;
  return r.categorical(w4, 4);
}

/** Reported co-creation: the label is given more freely when the concept is broadened (002 S6, VF-5). */
function label(w: World, id: number, r: Rng, p: Params): void {
  const depth = w.inits.depth[id]!;
  const pLabel = depth >= 1 ? 1 : p.labelShallow + p.labelBreadth * w.org.conceptBreadth;
  w.inits.labelled[id] = r.bernoulli(pLabel) ? 1 : 0;
}

/** Top-started initiatives: missions are cross-unit and wicked; method pushes set method and depth. */
function startTopInitiatives(
  w: World,
  tick: number,
  rate: number,
  mission: boolean,
  method: number,
  r: Rng,
  p: Params,
  flows: Record<'started', number>,
): void {
  if (rate <= 0) return;
  const { staff, units } = w;
  let n = Math.floor(rate);
  if (r.bernoulli(rate - n)) n++;
  for (let k = 0; k < n; k++) {
    const u = r.int(units.n);
    const champ = units.firstStaff[u]! + r.int(units.staff[u]!);
    if (staff.initiative[champ]! >= 0) continue;
    const depth = mission ? MISSION_DEPTH : METHOD_DEPTH[method]!;
    const problem = mission ? PROBLEM.wicked : drawProblem(r, units.kind[u]!, p);
    const id = openInitiative(w, tick, u, champ, problem, depth, mission ? 0 : method, mission ? 1 : 0);
    if (id < 0) return;
    w.inits.labelled[id] = 1;
    flows.started++;
    if (mission) preRecruit(w, id, p.missionStaffPull, r);
  }
}

/** Missions recruit across units directly, the way a matrix team does (004 lever 5). */
function preRecruit(w: World, id: number, count: number, r: Rng): void {
  const { staff, units } = w;
  const cutoff = paramsOf(w, teams).recruitBurnout;
  const champ = w.inits.champion[id]!;
  for (let k = 0; k < count; k++) {
    const u = r.int(units.n);
    const j = units.firstStaff[u]! + r.int(units.staff[u]!);
    if (staff.burnout[j]! > cutoff) continue;
    if (addMember(w, id, j) && champ >= 0) addTie(w, champ, j);
  }
}
