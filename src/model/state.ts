/**
 * The world of one replicate as structure-of-arrays typed arrays, allocated once at
 * initialisation. Mechanisms mutate it in place; nothing is allocated per agent per tick.
 */
import type { Calendar } from '../engine/calendar.js';
import type { SlottedGraph } from '../engine/graph.js';
import type { Recorder } from '../engine/recorder.js';
import type { RngStreams } from '../engine/rng.js';
import type { EventLog } from './events.js';
import type { OrgConfig } from './organisation.js';
import type { ParamValues } from './params/define.js';

export const OA = 0;
export const NPM = 1;
export const NPG = 2;

/** Organisation-level state. Interventions (levers) act mostly on these fields. */
export interface OrgState {
  siloStrength: number;
  matrixDegree: number;
  projectBudgetShare: number;
  reportingLoad: number;
  centralisation: number;
  /** 0 = hourglass, 1 = cogwheel interface between politics and administration. */
  cogwheel: number;
  topSignal: number;
  /** Ambition written into plans beyond what top management's commitment gives (plans, missions ordered). */
  ambition: number;
  budgetPressure: number;
  demandGrowth: number;
  /** Logic mixes in documents and in steering systems (index OA, NPM, NPG). */
  readonly documents: Float64Array;
  readonly steering: Float64Array;
  /** Culture's room to fail, [0,1]. */
  roomToFail: number;
  /** Targeted outreach and anchor institutions, [0,1]. */
  outreach: number;
  /** Weekly rate at which shared missions start aligned cross-unit initiatives. */
  missionRate: number;
  /** +1 = co-creation concept broadened (label everything), -1 = concept clarified. */
  conceptBreadth: number;
  /** 1 = co-creation happens before the political resolution (002 S10). */
  earlyCoCreation: number;
  /** Portfolio management intensity, [0,1]. */
  portfolio: number;
  /** Share of project budget transferred from lines to matrix projects, [0,1]. */
  budgetTransfer: number;
  /** Competence built on the job, [0,1]. */
  onTheJob: number;
  /** Share of tasks shifted to volunteers, [0,1]. */
  volunteerRelief: number;
  /** Cross-sector (climate) budgeting, [0,1]. */
  crossBudget: number;
  /** Imposed changes per year on top of ordinary work (pace of change). */
  imposedChanges: number;
  /** Clarity of mandates, [0,1]: trust reform helps only with clear mandates (003 SF-19). */
  mandateClarity: number;
  /** Autonomy granted by a trust reform, [0,1]. */
  autonomy: number;
  /** Line managers' extra resistance to lending staff across units (matrix up; budget transfer down). */
  lineResistance: number;
  /** Anchor institutions engaged in outreach, [0,1]. */
  anchor: number;
  /** Strain of imposed change this week (imposed changes, reduced where leaders carry them: see operations). */
  changeBurden: number;
  /** Number of staff acting as tugboats (distributed change agents). */
  tugboats: number;
  /** Number of enthusiasts among the staff (kept by population.ts). */
  enthusiasts: number;
  /**
   * How far services have recently been renewed with citizens, [0,1]: a moving average of the value
   * of co-created successes per staff member (kept by outcomes; read by citizens' everyday trust).
   */
  relevance: number;
  /** Method-specific initiative push: weekly initiatives per method started by top management. */
  readonly methodPush: Float64Array;
}

export interface UnitState {
  readonly n: number;
  readonly names: readonly string[];
  readonly kind: Uint8Array;
  readonly layers: Uint8Array;
  readonly legal: Float64Array;
  /** Multiplier on the internal (interpretive) part of legal friction; a legal room review lowers it. */
  readonly internalLegal: Float64Array;
  /** Demand relative to the unit's staff capacity at the start. */
  readonly demand: Float64Array;
  readonly staff: Int32Array;
  readonly firstStaff: Int32Array;
  readonly workload: Float64Array;
  /** Staffing capacity relative to the start (grows as far as staffing follows demand). */
  readonly capacity: Float64Array;
  /** Share of working time the unit's management allocates to development (operations.ts). */
  readonly devShare: Float64Array;
  readonly routines: Int32Array;
  /** Scratch: mean NPG in practice per unit, refreshed each tick by culture. */
  readonly npgPractice: Float64Array;
  /** Scratch: active initiatives per unit. */
  readonly active: Int32Array;
  /** Head manager (layer 1) of each unit. */
  readonly head: Int32Array;
}

