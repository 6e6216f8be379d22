/**
 * Building the world of one replicate (ODD "initialisation"): the populations laid out as typed
 * arrays, the agents drawn (population.ts), and each mechanism's own state and view of the world
 * (its parameters, chosen alternatives, random stream and flows) bound once, so the tick loop
 * only calls functions. Staff sit in contiguous blocks per unit and per first-line manager, so a
 * team is an index range; management layers form a tree per unit whose parents precede children.
 */
import { Calendar } from '../engine/calendar.js';
import { SlottedGraph } from '../engine/graph.js';
import { Recorder } from '../engine/recorder.js';
import { RngStreams } from '../engine/rng.js';
import type { ModelConfig } from './config.js';
import type { InterventionItem } from './levers/lever.js';
import type { Context } from './mechanism.js';
import { ageFirstStaffFear, ageFirstStaffPractice } from './mechanisms/culture.js';
import { createModifiers } from './modifiers.js';
import { WORK_KINDS } from './organisation.js';
import type { ParamGroup } from './params/define.js';
import { drawCitizens, drawManagers, drawPartners, drawPoliticians, drawStaff, type InitParams, seedInitiatives } from './population.js';
import { type AnyMechanism, INDICATORS, SCHEDULE, streamOf, zeroFlows } from './registry.js';
import type {
  CitizenState,
  InitiativeState,
  ManagerState,
  OrgState,
  PartnerState,
  PoliticianState,
  StaffState,
  UnitState,
  World,
} from './state.js';
import { METHODS } from './state.js';

export function createWorld(
  cfg: ModelConfig,
  seed: string | number,
  replicate: number,
  interventions: readonly InterventionItem[] = [],
): World {
  const { org: oc } = cfg;
  // Each world gets its own copy of the parameters (typed read-only for mechanisms). Copying by
  // spread gives every group fast properties: V8 keeps objects built key by key with many
  // properties as slow dictionaries, and frozen ones with number fields load more slowly too;
  // either made parameter reads in the hot loops two to three times slower.
  const p = Object.fromEntries(Object.entries(cfg.params).map(([g, v]) => [g, { ...v }])) as ModelConfig['params'];
  if (oc.units.length < 1 || oc.units.length > 31) throw new RangeError('a municipality needs 1..31 units');
  const streams = new RngStreams(seed, replicate);
  const ip = p.init as InitParams;
  const units = createUnits(cfg);
  const managers = createManagers(units, ip);
  const staff = createStaff(units, managers);
  const nInit = Math.max(32, Math.ceil((staff.n * ip.initiativesPer1000) / 1000));
  const world: World = {
    p,
    orgConfig: oc,
    mech: cfg.mechanisms,
    cal: new Calendar(cfg.startDate, cfg.ticks),
    streams,
    org: createOrg(cfg),
    top: { fearCost: ip.fearOfCost, legalRisk: ip.legalRisk, controlLoss: ip.controlLoss },
    units,
    staff,
    managers,
    pols: createPoliticians(oc.politicians),
    citizens: createCitizens(oc.citizenSample, oc.population),
    partners: createPartners(oc.partners),
    inits: createInitiatives(nInit, ip),
    ties: SlottedGraph.uniform(staff.n, ip.tieCapacity),
    flows: zeroFlows(),
    totals: zeroFlows(),
    rec: new Recorder<string>(INDICATORS, cfg.ticks),
    own: {},
    mods: createModifiers(),
    levers: leverRuntime(interventions),
    log: null,
    scratch: {
      a: new Float64Array(Math.max(64, oc.units.length)),
      b: new Float64Array(Math.max(64, oc.units.length)),
      hist: new Int32Array(256),
      citizens: new Float64Array(oc.citizenSample),
      staffList: new Int32Array(staff.n),
    },
    publicValue: 0,
    turnTick: -1,
    crossTies: 0,
  };
  for (const o of [world, world.org, world.flows, world.totals]) settleNumberFields(o);
  const parts = [world.units, world.staff, world.managers, world.pols, world.citizens, world.partners, world.inits, world.scratch];
  for (const o of [world, world.org, ...parts]) settleObjectFields(o);
  units.devShare.fill(p.operations.devBase);
  for (let u = 0; u < units.n; u++) units.routines[u] = Math.round((ip.initialRoutines * units.staff[u]!) / 100);
  const r = streams.stream('init');
  drawManagers(world, r, p.signals);
  drawStaff(world, r);
  ageFirstStaffFear(world, ip.fearHistory);
  ageFirstStaffPractice(world, ip.practiceHistory);
  drawPoliticians(world, r);
  drawCitizens(world, r);
  drawPartners(world, r);
  seedInitiatives(world, r);
  for (const m of SCHEDULE) if (m.init) world.own[m.name] = m.init(world);
  return world;
}

