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
import { INDICATORS, type ModelConfig } from '../model/index.js';
import type { Condition, RunResult } from '../validation/design.js';
import { baseConfig } from '../validation/design.js';
import { claimedEffect, FACTS, type FactContext } from '../validation/facts.js';
import { type Sensitivity, sensitivityOf } from './calibration-sensitivity.js';
import type { CalibrationSpec } from './calibration-spec.js';
import {
  isPattern,
  type Statistic,
  statisticsOf,
  type TargetObservation,
  targetDistance,
  targetLabel,
  windowMean,
} from './calibration-targets.js';

export const CHECKPOINT_FORMAT = 'tanker-calibration-checkpoint/1';
export const CHECKPOINT = 'checkpoint.json';
export const ENSEMBLE = 'ensemble.json';

/** Per statistic (data target, or check of a pattern target): weighted quantiles, over the final particles, of its simulated value (fresh replicates). */
export interface PredictiveCheck {
  readonly target: string;
  readonly observed: TargetObservation;
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
  /** Which target constrains which parameter: rank correlations over every simulated candidate. */
  readonly sensitivity: Sensitivity;
}

/** Every candidate simulated in one round: its parameters and its statistics (JSON turns NaN into null). */
interface RoundSample {
  readonly thetas: readonly (readonly number[])[];
  readonly stats: readonly (readonly (number | null)[])[];
}

export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly spec: string;
  readonly state: AbcSmcState;
  /** Per particle of the final population, per target: the predictive statistic (null until run). */
  readonly predictive: readonly (readonly number[])[] | null;
  /** Every round's candidates and statistics, for the sensitivity table. */
  readonly samples: readonly RoundSample[];
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
  return {
    format: CHECKPOINT_FORMAT,
    spec: spec.hash,
    state: abcSmcInit(abcSpecOf(spec), spec.method.seed),
    predictive: null,
    samples: [],
  };
}

/** Weeks every fact's conditions run (fact 1 sets its own 416): the preset horizon the facts were written for. */
const FACT_WEEKS = baseConfig('small').ticks;

/** Particles simulated per call to the pool: bounds the run results held for the pattern checks. */
const CHUNK_TASKS = 512;

/** A pattern target's condition: the target's index and the condition's name in its fact. */
interface Use {
  readonly target: number;
  readonly condition: string;
}

/**
 * What one particle runs per replicate: the scenario itself (when there are data targets), then
 * every distinct condition of the pattern targets' facts, all with the same seed and replicate
 * index (common random numbers across conditions). Conditions that are the same run (the status
 * quo of facts 3, 7, 8 and 12, say) are one slot: `uses` lists every condition it stands for.
 */
interface Slot {
  /** Empty for the scenario's own run. */
  readonly uses: readonly Use[];
}

/** Model runs one particle costs: its replicates × (the scenario, if there are data targets, and every distinct condition of the pattern targets). */
export function particleRuns(spec: CalibrationSpec): number {
  return spec.method.replicates * slotsOf(spec).length;
}

/** What makes two conditions the same run (the seed and replicate are common to all). */
/** The stylised fact a pattern target names (calibration-spec.ts has checked that it exists). */
const factOf = (id: number) => FACTS.find((f) => f.id === id)!;

const conditionKey = (c: Condition): string => JSON.stringify([c.config, c.interventions, c.elections]);

function slotsOf(spec: CalibrationSpec): Slot[] {
  const slots: Slot[] = [];
  if (spec.targets.some((t) => !isPattern(t))) slots.push({ uses: [] });
  // Which conditions are the same run, judged on the scenario's own configuration; simulate
  // checks it again for every particle.
  const ctx = factContext(spec, spec.scenario.config);
  const byKey = new Map<string, Use[]>();
  spec.targets.forEach((t, k) => {
    if (!isPattern(t)) return;
    const fact = factOf(t.fact);
    for (const [name, c] of Object.entries(fact.conditions(ctx))) {
      const key = conditionKey(c);
      const uses = byKey.get(key);
      if (uses) uses.push({ target: k, condition: name });
      else {
        const fresh = [{ target: k, condition: name }];
        byKey.set(key, fresh);
        slots.push({ uses: fresh });
      }
    }
  });
  return slots;
}

/** The context a particle's fact conditions start from: its parameters on the scenario's configuration, for the facts' horizon. */
function factContext(spec: CalibrationSpec, config: ModelConfig): FactContext {
  return { size: spec.scenario.resolved.size, alpha: 0.01, base: { ...config, ticks: FACT_WEEKS } };
}

