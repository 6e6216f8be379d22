/**
 * Initialisation (ODD "initialisation"): builds the world of one replicate from a configuration.
 * Staff sit in contiguous blocks per unit and per first-line manager, so a team is an index range.
 * Management layers form a tree per unit whose parents precede children. Attribute distributions
 * are parameters (uncalibrated: the sources give no magnitudes).
 */
import { Calendar } from '../engine/calendar.js';
import { SlottedGraph } from '../engine/graph.js';
import { Recorder } from '../engine/recorder.js';
import type { Rng } from '../engine/rng.js';
import { RngStreams } from '../engine/rng.js';
import { clamp01 } from '../engine/stats.js';
import { type ModelConfig, WORK_KINDS } from './config.js';
import { INDICATORS } from './indicators.js';
import { addTie } from './network.js';
import { type GroupValues, param } from './params/define.js';
import {
  type CitizenState,
  type InitiativeState,
  type ManagerState,
  METHODS,
  type OrgState,
  type PartnerState,
  type PoliticianState,
  SEGMENTS,
  type StaffState,
  type Streams,
  type UnitState,
  type World,
  zeroFlows,
} from './state.js';

export const initParams = {
  spanOfControl: param(15, [3, 100], 'Staff per first-line manager', '002 §4.3.3; assumption', true),
  spanUp: param(5, [2, 20], 'Managers per manager above the first line', 'assumption', true),
  managerStyle: param(0.3, [0, 1], 'Mean manager style (0 controlling line, 1 coach/facilitator)', '002 §4.3.4, 003 tactical level'),
  managerInsecurity: param(0.3, [0, 1], 'Mean manager insecurity in a new role', '002 §2.5.4'),
  budgetAttachment: param(0.6, [0, 1], "Mean managers' attachment to own budget and power", '002 M60-62'),
  openness: param(0.3, [0, 1], 'Mean staff openness to co-creation', '002 §4.3.3'),
  competence: param(0.35, [0, 1], 'Mean staff co-creation competence', '004 lever 8'),
  identity: param(0.6, [0, 1], 'Mean professional identity', '003 §2'),
  fear: param(0.4, [0, 1], 'Mean fear of error', '002 §2.5.5'),
  trustManager: param(0.45, [0, 1], 'Mean staff trust in own manager', '001, 002'),
  motivation: param(0.6, [0, 1], 'Mean staff motivation', '001'),
  spread: param(0.12, [0, 0.5], 'Standard deviation of staff and manager attributes', 'assumption'),
  logicNoise: param(0.05, [0, 0.3], 'Standard deviation of individual logic weights around the practice mix', 'assumption'),
  enthusiastOpenness: param(0.8, [0, 1], 'Mean openness of enthusiasts', '000 §4'),
  teamTies: param(5, [0, 20], 'Ties to colleagues in the same team per person', 'assumption', true),
  unitTies: param(2, [0, 10], 'Ties to others in the same unit per person', 'assumption', true),
  crossTies: param(3, [0, 10], 'Ties across units per person when silo strength is 0', '002 §4.3.5'),
  tieCapacity: param(28, [8, 200], 'Maximum ties per person (slots in the adjacency)', 'implementation', true),
  fearOfCost: param(0.6, [0, 1], "Top management's fear of cost", '002 §4.3.4'),
  legalRisk: param(0.5, [0, 1], "Top management's fear of legal risk", '002 §2.4'),
  controlLoss: param(0.5, [0, 1], "Top management's fear of losing control", '002 §4.3.4'),
  politicianRole: param(0.25, [0, 1], 'Mean politician role (0 decision-maker, 1 interactive political leader)', '002 §5.2'),
  politicianUnderstanding: param(0.25, [0, 1], "Mean politicians' understanding of co-creation", '003'),
  politicianTrust: param(0.5, [0, 1], "Mean politicians' trust in the administration", '002 §5.2'),
  citizenTrust: param(0.5, [0, 1], 'Mean citizen trust in the municipality', '002 §3.1.2 (low trust survey); assumption'),
  citizenRole: param(0.2, [0, 1], 'Mean citizen role expectation (0 customer, 1 co-creator)', '003 §2'),
  partnerEngagement: param(0.4, [0, 1], 'Mean partner engagement', '003 Wigan, Preston'),
  initiativesPer1000: param(40, [5, 500], 'Initiative slots per 1,000 staff (the pool never grows)', 'implementation'),
} as const;
export type InitParams = GroupValues<typeof initParams>;

/** Segments: population share and participation propensity (the engaged core returns, 002 VF-13; 003 §3.6). */
export const SEGMENT_SHARE = [0.1, 0.3, 0.15, 0.25, 0.2] as const;
export const SEGMENT_PROPENSITY = [0.5, 0.08, 0.06, 0.12, 0.02] as const;
const PARTNER_SHARE = [0.35, 0.35, 0.1, 0.2] as const;