export interface StaffState {
  readonly n: number;
  readonly unit: Uint8Array;
  readonly manager: Int32Array;
  readonly logic: Float64Array; // n*3, simplex per agent
  readonly openness: Float64Array;
  readonly competence: Float64Array;
  readonly identity: Float64Array;
  readonly freeTime: Float64Array;
  readonly fear: Float64Array;
  readonly trustMgr: Float64Array;
  readonly motivation: Float64Array;
  readonly burnout: Float64Array;
  readonly experience: Float64Array;
  /** Accumulated top-level signal that has reached this person (EMA of the weekly relay). */
  readonly heard: Float64Array;
  readonly enthusiast: Uint8Array;
  readonly tugboat: Uint8Array;
  readonly initiative: Int32Array;
  readonly tenure: Int32Array;
}

export interface ManagerState {
  readonly n: number;
  readonly unit: Uint8Array;
  readonly layer: Uint8Array;
  /** Parent manager or -1 for a unit head. Parents precede children, so one forward pass relays. */
  readonly parent: Int32Array;
  /** Controlling-line (0) to coach/facilitator (1). */
  readonly style: Float64Array;
  readonly relay: Float64Array;
  readonly insecurity: Float64Array;
  readonly budgetAttachment: Float64Array;
  /** Weeks in the position. */
  readonly tenure: Int32Array;
  /** Did this manager pass the top signal on this tick. */
  readonly on: Uint8Array;
  /** Removed by flattening: no longer in any chain. */
  readonly removed: Uint8Array;
  /** First-line managers lead a contiguous block of staff (their team); 0 staff for others. */
  readonly firstStaff: Int32Array;
  readonly staffCount: Int32Array;
}

/** Top management (the chief executive and sector directors): its fears; its commitment is org.topSignal. */
export interface TopState {
  fearCost: number;
  legalRisk: number;
  controlLoss: number;
}

export interface PoliticianState {
  readonly n: number;
  readonly bloc: Uint8Array;
  /** Decision-maker (0) to interactive political leader (1) (002 §5.2). */
  readonly role: Float64Array;
  readonly trustAdmin: Float64Array;
  readonly understanding: Float64Array;
  readonly backing: Float64Array;
  /** The backing a politician holds by conviction (set at the start and when elected); backing drifts back to it. */
  readonly stance: Float64Array;
  readonly elected: Int32Array;
}

