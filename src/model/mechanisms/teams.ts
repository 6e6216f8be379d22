/**
 * Process 5, team formation: initiatives recruit staff along network ties; crossing a unit
 * boundary needs a tie across the silo and the consent of a line manager attached to own budget
 * (002 M60-62); matrix organisation recruits across units directly and creates such ties (002 S2,
 * 003 Asker). Citizens are recruited by segment propensity; targeted outreach and anchor
 * institutions widen who takes part (003 §3.6, §6, S8). Partners join by engagement (003 Wigan).
 */
import { addCitizen, addMember, addPartner } from '../initiatives.js';
import { addTie } from '../network.js';
import { type GroupValues, param } from '../params/define.js';
import { PHASE, PROBLEM, type World } from '../state.js';

export const teamsParams = {
  formingWeeks: param(6, [1, 52], 'Weeks an initiative spends recruiting before it runs', 'assumption', true),
  staffDraws: param(2, [0, 10], 'Recruitment attempts along ties per forming initiative per week', 'assumption', true),
  crossResistance: param(0.6, [0, 1], 'How strongly a line manager attached to own budget refuses to lend staff', '002 M60-62'),
  matrixRecruit: param(1, [0, 10], 'Weekly cross-unit recruits per forming initiative at full matrix degree', '002 S2, 003 Asker'),
  citizenDraws: param(3, [0, 20], 'Citizen recruitment attempts per forming initiative per week', '002 §5.4'),
  outreachGain: param(3, [0, 10], 'Multiplier on the acceptance of non-core segments at full outreach', '003 §6, S8'),
  anchorGain: param(1, [0, 5], 'Extra acceptance of families and youth when an anchor institution takes part', '003 §6'),
  partnerDraws: param(1, [0, 5], 'Partner recruitment attempts per forming initiative per week', '003 Wigan'),
  freeTimeRef: param(0.15, [0.01, 1], 'Free time at which time stops limiting acceptance', '002 VF-10'),
} as const;
export type TeamsParams = GroupValues<typeof teamsParams>;

/** Living labs and utopia workshops draw many citizens; networks draw more staff (002 §3). */
const METHOD_CITIZENS = [0.5, 2, 2, 1.5, 0.5];
const METHOD_STAFF = [2, 1, 1, 1, 1];
const FAMILIES = 1;
const YOUTH = 2;
const ANCHOR = 3;

export function teams(w: World, tick: number): void {
  const p = w.p.teams;
  const s = w.inits;
  const { staff, ties, managers, units, citizens, partners, org } = w;
  const r = w.rng.teams;
  const matrixAccept = w.mech.matrixEffect === 'structure-first' ? 1 : cultureReadiness(w);
  for (let id = 0; id < s.cap; id++) {
    if (s.phase[id] !== PHASE.forming) continue;
    if (tick - s.phaseStart[id]! >= p.formingWeeks) {
      s.phase[id] = PHASE.running;
      s.phaseStart[id] = tick;
      continue;
    }
    const owner = s.owner[id]!;
    const method = s.method[id]!;
    // Staff along ties.
    const draws = p.staffDraws * METHOD_STAFF[method]!;
    for (let k = 0; k < draws && s.teamCount[id]! > 0; k++) {
      const m = s.team[id * s.maxTeam + r.int(s.teamCount[id]!)]!;
      const d = ties.degree[m]!;
      if (d === 0) continue;
      const j = ties.neighbors[ties.offsets[m]! + r.int(d)]!;
      if (staff.initiative[j]! >= 0 || staff.burnout[j]! > 0.8) continue;
      let acc = staff.openness[j]! * Math.min(1, staff.freeTime[j]! / p.freeTimeRef);
      const ju = staff.unit[j]!;
      if (ju !== owner) {
        const attached = Math.min(1, Math.max(0, managers.budgetAttachment[units.head[ju]!]! + org.lineResistance));
        acc *= 1 - org.siloStrength * p.crossResistance * attached;
      }
      if (r.bernoulli(acc)) addMember(w, id, j);
    }
    // Matrix: cross-unit recruits without an existing tie; the team creates the tie.
    let mx = units.n > 1 ? org.matrixDegree * p.matrixRecruit * matrixAccept : 0;
    while (mx > 0) {
      if (!r.bernoulli(Math.min(1, mx))) break;
      mx -= 1;
      let u = r.int(units.n - 1);
      if (u >= owner) u++;
      const j = units.firstStaff[u]! + r.int(units.staff[u]!);
      if (staff.burnout[j]! > 0.8) continue;
      const champ = s.champion[id]!;
      if (addMember(w, id, j) && champ >= 0) addTie(w, champ, j);
    }
    if (s.problem[id] === PROBLEM.authority && s.depth[id] === 0) continue;
    // Partners, then citizens (anchor institutions open doors to families and youth).
    let anchor = 0;
    for (let k = 0; k < s.partnerCount[id]!; k++) {
      if (partners.type[s.partnerIds[id * s.maxPartners + k]!] === ANCHOR) anchor = 1;
    }
    for (let k = 0; k < p.partnerDraws && partners.n > 0; k++) {
      const q = r.int(partners.n);
      const spare = Math.max(0, 1 - partners.load[q]! / (1 + 4 * partners.capacity[q]!));
      if (r.bernoulli(partners.engagement[q]! * (1 - partners.burnout[q]!) * spare)) addPartner(w, id, q);
    }
    const cd = p.citizenDraws * METHOD_CITIZENS[method]!;
    for (let k = 0; k < cd; k++) {
      const c = r.int(citizens.n);
      if (citizens.current[c]! >= 0) continue;
      const seg = citizens.segment[c]!;
      let boost = seg === 0 ? 1 : 1 + p.outreachGain * org.outreach;
      if (seg === FAMILIES || seg === YOUTH) boost += p.anchorGain * Math.max(anchor, org.anchor);
      // Citizens who expect to co-create rather than be served join more readily (003 §2).
      const acc =
        citizens.propensity[c]! * (1 - citizens.fatigue[c]!) * (0.5 + 0.5 * citizens.trust[c]!) * (0.8 + citizens.role[c]!) * boost;
      if (r.bernoulli(acc)) addCitizen(w, id, c);
    }
  }
}

/** Culture-first regime (002 §8.7): a matrix works only as far as coaching leaders and trust carry it. */
export function cultureReadiness(w: World): number {
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
  return 0.5 * (style / Math.max(1, m)) + 0.5 * (trust / Math.max(1, staff.n));
}
