/**
 * Initialisation of the agents (ODD "initialisation"): the distributions their attributes are
 * drawn from, as the `init` parameter group, and the draws themselves, for the first population
 * and for every newcomer who replaces a leaver. All distributions are assumptions (uncalibrated:
 * the sources give no magnitudes).
 */
import type { Rng } from '../engine/rng.js';
import { clamp01 } from '../engine/stats.js';
import { openInitiative } from './initiatives.js';
import { addTie } from './network.js';
import { type GroupValues, param } from './params/define.js';
import { PHASE, type World } from './state.js';

export const initParams = {
  spinUpWeeks: param(
    78,
    [0, 1040],
    'Weeks simulated before week 0 (not recorded, no levers, no trends) so that week 0 is the everyday state',
    'MODEL.md §7; assumption',
    true,
  ),
  spanOfControl: param(15, [3, 100], 'Staff per first-line manager', '002 §4.3.3; assumption', true),
  spanUp: param(5, [2, 20], 'Managers per manager above the first line', 'assumption', true),
  managerStyle: param(0.3, [0, 1], 'Mean manager style (0 controlling line, 1 coach/facilitator)', '002 §4.3.4, 003 tactical level'),
  managerInsecurity: param(0.3, [0, 1], 'Mean manager insecurity in a new role', '002 §2.5.4'),
  budgetAttachment: param(0.6, [0, 1], "Mean managers' attachment to own budget and power", '002 M60-62'),
  openness: param(0.3, [0, 1], 'Mean staff openness to co-creation', '002 §4.3.3'),
  competence: param(0.35, [0, 1], 'Mean staff co-creation competence', '004 lever 8'),
  identity: param(0.6, [0, 1], 'Mean professional identity', '003 §2'),
  fear: param(0.4, [0, 1], 'Mean fear of error', '002 §2.5.5'),
  fearHistory: param(
    1,
    [0, 1],
    "Share of their tenure over which the first staff's drawn fear of error has already drifted toward their unit's climate when the spin-up begins (0: as drawn)",
    'assumption (docs/model.md 0.3-1)',
  ),
  practiceHistory: param(
    1,
    [0, 1],
    "Share of their tenure over which the first staff's drawn practice logic has already drifted toward what steering, habit and their unit's routines pull it to when the spin-up begins (0: as drawn)",
    'assumption (docs/model.md 0.3-1)',
  ),
  trustManager: param(0.45, [0, 1], 'Mean staff trust in own manager', '001, 002'),
  motivation: param(0.6, [0, 1], 'Mean staff motivation', '001'),
  spread: param(0.12, [0, 0.5], 'Standard deviation of staff and manager attributes', 'assumption'),
  logicNoise: param(0.05, [0, 0.3], 'Standard deviation of individual logic weights around the practice mix', 'assumption'),
  enthusiastOpenness: param(0.8, [0, 1], 'Mean openness of enthusiasts', '000 §4'),
  intakeGain: param(
    20,
    [0, 100],
    'How strongly intake restores the status-quo share of enthusiasts (extra hiring probability per unit of shortfall)',
    'assumption (stationary labour market)',
  ),
  initialBurnout: param(0.03, [0, 1], 'Mean burnout of the staff when the spin-up begins (near its everyday level)', 'assumption'),
  initialBurnoutSpread: param(0.02, [0, 0.5], 'Standard deviation of burnout when the spin-up begins', 'assumption'),
  initialInitiatives: param(
    17,
    [0, 200],
    'Initiatives per 1,000 staff under way when the spin-up begins, of every age (near the everyday level of the default preset)',
    'assumption',
  ),
  initialRoutines: param(
    0.24,
    [0, 10],
    'Co-created routines per 100 staff when the spin-up begins (near the everyday level of the default preset)',
    'assumption',
  ),
  maxTenureYears: param(20, [0, 45], 'Tenure at the start is uniform up to this many years', 'assumption', true),
  teamTies: param(5, [0, 20], 'Ties to colleagues in the same team per person', 'assumption', true),
  unitTies: param(2, [0, 10], 'Ties to others in the same unit per person', 'assumption', true),
  crossTies: param(3, [0, 10], 'Ties across units per person when silo strength is 0', '002 §4.3.5'),
  tieCapacity: param(28, [8, 200], 'Maximum ties per person (slots in the adjacency)', 'implementation', true),
  fearOfCost: param(0.6, [0, 1], "Top management's fear of cost", '002 §4.3.4'),
  legalRisk: param(0.5, [0, 1], "Top management's fear of legal risk", '002 §2.4'),
  controlLoss: param(0.5, [0, 1], "Top management's fear of losing control", '002 §4.3.4'),
  politicianRole: param(0.25, [0, 1], 'Mean politician role (0 decision-maker, 1 interactive political leader)', '002 §5.2'),
  politicianRoleSpread: param(0.1, [0, 0.5], 'Standard deviation of politician role', 'assumption'),
  politicianUnderstanding: param(0.25, [0, 1], "Mean politicians' understanding of co-creation", '003'),
  politicianUnderstandingSpread: param(0.1, [0, 0.5], "Standard deviation of politicians' understanding", 'assumption'),
  politicianTrust: param(0.5, [0, 1], "Mean politicians' trust in the administration", '002 §5.2'),
  politicianTrustSpread: param(0.1, [0, 0.5], "Standard deviation of politicians' trust", 'assumption'),
  backingSpread: param(0.05, [0, 0.5], "Standard deviation of a politician's backing around the bloc's", 'assumption'),
  citizenTrust: param(0.5, [0, 1], 'Mean citizen trust in the municipality', '002 §3.1.2 (low trust survey); assumption'),
  citizenTrustSpread: param(0.15, [0, 0.5], 'Standard deviation of citizen trust', 'assumption'),
  citizenRole: param(0.2, [0, 1], 'Mean citizen role expectation (0 customer, 1 co-creator)', '003 §2'),
  citizenRoleSpread: param(0.1, [0, 0.5], 'Standard deviation of citizen role expectation', 'assumption'),
  propensitySpread: param(0.02, [0, 0.5], 'Standard deviation of participation propensity within a segment', 'assumption'),
  shareEngagedCore: param(0.1, [0, 1], 'Population share of the engaged core', '002 VF-13; assumption'),
  shareBusyFamilies: param(0.3, [0, 1], 'Population share of busy families', 'assumption'),
  shareYouth: param(0.15, [0, 1], 'Population share of youth', 'assumption'),
  shareElderly: param(0.25, [0, 1], 'Population share of the elderly (the hard to reach take the rest)', 'assumption'),
  propensityEngagedCore: param(0.5, [0, 1], 'Participation propensity of the engaged core', '002 VF-13, 003 §3.6'),
  propensityBusyFamilies: param(0.08, [0, 1], 'Participation propensity of busy families', '003 §3.6; assumption'),
  propensityYouth: param(0.06, [0, 1], 'Participation propensity of youth', '003 §3.6; assumption'),
  propensityElderly: param(0.12, [0, 1], 'Participation propensity of the elderly', '003 §3.6; assumption'),
  propensityHardToReach: param(0.02, [0, 1], 'Participation propensity of the hard to reach', '003 §3.6 ("the dark side")'),
  partnerEngagement: param(0.4, [0, 1], 'Mean partner engagement', '003 Wigan, Preston'),
  partnerEngagementSpread: param(0.15, [0, 0.5], 'Standard deviation of partner engagement', 'assumption'),
  partnerTrust: param(0.5, [0, 1], "Mean partners' trust in the municipality", 'assumption'),
  partnerTrustSpread: param(0.1, [0, 0.5], "Standard deviation of partners' trust", 'assumption'),
  partnerCapacity: param(0.5, [0, 1], 'Mean partner capacity', 'assumption'),
  partnerCapacitySpread: param(0.2, [0, 0.5], 'Standard deviation of partner capacity', 'assumption'),
  shareBusiness: param(0.35, [0, 1], 'Share of partners that are businesses', 'assumption'),
  shareVoluntary: param(0.35, [0, 1], 'Share of partners that are voluntary organisations', 'assumption'),
  shareKnowledge: param(0.1, [0, 1], 'Share of partners that are knowledge institutions', 'assumption'),
  shareAnchor: param(0.2, [0, 1], 'Share of partners that are anchor institutions (schools, kindergartens)', '003 §6; assumption'),
  initiativesPer1000: param(
    60,
    [5, 500],
    'Initiative slots per 1,000 staff (the pool never grows; well above progress.attentionPer1000, so overload can build)',
    'implementation',
  ),
  maxTeam: param(12, [2, 100], 'Most staff in one initiative team', 'assumption', true),
  maxCitizens: param(16, [1, 200], 'Most citizens in one initiative', 'assumption', true),
  maxPartners: param(4, [1, 50], 'Most partners in one initiative', 'assumption', true),
} as const;
export type InitParams = GroupValues<typeof initParams>;