function around(r: Rng, mean: number, sd: number): number {
  return clamp01(r.normal(mean, sd));
}

export function createWorld(cfg: ModelConfig, seed: string | number, replicate: number): World {
  const { org: oc } = cfg;
  // Parameters are shared by every replicate that uses this configuration: never written.
  const p = deepFreeze(cfg.params);
  if (oc.units.length < 1 || oc.units.length > 31) throw new RangeError('a municipality needs 1..31 units');
  const streams = new RngStreams(seed, replicate);
  const rng: Streams = {
    calendar: streams.stream('calendar'),
    signals: streams.stream('signals'),
    generation: streams.stream('generation'),
    teams: streams.stream('teams'),
    progress: streams.stream('progress'),
    gates: streams.stream('gates'),
    outcomes: streams.stream('outcomes'),
    institutions: streams.stream('institutions'),
    culture: streams.stream('culture'),
    turnover: streams.stream('turnover'),
    politics: streams.stream('politics'),
    network: streams.stream('network'),
    levers: streams.stream('levers'),
  };
  const r = streams.stream('init');
  const ip = p.init;
  const units = createUnits(cfg);
  const managers = createManagers(units, ip);
  const staff = createStaff(units, managers);
  const org = createOrg(cfg);
  const nInit = Math.max(32, Math.ceil((staff.n * ip.initiativesPer1000) / 1000));
  const world: World = {
    p,
    orgConfig: oc,
    mech: cfg.mechanisms,
    cal: new Calendar(cfg.startDate, cfg.ticks),
    rng,
    org,
    top: { fearCost: ip.fearOfCost, legalRisk: ip.legalRisk, controlLoss: ip.controlLoss },
    units,
    staff,
    managers,
    pols: createPoliticians(oc.politicians),
    citizens: createCitizens(oc.citizenSample, oc.population),
    partners: createPartners(oc.partners),
    inits: createInitiatives(nInit),
    ties: SlottedGraph.uniform(staff.n, ip.tieCapacity),
    flows: zeroFlows(),
    totals: zeroFlows(),
    rec: new Recorder(INDICATORS, cfg.ticks),
    scratch: {
      a: new Float64Array(Math.max(64, oc.units.length)),
      b: new Float64Array(Math.max(64, oc.units.length)),
      hist: new Int32Array(256),
    },
    publicValue: 0,
    turnTick: -1,
    crossTies: 0,
  };
  for (let k = 0; k < managers.n; k++) {
    managers.style[k] = around(r, ip.managerStyle, ip.spread);
    managers.insecurity[k] = around(r, ip.managerInsecurity, ip.spread);
    managers.budgetAttachment[k] = around(r, ip.budgetAttachment, ip.spread);
    managers.relay[k] = clamp01(
      r.normal(p.signals.relay, p.signals.relaySpread) * (1 - p.signals.insecurityDamping * managers.insecurity[k]!),
    );
  }
  for (let i = 0; i < staff.n; i++) drawNewcomer(world, i, r);
  // A new organisation has history: spread tenure and a little burnout.
  for (let i = 0; i < staff.n; i++) {
    staff.tenure[i] = r.int(52 * 20);
    staff.burnout[i] = around(r, 0.1, 0.05);
  }
  for (let i = 0; i < staff.n; i++) linkNewcomer(world, i, r);
  initPoliticians(world, r);
  initCitizens(world, r);
  initPartners(world, r);
  return world;
}

function createUnits(cfg: ModelConfig): UnitState {
  const us = cfg.org.units;
  const n = us.length;
  const totalStaff = Math.max(n * 4, Math.round((cfg.org.population * cfg.org.staffPerThousand) / 1000));
  const shareSum = us.reduce((a, u) => a + u.staffShare, 0);
  const units: UnitState = {
    n,
    names: us.map((u) => u.name),
    kind: new Uint8Array(n),
    layers: new Uint8Array(n),
    legal: new Float64Array(n),
    internalLegal: new Float64Array(n).fill(1),
    demand: new Float64Array(n),
    staff: new Int32Array(n),
    firstStaff: new Int32Array(n),
    workload: new Float64Array(n),
    routines: new Int32Array(n),
    npgPractice: new Float64Array(n),
    active: new Int32Array(n),
    head: new Int32Array(n),
  };
  let first = 0;
  us.forEach((u, k) => {
    units.kind[k] = WORK_KINDS.indexOf(u.kind);
    units.layers[k] = u.layers;
    units.legal[k] = u.legalStrictness;
    units.demand[k] = u.load;
    units.staff[k] = Math.max(4, Math.round((totalStaff * u.staffShare) / shareSum));
    units.firstStaff[k] = first;
    first += units.staff[k]!;
  });
  return units;
}

