/**
 * Running a discovery: the package runs under sampled conditions (a Latin hypercube with the
 * discover file's seed over the numeric conditions, and over [0, 1) cut into equal parts for each
 * mechanism condition's alternatives), `replicates` replicates of the scenario's seed at every
 * point (the same at every point: common random numbers). Over a calibration ensemble, the member
 * is one more sampled dimension and its parameters become columns PRIM and CART can restrict, so a
 * box can say "fails mostly when signals.relay is below 0.3". A point's outcome is the share of its
 * replicates that fail; PRIM and CART then find the regions of the conditions where failures
 * concentrate.
 */

import { parameterBounds } from '../analysis/sensitivity-spec.js';
import { mapReplicates } from '../batch/replicates.js';
import { applyPoint, latinHypercube } from '../batch/sweep.js';
import type { WorkerResult } from '../batch/worker.js';
import { INDICATORS, type MechanismChoice, type ModelConfig } from '../model/index.js';
import { type CartResult, cart } from './cart.js';
import type { Column, Dataset } from './data.js';
import { type PrimResult, prim } from './prim.js';
import { type Condition, type DiscoverSpec, ensembleParameters, LAYERS_CONDITION } from './spec.js';

export interface DiscoverPoint {
  /** Numeric conditions by name, mechanism conditions by name (the alternative), and the ensemble member's parameters. */
  readonly values: Readonly<Record<string, number | string>>;
  /** The ensemble member it runs with, or null (no ensemble). */
  readonly member: number | null;
  readonly config: ModelConfig;
}

/** The hypercube's dimension that picks the ensemble member (not a condition name: those have a dot or are parameters). */
const MEMBER_DIMENSION = 'ensemble member';

/** The columns an ensemble adds: its members' parameters (integers as the model rounds them). */
export function ensembleConditions(spec: DiscoverSpec): Condition[] {
  if (!spec.ensemble) return [];
  const e = spec.ensemble;
  return ensembleParameters(e).map((name): Condition => {
    const vs = e.members.map((m, i) => {
      const v = m.values[name];
      if (v === undefined)
        throw new Error(`${e.source}: members[${i}].values: found no "${name}"; allowed: every member setting the same parameters`);
      return v;
    });
    return { kind: 'numeric', name, low: Math.min(...vs), high: Math.max(...vs), integer: parameterBounds(name)?.integer ?? false };
  });
}

/**
 * The sampled conditions, in design order. Over an ensemble the hypercube has one more dimension,
 * last (so the conditions' columns are drawn as without one), cut into equal strata over the
 * ensemble's `order`: each point runs with member order[⌊u·N⌋], so members appear in proportion
 * to their weights, and its parameters join the point's values.
 */
export function discoverPoints(spec: DiscoverSpec): DiscoverPoint[] {
  const ranges = Object.fromEntries(
    // Integers get equal strata per whole number: the range widened by half a step each side, then rounded.
    spec.conditions.map((c) => [
      c.name,
      c.kind === 'mechanism' ? ([0, 1] as const) : c.integer ? ([c.low - 0.5, c.high + 0.5] as const) : ([c.low, c.high] as const),
    ]),
  );
  const e = spec.ensemble;
  if (e) ranges[MEMBER_DIMENSION] = [0, 1] as const;
  const fromMember = ensembleConditions(spec);
  const base = spec.scenario.config;
  return latinHypercube(spec.samples, ranges, spec.seed).map((p) => {
    const values: Record<string, number | string> = {};
    const sweep: Record<string, number> = {};
    let member: number | null = null;
    if (e) {
      member = e.order[Math.min(e.order.length - 1, Math.floor(p.values[MEMBER_DIMENSION]! * e.order.length))]!;
      const m = e.members[member]!.values;
      for (const c of fromMember) {
        const v = m[c.name]!;
        sweep[c.name] = v;
        values[c.name] = c.kind === 'numeric' && c.integer ? Math.round(v) : v;
      }
    }
    let mechanisms: MechanismChoice = base.mechanisms;
    let layers: number | null = null;
    for (const c of spec.conditions) {
      const u = p.values[c.name]!;
      if (c.kind === 'mechanism') {
        const v = c.values[Math.min(c.values.length - 1, Math.floor(u * c.values.length))]!;
        values[c.name] = v;
        mechanisms = { ...mechanisms, [c.mechanism]: v };
      } else {
        const v = c.integer ? Math.min(c.high, Math.max(c.low, Math.round(u))) : u;
        values[c.name] = v;
        if (c.name === LAYERS_CONDITION) layers = v;
        else sweep[c.name] = v;
      }
    }
    let config = applyPoint({ ...base, mechanisms }, { index: p.index, values: sweep });
    if (layers !== null) config = { ...config, org: { ...config.org, units: config.org.units.map((u) => ({ ...u, layers: layers! })) } };
    return { values, member, config };
  });
}

export interface DiscoverResult {
  readonly points: readonly DiscoverPoint[];
  /** Failed replicates per point (0..replicates). */
  readonly failures: readonly number[];
  readonly data: Dataset;
  /** Null when no replicate failed (nothing to find). */
  readonly prim: PrimResult | null;
  readonly cart: CartResult;
  readonly runs: number;
}

/** Did one replicate fail? */
function failed(spec: DiscoverSpec, r: WorkerResult): boolean {
  if (spec.indicator) {
    const i = spec.indicator;
    const v = r.data[(i.week - 1) * r.width + INDICATORS.indexOf(i.name)]!;
    return i.below !== null ? v < i.below : v > i.above!;
  }
  return r.turnTick === null || r.turnTick >= spec.turnBy;
}

/** The data PRIM and CART read: one column per condition, the share of failed replicates as outcome. */
export function discoverData(
  conditions: readonly Condition[],
  points: readonly DiscoverPoint[],
  failures: readonly number[],
  replicates: number,
): Dataset {
  const columns: Column[] = conditions.map((c): Column => {
    if (c.kind === 'mechanism') {
      const levels = [...c.values];
      return { kind: 'categorical', name: c.name, levels, values: points.map((p) => levels.indexOf(p.values[c.name] as string)) };
    }
    return { kind: 'numeric', name: c.name, integer: c.integer, values: points.map((p) => p.values[c.name] as number) };
  });
  return { columns, y: failures.map((f) => f / replicates) };
}

export async function runDiscover(spec: DiscoverSpec, opts: { threads: number; onRun?: (done: number) => void }): Promise<DiscoverResult> {
  const points = discoverPoints(spec);
  const R = spec.replicates;
  const s = spec.scenario;
  const fails = await mapReplicates(
    points.length * R,
    (i) => ({
      config: points[Math.floor(i / R)]!.config,
      interventions: s.interventions,
      elections: s.elections,
      seed: s.seed,
      replicate: i % R,
    }),
    (r) => failed(spec, r),
    opts.threads,
    opts.onRun,
  );
  const failures = points.map((_, p) => fails.slice(p * R, (p + 1) * R).filter(Boolean).length);
  const data = discoverData([...spec.conditions, ...ensembleConditions(spec)], points, failures, R);
  const anyFailure = failures.some((f) => f > 0);
  return {
    points,
    failures,
    data,
    prim: anyFailure ? prim(data, { minMass: spec.prim.minMass, alpha: spec.prim.alpha }) : null,
    cart: cart(data, { maxDepth: spec.cart.maxDepth, minLeaf: spec.cart.minLeaf }),
    runs: points.length * R,
  };
}