export function around(r: Rng, mean: number, sd: number): number {
  return clamp01(r.normal(mean, sd));
}

function init(w: World): InitParams {
  return w.p.init as InitParams;
}

/** Draw a person with baseline attributes into staff slot i (at the start, and for each replacement: `intake`). */
export function drawNewcomer(w: World, i: number, r: Rng, intake = true): void {
  const ip = init(w);
  const st = w.staff;
  const mix = w.orgConfig.logic.practice;
  const b = i * 3;
  let sum = 0;
  for (let k = 0; k < 3; k++) {
    const v = Math.max(0.01, mix[k]! + r.normal(0, ip.logicNoise));
    st.logic[b + k] = v;
    sum += v;
  }
  for (let k = 0; k < 3; k++) st.logic[b + k] = st.logic[b + k]! / sum;
  if (st.tugboat[i] === 1) w.org.tugboats--;
  // Intake keeps the workforce's share of enthusiasts at its status-quo level: enthusiasts burn out
  // and leave more often (000 §4), and a stationary labour market replaces them (an assumption;
  // without it the share would sink over a decade of turnover and the status quo would drift).
  const share = w.orgConfig.enthusiastShare;
  if (st.enthusiast[i] === 1) w.org.enthusiasts--;
  const current = w.org.enthusiasts / Math.max(1, st.n);
  const enth = r.bernoulli(intake ? Math.min(1, Math.max(0, share + ip.intakeGain * (share - current))) : share);
  st.enthusiast[i] = enth ? 1 : 0;
  if (enth) w.org.enthusiasts++;
  st.openness[i] = around(r, enth ? ip.enthusiastOpenness : ip.openness, ip.spread);
  st.competence[i] = around(r, ip.competence, ip.spread);
  st.identity[i] = around(r, ip.identity, ip.spread);
  st.fear[i] = around(r, ip.fear, ip.spread);
  st.trustMgr[i] = around(r, ip.trustManager, ip.spread);
  st.motivation[i] = around(r, ip.motivation, ip.spread);
  st.burnout[i] = 0;
  st.experience[i] = 0;
  st.heard[i] = 0;
  st.tugboat[i] = 0;
  st.initiative[i] = -1;
  st.tenure[i] = 0;
}