/**
 * Weeks the scenario's runs simulate (after the spin-up): up to the last week a data target reads.
 * Exact, because the model never looks ahead (a run cut at week T equals the first T weeks of a
 * longer one: tests/calibration/horizon.test.ts), so the statistics are those of full-length runs
 * at a fraction of the cost. The scenario's horizon when there are no data targets.
 */
export function dataHorizon(spec: CalibrationSpec): number {
  const ends = spec.targets.flatMap((t) => (isPattern(t) ? [] : [t.to + 1]));
  return ends.length > 0 ? Math.min(spec.scenario.config.ticks, Math.max(...ends)) : spec.scenario.config.ticks;
}

/**
 * Simulate parameter vectors, `R` replicates each starting at replicate index `first` (vector i
 * uses first + i R + j for every slot), and return each vector's statistics (statisticsOf order):
 * a data target's mean over replicates of its window mean, a pattern check's claimed effect.
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
  const slots = slotsOf(spec);
  const S = slots.length;
  const data = spec.targets.flatMap((t, k) => (isPattern(t) ? [] : [{ t, k, column: INDICATORS.indexOf(t.indicator) }]));
  // The data run is read for its targets' columns only, so it observes only those (and their inputs).
  const observed = [...new Set(data.map(({ t }) => t.indicator))];
  const horizon = dataHorizon(spec);
  const valuesOf = (theta: readonly number[]) => Object.fromEntries(spec.parameters.map((p, k) => [p.name, theta[k]!]));
  const out: number[][] = [];
  const perChunk = Math.max(1, Math.floor(CHUNK_TASKS / (R * S)));
  for (let c0 = 0; c0 < thetas.length; c0 += perChunk) {
    const chunk = thetas.slice(c0, c0 + perChunk);
    const configs = chunk.map((theta) => applyPoint(s.config, { index: 0, values: valuesOf(theta) }));
    const dataConfigs = configs.map((config) => ({ ...config, ticks: horizon }));
    const contexts = configs.map((config) => factContext(spec, config));
    const conditions = contexts.map((ctx) => {
      const byTarget = new Map<number, Record<string, Condition>>();
      for (const slot of slots) {
        for (const { target } of slot.uses) {
          if (byTarget.has(target)) continue;
          const t = spec.targets[target]!;
          if (isPattern(t)) byTarget.set(target, factOf(t.fact).conditions(ctx));
        }
        // One run stands for every condition of the slot: they must be the same run for this particle too.
        const [first, ...rest] = slot.uses.map((u) => byTarget.get(u.target)![u.condition]!);
        if (rest.some((c) => conditionKey(c) !== conditionKey(first!)))
          throw new Error(
            `calibration: conditions ${slot.uses.map((u) => u.condition).join(', ')} were one run for the scenario but differ for a particle`,
          );
      }
      return byTarget;
    });
    // Task i: particle ⌊i / (R S)⌋ of the chunk, replicate ⌊i / S⌋ mod R, slot i mod S.
    const task = (i: number): WorkerTask => {
      const c = Math.floor(i / (R * S));
      const replicate = first + (c0 + c) * R + (Math.floor(i / S) % R);
      const use = slots[i % S]!.uses[0];
      if (use === undefined)
        return {
          config: dataConfigs[c]!,
          interventions: s.interventions,
          elections: s.elections,
          seed: s.seed,
          replicate,
          indicators: observed,
        };
      const cond = conditions[c]!.get(use.target)![use.condition]!;
      return { config: cond.config, interventions: cond.interventions, elections: cond.elections, seed: s.seed, replicate };
    };
    const extract = (r: WorkerResult, i: number): number[] | RunResult =>
      slots[i % S]!.uses.length === 0
        ? data.map(({ t, column }) => windowMean(r.data, r.width, column, t.from, t.to))
        : { data: r.data, width: r.width, turnTick: r.turnTick, totals: r.totals };
    let per: (number[] | RunResult)[];
    try {
      per = await mapReplicates(chunk.length * R * S, task, extract, pool, onDone && ((done) => onDone(c0 * R * S + done)));
    } catch (e) {
      const m = /^task (\d+) failed: ([\s\S]*)$/.exec(e instanceof Error ? e.message : '');
      if (!m) throw e;
      const i = Number(m[1]);
      const c = Math.floor(i / (R * S));
      const values = Object.entries(valuesOf(chunk[c]!))
        .map(([n, v]) => `${n}=${formatNumber(v)}`)
        .join(', ');
      const uses = slots[i % S]!.uses;
      const what =
        uses.length === 0
          ? 'the model run'
          : `the run of ${uses.map((u) => `fact ${(spec.targets[u.target] as { fact: number }).fact}'s condition ${u.condition}`).join(' and ')}`;
      throw new Error(
        `${what} with ${values} (seed ${s.seed}, replicate ${first + (c0 + c) * R + (Math.floor(i / S) % R)}) failed: ${m[2]}`,
      );
    }
    chunk.forEach((_, c) => {
      const at = (slot: number, j: number) => per[(c * R + j) * S + slot]!;
      const stats: number[] = [];
      spec.targets.forEach((t, k) => {
        if (isPattern(t)) {
          const runs: Record<string, RunResult[]> = {};
          slots.forEach((slot, si) => {
            for (const u of slot.uses) if (u.target === k) runs[u.condition] = Array.from({ length: R }, (_, j) => at(si, j) as RunResult);
          });
          const fact = factOf(t.fact);
          for (const check of fact.evaluate(runs, contexts[c]!)) stats.push(claimedEffect(check));
        } else {
          const d = data.findIndex((x) => x.k === k);
          let sum = 0;
          for (let j = 0; j < R; j++) sum += (at(0, j) as number[])[d]!;
          stats.push(sum / R);
        }
      });
      out.push(stats);
    });
  }
  return out;
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
  const statistics = statisticsOf(spec.targets);
  const runsPerParticle = particleRuns(spec);
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
      opts.onRoundStart?.(work.thetas.length * runsPerParticle, cp.state, work.what);
      const stats = await execute(work, opts.onDone);
      runs += work.thetas.length * runsPerParticle;
      if (work.what === 'predictive') save({ ...cp, predictive: stats });
      else {
        const distances = stats.map((s) => targetDistance(statistics, s));
        save({ ...cp, state: acceptRound(cp.state, distances), samples: [...(cp.samples ?? []), { thetas: work.thetas, stats }] });
        opts.onRound?.(cp.state);
      }
    }
  } finally {
    await pool?.close();
  }
  const ensemble = ensembleOf(spec, cp.state, cp.predictive!, cp.samples ?? []);
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

/** The posterior predictive check of each statistic from the final particles' fresh statistics. */
export function predictiveChecks(
  statistics: readonly Statistic[],
  weights: readonly number[],
  stats: readonly (readonly (number | null)[])[],
): PredictiveCheck[] {
  return statistics.map((st, k) => {
    const values = stats.map((s) => s[k] ?? Number.NaN);
    const finite = values.map((v, i) => (Number.isFinite(v) ? weights[i]! : 0));
    const q = (p: number) =>
      finite.some((w) => w > 0)
        ? weightedQuantile(
            values.map((v) => (Number.isFinite(v) ? v : 0)),
            finite,
            p,
          )
        : Number.NaN;
    return { target: st.label, observed: st.observed, q05: q(0.05), q50: q(0.5), q95: q(0.95), values };
  });
}

