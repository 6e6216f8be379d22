/**
 * The structural description of one municipality: what exists at tick 0 (MODEL.md §2).
 * Numeric behaviour parameters live with the mechanisms (registry.ts); config.ts puts both together.
 */

/** Kind of work: authority work (planning, building) is where co-creation helps least (002 Fig. 13). */
export const WORK_KINDS = ['service', 'authority', 'community-development'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** A point on the simplex {bureaucracy (OA), NPM, NPG} (002 §8.2; 003 §2: logics layer, not replace). */
export type LogicMix = readonly [oa: number, npm: number, npg: number];

export interface UnitConfig {
  readonly name: string;
  readonly kind: WorkKind;
  /** Share of municipal staff working in this unit; shares are normalised to sum 1. */
  readonly staffShare: number;
  /** Management layers between top management and the frontline, 2..5 (002 §4.3.3). */
  readonly layers: number;
  /** Legal strictness of the unit's field in [0,1] (002 §2.4, 003 S10). */
  readonly legalStrictness: number;
  /** Operational demand relative to staff capacity at the start (0.9 = 10 % slack). */
  readonly load: number;
}

export type PoliticsInterface = 'hourglass' | 'cogwheel';

export interface OrgConfig {
  readonly population: number;
  /** Citizens simulated as a weighted sample of the population. */
  readonly citizenSample: number;
  /** Municipal employees per 1,000 inhabitants (every employee is an agent). */
  readonly staffPerThousand: number;
  readonly politicians: number;
  readonly blocs: number;
  readonly partners: number;
  readonly units: readonly UnitConfig[];
  /** How rarely ties and projects cross units, [0,1]. */
  readonly siloStrength: number;
  /** Share of development work run across units rather than in the line, [0,1]. */
  readonly matrixDegree: number;
  /** Share of the budget held for cross-unit projects rather than sector budgets, [0,1]. */
  readonly projectBudgetShare: number;
  /** Reporting and documentation load on staff, [0,1]. */
  readonly reportingLoad: number;
  /** Centralisation of decisions at the top, [0,1]. */
  readonly centralisation: number;
  /** Politics-administration interface (002 §5.9, Lo & Vabo 2020). */
  readonly interface: PoliticsInterface;
  readonly logic: { readonly documents: LogicMix; readonly steering: LogicMix; readonly practice: LogicMix };
  /** Strength of top management's push toward co-creation at the start, [0,1]. */
  readonly topSignal: number;
  /** Share of staff who are enthusiasts ("ildsjeler", 000 §4). */
  readonly enthusiastShare: number;
  /** Budget pressure at the start, [0,1]. */
  readonly budgetPressure: number;
  /** Yearly growth of demand for services (004: more needed for the same welfare). */
  readonly demandGrowth: number;
  /** Mean political backing of the transformation at the start, [0,1]. */
  readonly politicalBacking: number;
  /** How evenly that backing is spread over blocs: 1 = all blocs equally, 0 = one bloc only. */
  readonly backingBreadth: number;
}

export type SizePreset = 'small' | 'medium' | 'large';