/** Manager counts per layer: the first line leads teams of `spanOfControl`; each layer above has 1/spanUp as many; one head. */
function layerCounts(staffN: number, layers: number, ip: InitParams): number[] {
  const counts = new Array<number>(layers).fill(1);
  counts[layers - 1] = Math.max(1, Math.ceil(staffN / ip.spanOfControl));
  for (let l = layers - 2; l >= 1; l--) counts[l] = Math.max(1, Math.ceil(counts[l + 1]! / ip.spanUp));
  counts[0] = 1;
  return counts;
}

function createManagers(units: UnitState, ip: InitParams): ManagerState {
  let n = 0;
  for (let u = 0; u < units.n; u++) n += layerCounts(units.staff[u]!, units.layers[u]!, ip).reduce((a, b) => a + b, 0);
  const m: ManagerState = {
    n,
    unit: new Uint8Array(n),
    layer: new Uint8Array(n),
    parent: new Int32Array(n),
    style: new Float64Array(n),
    relay: new Float64Array(n),
    insecurity: new Float64Array(n),
    budgetAttachment: new Float64Array(n),
    on: new Uint8Array(n),
    removed: new Uint8Array(n),
    firstStaff: new Int32Array(n),
    staffCount: new Int32Array(n),
  };
  let k = 0;
  for (let u = 0; u < units.n; u++) {
    const L = units.layers[u]!;
    const counts = layerCounts(units.staff[u]!, L, ip);
    let prevStart = -1;
    let prevCount = 0;
    for (let l = 0; l < L; l++) {
      const start = k;
      const c = counts[l]!;
      for (let j = 0; j < c; j++, k++) {
        m.unit[k] = u;
        m.layer[k] = l + 1;
        // Spread children evenly over the layer above: parents precede children.
        m.parent[k] = prevStart < 0 ? -1 : prevStart + Math.floor((j * prevCount) / c);
      }
      if (l === 0) units.head[u] = start;
      if (l === L - 1) {
        // Staff blocks per first-line manager.
        const s = units.staff[u]!;
        for (let j = 0; j < c; j++) {
          const a = Math.floor((j * s) / c);
          const b = Math.floor(((j + 1) * s) / c);
          m.firstStaff[start + j] = units.firstStaff[u]! + a;
          m.staffCount[start + j] = b - a;
        }
      }
      prevStart = start;
      prevCount = c;
    }
  }
  return m;
}

function createStaff(units: UnitState, m: ManagerState): StaffState {
  let n = 0;
  for (let u = 0; u < units.n; u++) n += units.staff[u]!;
  const st: StaffState = {
    n,
    unit: new Uint8Array(n),
    manager: new Int32Array(n),
    logic: new Float64Array(n * 3),
    openness: new Float64Array(n),
    competence: new Float64Array(n),
    identity: new Float64Array(n),
    freeTime: new Float64Array(n),
    fear: new Float64Array(n),
    trustMgr: new Float64Array(n),
    motivation: new Float64Array(n),
    burnout: new Float64Array(n),
    experience: new Float64Array(n),
    heard: new Float64Array(n),
    enthusiast: new Uint8Array(n),
    tugboat: new Uint8Array(n),
    initiative: new Int32Array(n).fill(-1),
    tenure: new Int32Array(n),
  };
  for (let k = 0; k < m.n; k++) {
    for (let i = m.firstStaff[k]!; i < m.firstStaff[k]! + m.staffCount[k]!; i++) {
      st.unit[i] = m.unit[k]!;
      st.manager[i] = k;
    }
  }
  return st;
}

function createOrg(cfg: ModelConfig): OrgState {
  const o = cfg.org;
  return {
    siloStrength: o.siloStrength,
    matrixDegree: o.matrixDegree,
    projectBudgetShare: o.projectBudgetShare,
    reportingLoad: o.reportingLoad,
    centralisation: o.centralisation,
    cogwheel: o.interface === 'cogwheel' ? 1 : 0,
    topSignal: o.topSignal,
    budgetPressure: o.budgetPressure,
    demandGrowth: o.demandGrowth,
    documents: Float64Array.from(o.logic.documents),
    steering: Float64Array.from(o.logic.steering),
    roomToFail: 0,
    outreach: 0,
    missionRate: 0,
    conceptBreadth: 0,
    earlyCoCreation: 0,
    portfolio: 0,
    budgetTransfer: 0,
    onTheJob: 0,
    volunteerRelief: 0,
    crossBudget: 0,
    imposedChanges: 1,
    mandateClarity: 0.5,
    autonomy: 0,
    lineResistance: 0,
    anchor: 0,
    changeBurden: 0,
    tugboats: 0,
    methodPush: new Float64Array(METHODS.length),
  };
}