/** Give person i ties: within the team, within the unit, and across units as silo strength allows. */
export function linkNewcomer(w: World, i: number, r: Rng): void {
  const ip = init(w);
  const { staff, managers: m, units } = w;
  const k = staff.manager[i]!;
  const tf = m.firstStaff[k]!;
  const tn = m.staffCount[k]!;
  const u = staff.unit[i]!;
  for (let t = 0; t < ip.teamTies && tn > 1; t++) addTie(w, i, tf + r.int(tn));
  for (let t = 0; t < ip.unitTies; t++) addTie(w, i, units.firstStaff[u]! + r.int(units.staff[u]!));
  const expected = ip.crossTies * (1 - w.org.siloStrength);
  let cross = Math.floor(expected);
  if (r.bernoulli(expected - cross)) cross++;
  for (let t = 0; t < cross && units.n > 1; t++) {
    let v = r.int(units.n - 1);
    if (v >= u) v++;
    addTie(w, i, units.firstStaff[v]! + r.int(units.staff[v]!));
  }
}

/** A manager's attributes, at the start and for each replacement (`style` around the given mean). */
export function drawManager(w: World, k: number, r: Rng, style: number, relay: { relay: number; relaySpread: number }): void {
  const ip = init(w);
  const m = w.managers;
  m.style[k] = around(r, style, ip.spread);
  m.insecurity[k] = around(r, ip.managerInsecurity, ip.spread);
  m.budgetAttachment[k] = around(r, ip.budgetAttachment, ip.spread);
  m.relay[k] = clamp01(r.normal(relay.relay, relay.relaySpread));
}

/** The first managers, with spread tenure. */
export function drawManagers(w: World, r: Rng, relay: { relay: number; relaySpread: number }): void {
  const ip = init(w);
  for (let k = 0; k < w.managers.n; k++) {
    drawManager(w, k, r, ip.managerStyle, relay);
    w.managers.tenure[k] = r.int(52 * ip.maxTenureYears);
  }
}

/** The first staff: newcomers with a history (spread tenure, a little burnout) and their ties. */
export function drawStaff(w: World, r: Rng): void {
  const ip = init(w);
  const { staff } = w;
  for (let i = 0; i < staff.n; i++) drawNewcomer(w, i, r, false);
  for (let i = 0; i < staff.n; i++) {
    staff.tenure[i] = r.int(52 * ip.maxTenureYears);
    staff.burnout[i] = around(r, ip.initialBurnout, ip.initialBurnoutSpread);
  }
  for (let i = 0; i < staff.n; i++) linkNewcomer(w, i, r);
}

