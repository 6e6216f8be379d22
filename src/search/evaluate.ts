/**
 * Evaluating packages: every package runs in the same worlds, each a mechanism variant (every
 * combination of the contested mechanisms' alternatives, or only the scenario's) × replicate
 * 0..R−1 of the scenario's seed, so candidates are compared under common random numbers. Runs go
 * to the worker pool; results are gathered by task index, so they do not depend on the number of
 * threads.
 *
 * Over a calibration ensemble (plausible parameter sets), replicate r runs with member
 * order[r mod N] as in tanker batch --ensemble, so every candidate meets the same member in the
 * same world: common random numbers extend to the parameters.
 */
import { memberPoint } from '../batch/ensemble.js';
import { mapReplicates } from '../batch/replicates.js';
import { applyPoint } from '../batch/sweep.js';
import type { WorkerResult, WorkerTask } from '../batch/worker.js';
import { CHOICES, type ChoiceSpec, INDICATORS, type IndicatorName, type MechanismChoice, type ModelConfig } from '../model/index.js';
import { runEffort } from '../scenario/effort.js';
import { type PackageItem, packageInterventions } from './package.js';
import type { Measure, MeasureName, SearchSpec } from './spec.js';

export interface SearchWorld {
  /** e.g. "pace=slow-is-fast, matrixEffect=structure-first, r2" (", member 7" over an ensemble). */
  readonly label: string;
  /** Index of its mechanism variant (in `variants`). */
  readonly variant: number;
  readonly config: ModelConfig;
  readonly replicate: number;
  /** The ensemble member whose parameters it runs with, or null (the scenario's own). */
  readonly member: number | null;
}

export interface WorldSet {
  readonly variants: readonly MechanismChoice[];
  readonly worlds: readonly SearchWorld[];
}

/** Every combination of the contested mechanisms' alternatives, in declaration order. */
export function mechanismVariants(mode: 'all' | 'scenario', own: MechanismChoice): MechanismChoice[] {
  if (mode === 'scenario') return [own];
  let out: Record<string, string>[] = [{}];
  for (const [name, c] of Object.entries(CHOICES as Readonly<Record<string, ChoiceSpec>>))
    out = out.flatMap((v) => c.values.map((value) => ({ ...v, [name]: value })));
  return out as unknown as MechanismChoice[];
}

export function variantLabel(v: MechanismChoice): string {
  return Object.entries(v)
    .map(([k, x]) => `${k}=${x}`)
    .join(', ');
}

/**
 * The worlds every candidate runs in: variants × replicates. Over an ensemble, replicate r runs
 * with member order[r mod N] under every variant, as in tanker batch --ensemble.
 */
export function searchWorlds(spec: SearchSpec): WorldSet {
  const base = spec.scenario.config;
  const e = spec.ensemble;
  const variants = mechanismVariants(spec.mechanisms, base.mechanisms);
  const worlds: SearchWorld[] = [];
  variants.forEach((mechanisms, vi) => {
    for (let r = 0; r < spec.replicates; r++) {
      const member = e ? e.order[r % e.order.length]! : null;
      const config = { ...base, mechanisms };
      worlds.push({
        label: `${variantLabel(mechanisms)}, r${r}${member === null ? '' : `, member ${member}`}`,
        variant: vi,
        config: e ? applyPoint(config, memberPoint(e, r)) : config,
        replicate: r,
        member,
      });
    }
  });
  return { variants, worlds };
}

/** Measures an evaluation records per world: `name@week` for indicators. */
export function measureKey(m: Measure): string {
  return m.name === 'turn' || m.name === 'effort' ? m.name : `${m.name}@${m.week}`;
}

/** What one package did in every world. */
export interface PackageEvaluation {
  readonly package: readonly PackageItem[];
  /** Effort of the package's levers alone, in million NOK (the base scenario's interventions are common to all). */
  readonly effort: number;
  readonly staffHours: number;
  /** Week it turned in each world, or null. */
  readonly turnTick: readonly (number | null)[];
  /** Indicator values per world, by measure key. */
  readonly values: Readonly<Record<string, readonly number[]>>;
}