/** Draw a person with baseline attributes into staff slot i (at start, and for each replacement). */
export function drawNewcomer(w: World, i: number, r: Rng): void {
  const ip = w.p.init;
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
  const enth = r.bernoulli(w.orgConfig.enthusiastShare);
  st.enthusiast[i] = enth ? 1 : 0;
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
  const ip = w.p.init;
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

function createPoliticians(n: number): PoliticianState {
  return {
    n,
    bloc: new Uint8Array(n),
    role: new Float64Array(n),
    trustAdmin: new Float64Array(n),
    understanding: new Float64Array(n),
    backing: new Float64Array(n),
    elected: new Int32Array(n),
  };
}

/** Backing is concentrated in bloc 0 when breadth is low, spread evenly when breadth is 1. */
function initPoliticians(w: World, r: Rng): void {
  const ip = w.p.init;
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
    pols.backing[i] = around(r, pols.bloc[i] === 0 ? target0 : B * beta, 0.05);
    sum += pols.backing[i]!;
    pols.role[i] = around(r, ip.politicianRole, 0.1);
    pols.understanding[i] = around(r, ip.politicianUnderstanding, 0.1);
    pols.trustAdmin[i] = around(r, ip.politicianTrust, 0.1);
    pols.elected[i] = -1;
  }
  const shift = B - sum / Math.max(1, pols.n);
  for (let i = 0; i < pols.n; i++) pols.backing[i] = clamp01(pols.backing[i]! + shift);
}

function createCitizens(n: number, population: number): CitizenState {
  return {
    n,
    weight: population / Math.max(1, n),
    segment: new Uint8Array(n),
    propensity: new Float64Array(n),
    trust: new Float64Array(n),
    fatigue: new Float64Array(n),
    role: new Float64Array(n),
    participations: new Int32Array(n),
    current: new Int32Array(n).fill(-1),
  };
}

function initCitizens(w: World, r: Rng): void {
  const ip = w.p.init;
  const c = w.citizens;
  // Segments by quota so the sample matches the shares exactly.
  let k = 0;
  for (let s = 0; s < SEGMENTS.length; s++) {
    const end = s === SEGMENTS.length - 1 ? c.n : Math.min(c.n, k + Math.round(SEGMENT_SHARE[s]! * c.n));
    for (; k < end; k++) c.segment[k] = s;
  }
  for (let i = 0; i < c.n; i++) {
    c.propensity[i] = around(r, SEGMENT_PROPENSITY[c.segment[i]!]!, 0.02);
    c.trust[i] = around(r, ip.citizenTrust, 0.15);
    c.role[i] = around(r, ip.citizenRole, 0.1);
  }
}

function createPartners(n: number): PartnerState {
  return {
    n,
    type: new Uint8Array(n),
    engagement: new Float64Array(n),
    trust: new Float64Array(n),
    capacity: new Float64Array(n),
    load: new Float64Array(n),
    burnout: new Float64Array(n),
  };
}

function initPartners(w: World, r: Rng): void {
  const ip = w.p.init;
  const q = w.partners;
  for (let i = 0; i < q.n; i++) {
    q.type[i] = r.categorical(PARTNER_SHARE);
    q.engagement[i] = around(r, ip.partnerEngagement, 0.15);
    q.trust[i] = around(r, 0.5, 0.1);
    q.capacity[i] = around(r, 0.5, 0.2);
  }
}

function createInitiatives(cap: number): InitiativeState {
  const maxTeam = 12;
  const maxCitizens = 16;
  const maxPartners = 4;
  const free = new Int32Array(cap);
  for (let i = 0; i < cap; i++) free[i] = cap - 1 - i;
  return {
    cap,
    maxTeam,
    phase: new Uint8Array(cap),
    problem: new Uint8Array(cap),
    depth: new Uint8Array(cap),
    method: new Uint8Array(cap),
    owner: new Uint8Array(cap),
    champion: new Int32Array(cap).fill(-1),
    start: new Int32Array(cap),
    phaseStart: new Int32Array(cap),
    progress: new Float64Array(cap),
    outcome: new Uint8Array(cap),
    teamCount: new Uint8Array(cap),
    team: new Int32Array(cap * maxTeam),
    maxCitizens,
    citizenCount: new Uint8Array(cap),
    citizenIds: new Int32Array(cap * maxCitizens),
    maxPartners,
    partnerCount: new Uint8Array(cap),
    partnerIds: new Int32Array(cap * maxPartners),
    labelled: new Uint8Array(cap),
    actual: new Uint8Array(cap),
    units: new Int32Array(cap),
    mission: new Uint8Array(cap),
    enthusiastLed: new Uint8Array(cap),
    free,
    freeTop: cap,
    active: 0,
  };
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
