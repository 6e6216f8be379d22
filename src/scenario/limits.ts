/**
 * The limits of what Tanker runs, checked before any work starts (in `tanker validate` as in
 * `run` and `batch`), and the size arithmetic behind them: sweep points, replicates and agents are
 * counted from the scenario, never by building the sweep or the world. Each limit is far above
 * the presets and the library (a medium municipality is about 7,000 agents, a batch of 1,000
 * replicates takes a minute) and below where a run would exhaust memory or never end.
 */
import type { SweepPoint, SweepSpec } from '../batch/sweep.js';
import type { OrgConfig } from '../model/config.js';
import type { ModelParams } from '../model/index.js';

export const LIMITS = {
  /** Bytes of one scenario file (the library's largest is a few KB). */
  fileBytes: 256 * 1024,
  /** Characters of a scenario name, or of a seed written as text: they become folder names. */
  nameLength: 100,
  /** Interventions of one scenario, inherited ones included. */
  interventions: 1_000,
  /** Sweep points of one scenario (grid: the product of the list lengths). */
  sweepPoints: 100_000,
  /** Replicates per scenario and sweep point. */
  replicates: 100_000,
  /** Replicates of one batch: scenarios × sweep points × replicates. */
  batchReplicates: 1_000_000,
  /** Weeks of one run (100 years). */
  horizon: 5_200,
  /** Agents of one replicate (staff, managers, citizens, politicians, partners). */
  agents: 500_000,
  /** Nesting of lists and mappings in a scenario file. */
  depth: 32,
  /** The last day a run may reach (dates are written with four-digit years). */
  lastDate: '9999-12-31',
} as const;

/** `1234567` → `1,234,567` (sizes in messages). */
export function thousands(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Sweep points of a sweep section without expanding it (1 without a sweep). */
export function sweepPointCount(spec: SweepSpec | null | undefined): number {
  if (!spec) return 1;
  if (spec.grid) return Object.values(spec.grid).reduce((n, values) => n * values.length, 1);
  if (spec.latinHypercube) return spec.latinHypercube.samples;
  return 1;
}

export interface AgentCount {
  readonly staff: number;
  readonly managers: number;
  readonly citizens: number;
  readonly politicians: number;
  readonly partners: number;
  readonly total: number;
}

/**
 * The agents a replicate of this organisation will have, computed as the model's initialisation
 * does (staff from population and staff per thousand, at least 4 per unit; first-line managers
 * per `spanOfControl` staff and 1/`spanUp` as many in each layer above), without building it.
 */
export function agentCount(org: OrgConfig, params: ModelParams): AgentCount {
  const units = org.units.length;
  const total = Math.max(units * 4, Math.round((org.population * org.staffPerThousand) / 1000));
  const shareSum = org.units.reduce((a, u) => a + u.staffShare, 0);
  let staff = 0;
  let managers = 0;
  for (const u of org.units) {
    const n = Math.max(4, Math.round((total * u.staffShare) / shareSum));
    staff += n;
    let layer = Math.max(1, Math.ceil(n / params.init.spanOfControl));
    managers += 1 + layer; // the head and the first line
    for (let l = u.layers - 2; l >= 1; l--) {
      layer = Math.max(1, Math.ceil(layer / params.init.spanUp));
      managers += layer;
    }
  }
  const rest = org.citizenSample + org.politicians + org.partners;
  return {
    staff,
    managers,
    citizens: org.citizenSample,
    politicians: org.politicians,
    partners: org.partners,
    total: staff + managers + rest,
  };
}

/**
 * The largest value a sweep gives an organisation field (the field's own value without one), from
 * the sweep section (grid lists, hypercube upper bounds) or from sweep points already expanded.
 */
export function sweptMax(org: OrgConfig, sweep: SweepSpec | readonly SweepPoint[] | null | undefined, field: keyof OrgConfig): number {
  const name = `organisation.${field}`;
  let values: readonly number[] | undefined;
  if (Array.isArray(sweep))
    values = (sweep as readonly SweepPoint[]).flatMap((p) => (p.values[name] === undefined ? [] : [p.values[name]]));
  else if (sweep) {
    const spec = sweep as SweepSpec;
    const range = spec.latinHypercube?.ranges[name];
    values = spec.grid?.[name] ?? (range ? [range[1]] : undefined);
  }
  return values && values.length > 0 ? Math.max(...values) : (org[field] as number);
}

/** The organisation at its largest over a sweep: the counts that decide the number of agents at their maxima. */
export function largestOrg(org: OrgConfig, sweep: SweepSpec | readonly SweepPoint[] | null | undefined): OrgConfig {
  if (!sweep) return org;
  return {
    ...org,
    population: sweptMax(org, sweep, 'population'),
    staffPerThousand: sweptMax(org, sweep, 'staffPerThousand'),
    citizenSample: sweptMax(org, sweep, 'citizenSample'),
    politicians: sweptMax(org, sweep, 'politicians'),
    partners: sweptMax(org, sweep, 'partners'),
  };
}

/** A name or seed written as text: 1 to LIMITS.nameLength characters on one line (it names folders). */
export const SHORT_TEXT = /^[^\p{Cc}]*$/u;
export function isShortText(s: string): boolean {
  return s.length >= 1 && s.length <= LIMITS.nameLength && SHORT_TEXT.test(s);
}
