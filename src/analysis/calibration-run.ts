/**
 * Running a calibration file: ABC-SMC (calibration/abc-smc.ts) with the model as simulator. Each
 * round's candidates × replicates run on the worker pool (batch/replicates.ts, results in task
 * order whatever the number of threads); candidate i of a round whose state has already simulated
 * S particles uses replicates (S + i) R … (S + i) R + R − 1 of the scenario's seed, so every
 * simulation of a calibration has its own random numbers and nothing depends on scheduling.
 * After each round the whole state is written to OUT/checkpoint.json (write then rename), so an
 * interrupted calibration resumes at the round it was in, with byte-identical results. When the
 * last generation is done, its particles are simulated once more with fresh replicates (the
 * posterior predictive check), and OUT/ensemble.json is written.
 */
import { join } from 'node:path';
import { ENSEMBLE_FORMAT, type EnsembleFile, ORDER_RULE } from '../batch/ensemble.js';
import { mapReplicates, openReplicatePool, type ReplicatePool } from '../batch/replicates.js';
import { applyPoint } from '../batch/sweep.js';
import type { WorkerResult, WorkerTask } from '../batch/worker.js';
import { type AbcGenerationSummary, type AbcSmcState, abcSmcInit, acceptRound, proposeRound } from '../calibration/abc-smc.js';
import { resampleSystematic, weightedQuantile } from '../calibration/weighted.js';
import { deriveSeed, Rng } from '../engine/rng.js';
import { isTempName, removeStaleTemps, writeFileAtomic } from '../io/atomic.js';
import { fsio } from '../io/fs.js';
import { provenance } from '../io/provenance.js';
import { formatNumber } from '../io/tables.js';
import { INDICATORS } from '../model/index.js';
import type { CalibrationSpec } from './calibration-spec.js';
import { type DataTarget, targetDistance, targetLabel, windowMean } from './calibration-targets.js';

export const CHECKPOINT_FORMAT = 'tanker-calibration-checkpoint/1';
export const CHECKPOINT = 'checkpoint.json';
export const ENSEMBLE = 'ensemble.json';

/** Per target: weighted quantiles, over the final particles, of their simulated statistic (fresh replicates). */
export interface PredictiveCheck {
  readonly target: string;
  readonly indicator: string;
  readonly from: number;
  readonly to: number;
  readonly observed: DataTarget['observed'];
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  /** Each particle's statistic, in particle order. */
  readonly values: readonly number[];
}

/** The ensemble file a calibration writes: the batch's ensemble format plus its diagnostics. */
export interface CalibrationEnsemble extends EnsembleFile {
  readonly history: readonly AbcGenerationSummary[];
  readonly predictive: readonly PredictiveCheck[];
}

export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly spec: string;
  readonly state: AbcSmcState;
  /** Per particle of the final population, per target: the predictive statistic (null until run). */
  readonly predictive: readonly (readonly number[])[] | null;
}

export interface CalibrationOptions {
  readonly out: string;
  /** Worker threads; results do not depend on it. */
  readonly threads: number;
  /** Continue the calibration in `out` from its checkpoint. */
  readonly resume: boolean;
  /** Model runs of the round about to start (candidates × replicates), and the state it starts from. */
  readonly onRoundStart?: (runs: number, state: AbcSmcState, what: 'round' | 'predictive') => void;
  readonly onDone?: (done: number) => void;
  /** After each round is checkpointed. */
  readonly onRound?: (state: AbcSmcState) => void;
  /** Called once when the run continues from a checkpoint, with the rounds already finished. */
  readonly onResume?: (round: number) => void;
  /** Checked between rounds: stop (keeping the checkpoint) when it returns true. */
  readonly stopped?: () => boolean;
  /**
   * Who simulates a round (default: this process's worker pool). The Slurm driver passes one
   * that runs each round as a job array (analysis/calibration-shards.ts); results are the same.
   */
  readonly executor?: RoundExecutor | undefined;
}

/** One round's simulations: candidate i uses replicates first + i R … first + i R + R − 1. */
export interface RoundWork {
  /** Names the round in shard files: `round-<rounds accepted so far>` or `predictive`. */
  readonly key: string;
  readonly what: 'round' | 'predictive';
  readonly thetas: readonly (readonly number[])[];
  readonly first: number;
}

/** Simulates a round's candidates and returns each one's statistic per target. */
export type RoundExecutor = (work: RoundWork, onDone?: (done: number) => void) => Promise<number[][]>;

export interface CalibrationOutcome {
  readonly state: AbcSmcState;
  /** Rounds already finished before this run (from the checkpoint). */
  readonly resumedAtRound: number;
  readonly interrupted: boolean;
  readonly ensemble: CalibrationEnsemble | null;
  /** Model runs made by this process. */
  readonly runs: number;
}