/** Backing is concentrated in bloc 0 when breadth is low, spread evenly when breadth is 1. */
export function drawPoliticians(w: World, r: Rng): void {
  const ip = init(w);
  const { pols } = w;
  const { blocs, politicalBacking: B, backingBreadth: beta } = w.orgConfig;
  let inBloc0 = 0;
  for (let i = 0; i < pols.n; i++) {
    pols.bloc[i] = i % blocs;
    if (pols.bloc[i] === 0) inBloc0++;
  }
  // Bloc 0 (governing) carries the backing that breadth does not spread: mean backing stays B.
  const s0 = inBloc0 / Math.max(1, pols.n);
  const target0 = Math.min(1, B * (beta + (1 - beta) / Math.max(s0, 1e-9)));
  let sum = 0;
  for (let i = 0; i < pols.n; i++) {
    pols.backing[i] = around(r, pols.bloc[i] === 0 ? target0 : B * beta, ip.backingSpread);
    sum += pols.backing[i]!;
    pols.role[i] = around(r, ip.politicianRole, ip.politicianRoleSpread);
    pols.understanding[i] = around(r, ip.politicianUnderstanding, ip.politicianUnderstandingSpread);
    pols.trustAdmin[i] = around(r, ip.politicianTrust, ip.politicianTrustSpread);
    pols.elected[i] = -1;
  }
  const shift = B - sum / Math.max(1, pols.n);
  for (let i = 0; i < pols.n; i++) {
    pols.backing[i] = clamp01(pols.backing[i]! + shift);
    pols.stance[i] = pols.backing[i]!;
  }
}

/** Population shares of the citizen segments, in SEGMENTS order (the last takes the rest). */
export function segmentShares(ip: InitParams): readonly number[] {
  return [ip.shareEngagedCore, ip.shareBusyFamilies, ip.shareYouth, ip.shareElderly, 0];
}

/** Citizens: segments by quota so the sample matches the shares exactly; attributes around segment means. */
export function drawCitizens(w: World, r: Rng): void {
  const ip = init(w);
  const c = w.citizens;
  const shares = segmentShares(ip);
  const propensity = [
    ip.propensityEngagedCore,
    ip.propensityBusyFamilies,
    ip.propensityYouth,
    ip.propensityElderly,
    ip.propensityHardToReach,
  ];
  let k = 0;
  for (let s = 0; s < shares.length; s++) {
    const end = s === shares.length - 1 ? c.n : Math.min(c.n, k + Math.round(shares[s]! * c.n));
    for (; k < end; k++) c.segment[k] = s;
  }
  for (let i = 0; i < c.n; i++) {
    c.propensity[i] = around(r, propensity[c.segment[i]!]!, ip.propensitySpread);
    c.trust[i] = around(r, ip.citizenTrust, ip.citizenTrustSpread);
    c.role[i] = around(r, ip.citizenRole, ip.citizenRoleSpread);
  }
}

export function drawPartners(w: World, r: Rng): void {
  const ip = init(w);
  const q = w.partners;
  const shares = [ip.shareBusiness, ip.shareVoluntary, ip.shareKnowledge, ip.shareAnchor];
  for (let i = 0; i < q.n; i++) {
    q.type[i] = r.categorical(shares);
    q.engagement[i] = around(r, ip.partnerEngagement, ip.partnerEngagementSpread);
    q.trust[i] = around(r, ip.partnerTrust, ip.partnerTrustSpread);
    q.capacity[i] = around(r, ip.partnerCapacity, ip.partnerCapacitySpread);
  }
}

/**
 * Initiatives under way when the spin-up begins, of every age: in the making, with progress for
 * their age, or finished and carried by their champion. Those in the making all recruit (form) in
 * the spin-up's first weeks, as the teams mechanism forms every initiative, so their teams,
 * citizens and partners are of the everyday kind; then they run on from the progress their age
 * gives. The spin-up then settles them into the everyday mix; starting from an empty pool would
 * take two years to fill (MODEL.md §7).
 */
export function seedInitiatives(w: World, r: Rng): void {
  const ip = init(w);
  const { staff, inits: s } = w;
  const n = Math.min(s.cap, Math.round((ip.initialInitiatives * staff.n) / 1000));
  // Ages count back from the first week of the spin-up.
  const now = -ip.spinUpWeeks;
  for (let k = 0; k < n; k++) {
    const champ = r.int(staff.n);
    // Four in five are still in the making (forming or running), one in five carried as a result.
    const carried = r.next() < 0.2;
    const age = carried ? 40 + r.int(60) : r.int(50);
    if (staff.initiative[champ]! >= 0) continue;
    const id = openInitiative(w, now - age, staff.unit[champ]!, champ, r.next() < 0.35 ? 0 : 1, r.next() < 0.3 ? 1 : 0, r.int(5));
    if (id < 0) return;
    if (carried) {
      s.phase[id] = PHASE.implemented; // a finished result is carried by its champion alone
      s.phaseStart[id] = now - age + 40;
      s.progress[id] = 1;
      continue;
    }
    s.phaseStart[id] = now;
    s.progress[id] = Math.max(0, age - 6) / 50;
  }
}