/** The ensemble file of a finished calibration: members, order, provenance, history, predictive checks. */
export function ensembleOf(
  spec: CalibrationSpec,
  state: AbcSmcState,
  predictive: readonly (readonly (number | null)[])[],
  samples: readonly RoundSample[],
): CalibrationEnsemble {
  const pop = state.population!;
  const statistics = statisticsOf(spec.targets);
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
        distance:
          'weighted root mean square of standardised misses: (s − value) / sd, outside a range in half-widths, a pattern check’s shortfall minD − d; each target weighs 1, the checks of a fact share it',
        patterns: `a pattern target's checks run the fact's conditions with the particle's parameters on the scenario's configuration (${FACT_WEEKS} weeks; fact 1 416), R replicates each with common random numbers; d = Cohen's d (paired: of the differences) in the claimed direction`,
        replicateSeeds: `RngStreams("${spec.scenario.seed}", r): simulated particle n uses replicates n R … n R + R − 1 (R = ${spec.method.replicates})`,
      },
      targets: spec.targets.map((t) => ({ label: targetLabel(t), ...t })),
      runsPerParticle: particleRuns(spec),
      generations: state.history.length,
      simulations: state.totalSimulations,
      modelRuns: (state.totalSimulations + pop.particles.length) * spec.method.replicates * slotsOf(spec).length,
      stopReason: state.stopReason,
    },
    history: state.history,
    predictive: predictiveChecks(statistics, pop.weights, predictive),
    sensitivity: sensitivityOf(
      spec.parameters.map((p) => p.name),
      statistics.map((st) => st.label),
      samples.flatMap((r) => r.thetas),
      samples.flatMap((r) => r.stats),
    ),
  };
}