/**
 * Give every number field of `o` the representation of a double now, keeping its value. V8 stores
 * a field that starts as a small integer (0, 1) as one and changes the object's hidden class the
 * first time it holds a fraction; code optimised for the old class is then thrown away ("wrong
 * map"), which in the first run of a process cost about 15 deoptimisations and recompilations of
 * the mechanisms' run functions. Writing a fraction once at creation settles the class before any
 * code is optimised; the value written back is the same number, so results do not change.
 */
function settleNumberFields(o: object): void {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (typeof v === 'number' && Number.isInteger(v)) {
      r[k] = 0.5;
      r[k] = v;
    }
  }
}

/**
 * Give every object field of `o` the field type "any object", keeping its value. V8 records the
 * hidden class of the first object stored in a field (a typed array, the world's parts) and code
 * optimised in a thread's first run relies on it; the next world's fields failed that check, and
 * nearly every mechanism's compiled code was thrown away at the start of the second run ("code
 * dependencies", about 40 functions), which cost that run about 0.4 s. Storing null once at
 * creation generalises the type before any code is optimised.
 */
function settleObjectFields(o: object): void {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (v !== null && typeof v === 'object') {
      r[k] = null;
      r[k] = v;
    }
  }
}

/** What a run's interventions have applied so far: nothing yet. */
export function leverRuntime(interventions: readonly InterventionItem[]): World['levers'] {
  return { items: interventions, applied: interventions.map(() => null), memo: interventions.map(() => undefined) };
}

/** Each mechanism's view of one world, in schedule order (built once per world). */
export function contexts(w: World): Map<AnyMechanism, Context<ParamGroup, never, string, unknown>> {
  const out = new Map<AnyMechanism, Context<ParamGroup, never, string, unknown>>();
  for (const m of SCHEDULE) {
    out.set(m, {
      p: (w.p[m.name] ?? {}) as Context<ParamGroup, never, string, unknown>['p'],
      choice: w.mech as never,
      rng: w.streams.stream(streamOf(m)),
      flows: w.flows,
      state: w.own[m.name],
    });
  }
  return out;
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
    capacity: new Float64Array(n).fill(1),
    devShare: new Float64Array(n),
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
    tenure: new Int32Array(n),
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
    ambition: 0,
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
    enthusiasts: 0,
    // The status-quo level relevanceScale is chosen to give (outcomes.ts); the spin-up refines it.
    relevance: 0.2,
    methodPush: new Float64Array(METHODS.length),
  };
}

function createPoliticians(n: number): PoliticianState {
  return {
    n,
    bloc: new Uint8Array(n),
    role: new Float64Array(n),
    trustAdmin: new Float64Array(n),
    understanding: new Float64Array(n),
    backing: new Float64Array(n),
    stance: new Float64Array(n),
    elected: new Int32Array(n),
  };
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
    activity: new Float64Array(n),
    current: new Int32Array(n).fill(-1),
    past: new Int32Array(n),
    pastN: 0,
  };
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

function createInitiatives(cap: number, ip: InitParams): InitiativeState {
  const { maxTeam, maxCitizens, maxPartners } = ip;
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
    serial: new Int32Array(cap),
    nextSerial: 0,
    free,
    freeTop: cap,
    active: 0,
  };
}