/** The ABC-SMC settings of a calibration file. */
export function abcSpecOf(spec: CalibrationSpec) {
  const m = spec.method;
  return {
    parameters: spec.parameters,
    populationSize: m.particles,
    quantile: m.quantile,
    maxGenerations: m.generations,
    minEpsilon: m.minEpsilon,
    maxSimulations: m.maxSimulations,
  };
}

export function readCheckpoint(out: string): Checkpoint | null {
  const path = join(out, CHECKPOINT);
  if (!fsio.existsSync(path)) return null;
  const c = JSON.parse(fsio.readFileSync(path).toString('utf8')) as Checkpoint;
  if (c.format !== CHECKPOINT_FORMAT)
    throw new Error(`${path}: format: found ${JSON.stringify(c.format)}; allowed: "${CHECKPOINT_FORMAT}"`);
  return c;
}

/** The folder must be new or empty, or hold this calibration when resuming. */
export function startState(spec: CalibrationSpec, out: string, resume: boolean): Checkpoint {
  const cp = fsio.existsSync(out) ? readCheckpoint(out) : null;
  if (cp) {
    if (cp.spec !== spec.hash)
      throw new Error(`${out} holds another calibration (spec ${cp.spec}; this file makes spec ${spec.hash}); choose another --out`);
    if (!resume)
      throw new Error(`${out} already holds this calibration (spec ${cp.spec}); pass --resume to continue it, or choose another --out`);
    return cp;
  }
  if (fsio.existsSync(out)) {
    const present = fsio.readdirSync(out).filter((f) => !isTempName(f));
    if (present.length > 0)
      throw new Error(`${out} is not empty and holds no calibration (no ${CHECKPOINT}); choose an empty or new --out folder`);
  }
  return { format: CHECKPOINT_FORMAT, spec: spec.hash, state: abcSmcInit(abcSpecOf(spec), spec.method.seed), predictive: null };
}

/**
 * Simulate parameter vectors, `R` replicates each starting at replicate index `first` (vector i
 * uses first + i R + j), and return each vector's statistic per target (mean over replicates).
 */
export async function simulate(
  spec: CalibrationSpec,
  thetas: readonly (readonly number[])[],
  first: number,
  pool: ReplicatePool,
  onDone?: (done: number) => void,
): Promise<number[][]> {
  const R = spec.method.replicates;
  const s = spec.scenario;
  const K = spec.targets.length;
  const columns = spec.targets.map((t) => INDICATORS.indexOf(t.indicator));
  const valuesOf = (theta: readonly number[]) => Object.fromEntries(spec.parameters.map((p, k) => [p.name, theta[k]!]));
  const task = (i: number): WorkerTask => ({
    config: applyPoint(s.config, { index: 0, values: valuesOf(thetas[Math.floor(i / R)]!) }),
    interventions: s.interventions,
    elections: s.elections,
    seed: s.seed,
    replicate: first + i,
  });
  const extract = (r: WorkerResult) => spec.targets.map((t, k) => windowMean(r.data, r.width, columns[k]!, t.from, t.to));
  let per: number[][];
  try {
    per = await mapReplicates(thetas.length * R, task, extract, pool, onDone);
  } catch (e) {
    const m = /^task (\d+) failed: ([\s\S]*)$/.exec(e instanceof Error ? e.message : '');
    if (!m) throw e;
    const i = Number(m[1]);
    const values = Object.entries(valuesOf(thetas[Math.floor(i / R)]!))
      .map(([n, v]) => `${n}=${formatNumber(v)}`)
      .join(', ');
    throw new Error(`the model run with ${values} (seed ${s.seed}, replicate ${first + i}) failed: ${m[2]}`);
  }
  return thetas.map((_, c) =>
    Array.from({ length: K }, (_, k) => {
      let sum = 0;
      for (let j = 0; j < R; j++) sum += per[c * R + j]![k]!;
      return sum / R;
    }),
  );
}

/** Run (or continue) a calibration; writes OUT/checkpoint.json after every round and OUT/ensemble.json at the end. */
export async function runCalibration(spec: CalibrationSpec, opts: CalibrationOptions): Promise<CalibrationOutcome> {
  const { out } = opts;
  let cp = startState(spec, out, opts.resume);
  fsio.mkdirSync(out);
  removeStaleTemps(out, true);
  const resumedAtRound = cp.state.round;
  if (resumedAtRound > 0) opts.onResume?.(resumedAtRound);
  const R = spec.method.replicates;
  let runs = 0;
  const save = (next: Checkpoint) => {
    writeFileAtomic(join(out, CHECKPOINT), `${JSON.stringify(next)}\n`);
    cp = next;
  };
  // One pool for every round: threads start and warm up once.
  const pool = opts.executor ? null : openReplicatePool(opts.threads);
  const execute: RoundExecutor = opts.executor ?? ((work, onDone) => simulate(spec, work.thetas, work.first, pool!, onDone));
  try {
    for (let work = roundWork(cp, R); work !== null; work = roundWork(cp, R)) {
      if (opts.stopped?.()) return { state: cp.state, resumedAtRound, interrupted: true, ensemble: null, runs };
      opts.onRoundStart?.(work.thetas.length * R, cp.state, work.what);
      const stats = await execute(work, opts.onDone);
      runs += work.thetas.length * R;
      if (work.what === 'predictive') save({ ...cp, predictive: stats });
      else {
        const distances = stats.map((s) => targetDistance(spec.targets, s));
        save({ ...cp, state: acceptRound(cp.state, distances) });
        opts.onRound?.(cp.state);
      }
    }
  } finally {
    await pool?.close();
  }
  const ensemble = ensembleOf(spec, cp.state, cp.predictive!);
  writeFileAtomic(join(out, ENSEMBLE), `${JSON.stringify(ensemble, null, 1)}\n`);
  return { state: cp.state, resumedAtRound, interrupted: false, ensemble, runs };
}