/** The indicator measures a spec reads (deduplicated, objectives first). */
export function indicatorMeasures(spec: SearchSpec): Measure[] {
  const seen = new Map<string, Measure>();
  for (const m of [...spec.objectives, ...spec.constraints])
    if (m.name !== 'turn' && m.name !== 'effort' && !seen.has(measureKey(m))) seen.set(measureKey(m), { name: m.name, week: m.week });
  return [...seen.values()];
}

export interface EvaluateOptions {
  readonly threads: number;
  /** Model runs finished so far in this call. */
  readonly onRun?: (done: number) => void;
}

/** Run each package in every world on the pool. */
export async function evaluatePackages(
  spec: SearchSpec,
  set: WorldSet,
  packages: readonly (readonly PackageItem[])[],
  opts: EvaluateOptions,
): Promise<PackageEvaluation[]> {
  const W = set.worlds.length;
  const measures = indicatorMeasures(spec);
  const columns = measures.map((m) => INDICATORS.indexOf(m.name as IndicatorName));
  const s = spec.scenario;
  const interventions = packages.map((p) => packageInterventions(s, p));
  type Raw = { turnTick: number | null; values: number[] };
  const raw = await mapReplicates<Raw>(
    packages.length * W,
    (i): WorkerTask => {
      const w = set.worlds[i % W]!;
      return {
        config: w.config,
        interventions: interventions[Math.floor(i / W)]!,
        elections: s.elections,
        seed: s.seed,
        replicate: w.replicate,
      };
    },
    (r: WorkerResult) => ({
      turnTick: r.turnTick,
      values: measures.map((m, k) => r.data[(m.week - 1) * r.width + columns[k]!]!),
    }),
    opts.threads,
    opts.onRun,
  );
  return packages.map((p, pi) => {
    const rows = raw.slice(pi * W, (pi + 1) * W);
    const own = packageInterventions({ ...s, interventions: [] }, p);
    const e = runEffort(own, s.config.org, s.config.ticks, s.costs);
    const values: Record<string, number[]> = {};
    measures.forEach((m, k) => {
      values[measureKey(m)] = rows.map((r) => r.values[k]!);
    });
    return { package: p, effort: e.cost / 1e6, staffHours: e.staffHours, turnTick: rows.map((r) => r.turnTick), values };
  });
}

/** Did it turn before week `by` in world w? */
export function turnedBy(e: PackageEvaluation, w: number, by: number): boolean {
  const t = e.turnTick[w];
  return t !== null && t !== undefined && t < by;
}

/** The mean of a measure over the worlds (turn: the share of worlds where it turned by turnBy). */
export function measureMean(spec: SearchSpec, e: PackageEvaluation, m: { readonly name: MeasureName; readonly week: number }): number {
  if (m.name === 'effort') return e.effort;
  const W = e.turnTick.length;
  if (m.name === 'turn') {
    let n = 0;
    for (let w = 0; w < W; w++) if (turnedBy(e, w, spec.turnBy)) n++;
    return n / W;
  }
  const v = e.values[measureKey(m)]!;
  return v.reduce((a, b) => a + b, 0) / v.length;
}

/** NSGA-II's view: objectives to minimise (maximised ones negated) and the total constraint violation. */
export function scoreOf(spec: SearchSpec, e: PackageEvaluation): { objectives: number[]; violation: number } {
  const objectives = spec.objectives.map((o) => {
    const v = measureMean(spec, e, o);
    return o.direction === 'max' ? -v : v;
  });
  let violation = 0;
  const excess = (v: number, limit: number) => Math.max(0, v) / Math.max(Math.abs(limit), 1);
  for (const c of spec.constraints) {
    const v = measureMean(spec, e, c);
    if (c.min !== null) violation += excess(c.min - v, c.min);
    if (c.max !== null) violation += excess(v - c.max, c.max);
  }
  if (spec.budget !== null) violation += excess(e.effort - spec.budget, spec.budget);
  return { objectives, violation };
}