export const SEGMENTS = ['engaged-core', 'busy-families', 'youth', 'elderly', 'hard-to-reach'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface CitizenState {
  readonly n: number;
  readonly weight: number;
  readonly segment: Uint8Array;
  readonly propensity: Float64Array;
  readonly trust: Float64Array;
  readonly fatigue: Float64Array;
  /** Customer (0) to co-creator (1). */
  readonly role: Float64Array;
  readonly participations: Int32Array;
  /** Recent participation: joins, decaying with a mean life of `teams.activityWeeks` (about a year). */
  readonly activity: Float64Array;
  readonly current: Int32Array;
  /** Everyone who has taken part so far (the first `pastN` entries), for recruitment of returning participants. */
  readonly past: Int32Array;
  pastN: number;
}

export const PARTNER_TYPES = ['business', 'voluntary', 'knowledge', 'anchor'] as const;

export interface PartnerState {
  readonly n: number;
  readonly type: Uint8Array;
  readonly engagement: Float64Array;
  readonly trust: Float64Array;
  readonly capacity: Float64Array;
  readonly load: Float64Array;
  readonly burnout: Float64Array;
}

export const PHASE = { free: 0, forming: 1, running: 2, implemented: 3 } as const;
/** What happened to an initiative this tick; set by progress and gates, applied by outcomes. */
export const OUTCOME = {
  none: 0,
  success: 1,
  failure: 2,
  blockedLegal: 3,
  blockedSpending: 4,
  blockedPolitical: 5,
  abandoned: 6,
} as const;
export const PROBLEM = { wicked: 0, routine: 1, authority: 2 } as const;
export const METHODS = ['network', 'living-lab', 'utopia-workshop', 'service-design', 'training-lab'] as const;

export interface InitiativeState {
  readonly cap: number;
  readonly maxTeam: number;
  readonly phase: Uint8Array;
  readonly problem: Uint8Array;
  /** 0 consultation, 1 conservative, 2 radical problem, 3 radical partnership (002 §5.4). */
  readonly depth: Uint8Array;
  readonly method: Uint8Array;
  readonly owner: Uint8Array;
  readonly champion: Int32Array;
  readonly start: Int32Array;
  readonly phaseStart: Int32Array;
  readonly progress: Float64Array;
  readonly outcome: Uint8Array;
  readonly teamCount: Uint8Array;
  readonly team: Int32Array; // cap*maxTeam
  readonly maxCitizens: number;
  readonly citizenCount: Uint8Array;
  readonly citizenIds: Int32Array; // cap*maxCitizens
  readonly maxPartners: number;
  readonly partnerCount: Uint8Array;
  readonly partnerIds: Int32Array; // cap*maxPartners
  /** Reported as co-creation (labelled so) whether or not citizens take part (002 VF-5). */
  readonly labelled: Uint8Array;
  /** Citizens actually took part (actual co-creation). */
  readonly actual: Uint8Array;
  /** Bit mask of the units whose staff have been in the team. */
  readonly units: Int32Array;
  readonly mission: Uint8Array;
  /** Started by an enthusiast ("ildsjel"). */
  readonly enthusiastLed: Uint8Array;
  /** Serial number of the initiative in the slot (slots are reused, serials are not). */
  readonly serial: Int32Array;
  nextSerial: number;
  readonly free: Int32Array; // stack of free slots
  freeTop: number;
  active: number;
}

/** One scheduled intervention, resolved: ticks, unit indices, options with defaults filled in. */
export interface InterventionItem {
  readonly kind: string;
  readonly start: number;
  /** Exclusive end tick, or null for "until the end of the run". */
  readonly end: number | null;
  readonly intensity: number;
  /** Unit indices, or null for all units. */
  readonly units: readonly number[] | null;
  readonly options: Readonly<Record<string, number | boolean | string>>;
}

/** The interventions of one run and what each has applied (levers/runner.ts). */
export interface LeverRuntime {
  readonly items: readonly InterventionItem[];
  /** Modifier ids each item added (null before it starts and after it ends). */
  readonly applied: (number[] | null)[];
  /** What each item's `begin` returned. */
  readonly memo: unknown[];
}

export type MixQuantity = 'documents' | 'steering';

/** The modifier table of one world (modifiers.ts: how quantities compose). */
export interface Modifiers {
  nextId: number;
  readonly base: Map<string, number>;
  readonly scalars: { readonly id: number; readonly key: string; readonly op: 'add' | 'mul' | 'set'; value: number }[];
  readonly mixBase: Map<MixQuantity, Float64Array>;
  readonly mixes: { readonly id: number; readonly mix: MixQuantity; readonly vertex: number; readonly share: number }[];
}

/** Per-tick counters by name (declared by the mechanisms that keep them). */
export type Flows = Record<string, number>;

export interface World {
  /** Parameter values by group (a group per mechanism); frozen, shared by replicates. */
  readonly p: ParamValues;
  readonly orgConfig: OrgConfig;
  /** Chosen alternative per contested mechanism (registry choices). */
  readonly mech: Readonly<Record<string, string>>;
  readonly cal: Calendar;
  readonly streams: RngStreams;
  readonly org: OrgState;
  readonly top: TopState;
  readonly units: UnitState;
  readonly staff: StaffState;
  readonly managers: ManagerState;
  readonly pols: PoliticianState;
  readonly citizens: CitizenState;
  readonly partners: PartnerState;
  readonly inits: InitiativeState;
  readonly ties: SlottedGraph;
  readonly flows: Flows;
  readonly totals: Flows;
  readonly rec: Recorder<string>;
  /** State owned by mechanisms, by mechanism name (see mechanism.ts `init`). */
  readonly own: Record<string, unknown>;
  /** Base values and active modifiers of quantities that levers and mechanisms both act on. */
  readonly mods: Modifiers;
  /** The interventions of this run and what each has applied. */
  readonly levers: LeverRuntime;
  /** Initiative event log, or null when events are not recorded (costs nothing then). */
  log: EventLog | null;
  /** Scratch buffers reused every tick. */
  readonly scratch: {
    readonly a: Float64Array;
    readonly b: Float64Array;
    hist: Int32Array;
    readonly citizens: Float64Array;
    /** A list of staff indices (size staff.n), e.g. this week's leavers. */
    readonly staffList: Int32Array;
  };
  publicValue: number;
  turnTick: number;
  /** Number of staff ties that cross units (kept by network.ts). */
  crossTies: number;
}