/**
 * What a checkpoint still needs simulated: the next round's candidates while the ABC-SMC runs, then
 * the final particles with fresh replicates (the predictive check), then nothing. A pure function
 * of the checkpoint, so the driver and every shard of a round agree on it without talking.
 */
export function roundWork(cp: Checkpoint, replicates: number): RoundWork | null {
  const first = cp.state.totalSimulations * replicates;
  if (!cp.state.done) return { key: `round-${cp.state.round}`, what: 'round', thetas: proposeRound(cp.state), first };
  if (cp.predictive === null) return { key: 'predictive', what: 'predictive', thetas: cp.state.population!.particles, first };
  return null;
}

/** The member order of an ensemble: N systematic draws by weight, shuffled with a stream of `seed`. */
export function memberOrder(weights: readonly number[], seed: string): number[] {
  const rng = new Rng(seed);
  const order = Int32Array.from(resampleSystematic(weights, weights.length, rng));
  rng.shuffle(order);
  return Array.from(order);
}

/** The posterior predictive check of each target from the final particles' fresh statistics. */
export function predictiveChecks(
  spec: CalibrationSpec,
  weights: readonly number[],
  stats: readonly (readonly number[])[],
): PredictiveCheck[] {
  return spec.targets.map((t, k) => {
    const values = stats.map((s) => s[k]!);
    const finite = values.map((v, i) => (Number.isFinite(v) ? weights[i]! : 0));
    const q = (p: number) =>
      finite.some((w) => w > 0)
        ? weightedQuantile(
            values.map((v) => (Number.isFinite(v) ? v : 0)),
            finite,
            p,
          )
        : Number.NaN;
    return {
      target: targetLabel(t),
      indicator: t.indicator,
      from: t.from,
      to: t.to,
      observed: t.observed,
      q05: q(0.05),
      q50: q(0.5),
      q95: q(0.95),
      values,
    };
  });
}

/** The ensemble file of a finished calibration: members, order, provenance, history, predictive checks. */
export function ensembleOf(spec: CalibrationSpec, state: AbcSmcState, predictive: readonly (readonly number[])[]): CalibrationEnsemble {
  const pop = state.population!;
  const p = provenance();
  return {
    format: ENSEMBLE_FORMAT,
    name: spec.name,
    description: spec.description,
    parameters: spec.parameters,
    members: pop.particles.map((theta, i) => ({
      weight: pop.weights[i]!,
      distance: pop.distances[i]!,
      values: Object.fromEntries(spec.parameters.map((q, k) => [q.name, theta[k]!])),
    })),
    order: memberOrder(pop.weights, deriveSeed(spec.method.seed, 'ensemble-order')),
    rule: ORDER_RULE,
    provenance: {
      tool: p.tool,
      version: p.version,
      modelVersion: p.modelVersion,
      gitCommit: p.gitCommit,
      spec: { file: spec.file, hash: spec.hash },
      scenario: { source: spec.scenarioSource, name: spec.scenario.name, seed: spec.scenario.seed, resolved: spec.scenario.resolved },
      seed: spec.method.seed,
      method: {
        name: 'ABC-SMC (population Monte Carlo ABC, Beaumont et al. 2009) with adaptive tolerances',
        ...spec.method,
        distance: 'root mean square of standardised misses: (s − value) / sd, or outside a range in half-widths',
        replicateSeeds: `RngStreams("${spec.scenario.seed}", r): simulated particle n uses replicates n R … n R + R − 1 (R = ${spec.method.replicates})`,
      },
      targets: spec.targets.map((t) => ({ label: targetLabel(t), ...t })),
      generations: state.history.length,
      simulations: state.totalSimulations,
      modelRuns: (state.totalSimulations + pop.particles.length) * spec.method.replicates,
      stopReason: state.stopReason,
    },
    history: state.history,
    predictive: predictiveChecks(spec, pop.weights, predictive),
  };
}
